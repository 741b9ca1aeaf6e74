import { DataSource } from 'typeorm';
import type { EventEnvelope } from '@redress/contracts';
import { SubgraphHarness, waitFor } from '@redress/testing';
import { loadNotificationSettings } from '../../src/config/notification-settings.js';
import { NotificationModule } from '../../src/notification.module.js';
import { PeerStubs } from './peer-stubs.js';
import { SmtpSink, type CapturedEmail } from './smtp-sink.js';

export const MANAGERS = ['duty.manager@example.com', 'head.of.care@example.com'];

/**
 * The notification service as it runs (HTTP, RabbitMQ consumer, BullMQ worker) on the real servers in
 * its own vhost, databases and BullMQ prefix, with its own SMTP server and stand-ins for its peers.
 */
export class NotificationFixture {
  private constructor(readonly harness: SubgraphHarness, readonly smtp: SmtpSink, readonly peers: PeerStubs, readonly db: DataSource) {}

  static async start(env: NodeJS.ProcessEnv = {}): Promise<NotificationFixture> {
    const smtp = await SmtpSink.start();
    const harness = await SubgraphHarness.start('notification', (config) => {
      const ours = { ...config, smtpUrl: smtp.url, managerEmail: MANAGERS.join(',') };
      const settings = loadNotificationSettings(ours, {
        EMAIL_RETRY_BASE_MS: '200', EMAIL_RETRY_MAX_MS: '1000', EMAIL_DELIVERY_ATTEMPTS: '4', DELIVERY_SWEEP_INTERVAL_MS: '600000', ...env,
      });
      return NotificationModule.forRoot(ours, settings);
    });
    const peers = await PeerStubs.start(harness.env.config.rabbitmqUrl);
    return new NotificationFixture(harness, smtp, peers, harness.app.get(DataSource));
  }

  publish(event: EventEnvelope): Promise<void> {
    return this.harness.publish(event);
  }

  /** Waits until `address` has received `count` emails, then a little longer to catch any extra. */
  async emailsTo(address: string, count = 1, settleMs = 300): Promise<CapturedEmail[]> {
    await waitFor(() => this.smtp.to(address).length >= count, { timeoutMs: 20_000, description: `${count} email(s) to ${address}` });
    await new Promise((resolve) => setTimeout(resolve, settleMs));
    return this.smtp.to(address);
  }

  /** Events notification wrote to its outbox (what it announced). */
  async announced(type: string): Promise<EventEnvelope[]> {
    const rows: { envelope: EventEnvelope | string }[] = await this.db.query(`SELECT envelope FROM outbox WHERE type = $1 ORDER BY created_at`, [type]);
    return rows.map((row) => (typeof row.envelope === 'string' ? JSON.parse(row.envelope) : row.envelope));
  }

  /** Every event published so far has been handled (acknowledged) by notification. */
  async drained(): Promise<void> {
    await waitFor(async () => (await this.harness.queueDepth('notification.events')) === 0, { timeoutMs: 30_000, description: 'notification.events to drain' });
  }

  async stop(): Promise<void> {
    await this.peers?.close();
    await this.harness?.stop();
    await this.smtp?.close();
  }
}
