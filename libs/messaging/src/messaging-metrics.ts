import type { DataSource } from 'typeorm';
import type { ServiceName } from '@redress/contracts';
import { scrapedGauge } from '@redress/observability';
import type { AmqpConnection } from './amqp-connection.js';
import { deadLetterQueue, eventsQueue } from './queue-names.js';

/**
 * Gauges read at scrape time: how far the outbox lags behind (what an alert on a stuck relay watches)
 * and how many messages wait in the service's queue and dead-letter queue (what KEDA scales on).
 */
export function registerMessagingGauges(service: ServiceName, dataSource: DataSource, connection: AmqpConnection): void {
  scrapedGauge('redress_outbox_pending', 'Events written to the outbox and not yet published', [], async (gauge) => {
    const [row] = await dataSource.query(`SELECT count(*)::int AS pending FROM outbox WHERE published_at IS NULL`);
    gauge.set(row.pending);
  });
  scrapedGauge('redress_outbox_lag_seconds', 'Age of the oldest unpublished outbox event (0 when none)', [], async (gauge) => {
    const [row] = await dataSource.query(`SELECT COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float AS lag FROM outbox WHERE published_at IS NULL`);
    gauge.set(row.lag);
  });
  scrapedGauge('redress_queue_messages', 'Messages ready in this service\'s queues', ['queue'], async (gauge) => {
    const model = await connection.waitForConnection(1000);
    const channel = await model.createChannel();
    channel.on('error', () => undefined);
    try {
      for (const queue of [eventsQueue(service), deadLetterQueue(service)]) gauge.set({ queue }, (await channel.checkQueue(queue)).messageCount);
    } finally {
      await channel.close().catch(() => undefined);
    }
  });
}
