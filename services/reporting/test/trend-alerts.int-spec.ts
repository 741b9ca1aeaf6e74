import { randomUUID } from 'node:crypto';
import amqp, { type Channel, type ChannelModel } from 'amqplib';
import { DataSource } from 'typeorm';
import { EVENTS_EXCHANGE, type Category, type EventEnvelope } from '@redress/contracts';
import { SubgraphHarness, envelope, waitFor } from '@redress/testing';
import { periodStart } from '../src/domain/trend-periods.js';
import { ReportingModule } from '../src/reporting.module.js';

const DAY = 86_400_000;

function received(category: Category, at: Date): EventEnvelope {
  return envelope('complaint.received', randomUUID(), {
    cycle: 0, channel: 'WEB', category, severity: null, priority: null, customerId: randomUUID(), receivedAt: at.toISOString(),
    acknowledgementDueAt: new Date(at.getTime() + DAY).toISOString(), resolutionDueAt: new Date(at.getTime() + 10 * DAY).toISOString(),
  }, { occurredAt: at.toISOString() });
}

describe('reporting: spike alerts', () => {
  let harness: SubgraphHarness;
  let broker: ChannelModel;
  let channel: Channel;
  const alerts: EventEnvelope<'complaint.trend_alert'>[] = [];
  const week = periodStart(new Date(), 'WEEK');
  const thisWeek = (i: number) => new Date(Math.min(week.getTime() + i * 60_000, Date.now() - 1000));
  const weeksAgo = (n: number) => new Date(week.getTime() - n * 7 * DAY + DAY);

  beforeAll(async () => {
    harness = await SubgraphHarness.start('reporting', (config) => ReportingModule.forRoot(config));
    broker = await amqp.connect(harness.env.config.rabbitmqUrl);
    channel = await broker.createChannel();
    const { queue } = await channel.assertQueue('', { exclusive: true });
    await channel.bindQueue(queue, EVENTS_EXCHANGE, 'complaint.trend_alert');
    await channel.consume(queue, (message) => message && alerts.push(JSON.parse(message.content.toString())), { noAck: true });
    // Baselines: DELIVERY one complaint a week, BILLING five a week, over the eight weeks before this one.
    for (let n = 1; n <= 8; n += 1) {
      await harness.publish(received('DELIVERY', weeksAgo(n)));
      for (let i = 0; i < 5; i += 1) await harness.publish(received('BILLING', weeksAgo(n)));
    }
  }, 60_000);

  afterAll(async () => {
    await broker?.close().catch(() => undefined);
    await harness?.stop();
  });

  const alertsFor = (category: Category) => alerts.filter((a) => a.data.category === category);

  it('raises complaint.trend_alert once when a category\'s week passes three times its baseline (and ten)', async () => {
    for (let i = 0; i < 9; i += 1) await harness.publish(received('DELIVERY', thisWeek(i)));
    await waitFor(async () => (await harness.queueDepth('reporting.events')) === 0, { description: 'nine handled' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(alertsFor('DELIVERY')).toEqual([]);
    for (let i = 9; i < 14; i += 1) await harness.publish(received('DELIVERY', thisWeek(i)));
    const [alert] = await waitFor(() => (alertsFor('DELIVERY').length ? alertsFor('DELIVERY') : undefined), { description: 'a DELIVERY alert' });
    expect(alert).toMatchObject({ type: 'complaint.trend_alert', version: 1, complaintId: null, reference: null, actor: null,
      data: { category: 'DELIVERY', periodStart: week.toISOString(), count: 10, baseline: 1 } });
    await waitFor(async () => (await harness.queueDepth('reporting.events')) === 0, { description: 'all handled' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(alertsFor('DELIVERY')).toHaveLength(1);
    const stored = await harness.app.get(DataSource).query(`SELECT count(*)::int AS n FROM event_store WHERE type = 'complaint.trend_alert'`);
    expect(stored[0].n).toBe(1);
  });

  it('stays quiet for a busy category that is only as busy as usual, and about past weeks', async () => {
    for (let i = 0; i < 12; i += 1) await harness.publish(received('BILLING', thisWeek(i)));
    for (let i = 0; i < 15; i += 1) await harness.publish(received('SAFETY', weeksAgo(2)));
    await waitFor(async () => (await harness.queueDepth('reporting.events')) === 0, { description: 'all handled' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(alertsFor('BILLING')).toEqual([]);
    expect(alertsFor('SAFETY')).toEqual([]);
  });
});
