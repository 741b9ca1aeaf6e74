import { Inject, Injectable, Logger } from '@nestjs/common';
import { TransactionRunner } from '@redress/persistence';
import { NOTIFICATION_SETTINGS, type NotificationSettings } from '../config/notification-settings.js';
import type { WebhookResponse } from './webhook-sender.js';

export interface PendingDelivery {
  id: string;
  webhookId: string;
  url: string;
  secret: string;
  active: boolean;
  body: string;
  eventId: string;
  eventType: string;
  attempts: number;
}

/**
 * The delivery log: every attempt with its answer, the delivery's outcome, and the webhook's run of
 * consecutive failures, which switches it off when it reaches WEBHOOK_DISABLE_AFTER_FAILURES.
 */
@Injectable()
export class WebhookOutcomes {
  private readonly logger = new Logger(WebhookOutcomes.name);

  constructor(private readonly transactions: TransactionRunner, @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings) {}

  async pending(deliveryId: string): Promise<PendingDelivery | null> {
    const [row] = await this.transactions.manager.query(
      `SELECT d.id, d.webhook_id AS "webhookId", w.url, w.secret, w.active, d.body, d.event_id AS "eventId", d.event_type AS "eventType", d.attempts
         FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
        WHERE d.id = $1 AND d.status = 'QUEUED'`,
      [deliveryId],
    );
    return row ?? null;
  }

  /** Records the attempt; true when the webhook has just been switched off by it. */
  async record(delivery: PendingDelivery, response: WebhookResponse): Promise<{ disabled: boolean }> {
    return this.transactions.run(async (db) => {
      const attempt = delivery.attempts + 1;
      await db.query(
        `INSERT INTO webhook_attempts (delivery_id, attempt, status_code, error, duration_ms) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
        [delivery.id, attempt, response.statusCode, response.error, response.durationMs],
      );
      await db.query(
        `UPDATE webhook_deliveries SET attempts = $2, last_status_code = $3, last_error = $4,
                status = CASE WHEN $5 THEN 'SENT' ELSE status END, delivered_at = CASE WHEN $5 THEN now() ELSE NULL END
          WHERE id = $1 AND status = 'QUEUED'`,
        [delivery.id, attempt, response.statusCode, response.error, response.ok],
      );
      if (response.ok) {
        await db.query(`UPDATE webhooks SET consecutive_failures = 0 WHERE id = $1`, [delivery.webhookId]);
        return { disabled: false };
      }
      const [[webhook]]: [{ active: boolean; consecutive_failures: number }[], number] = await db.query(
        `UPDATE webhooks SET consecutive_failures = consecutive_failures + 1,
                active = active AND consecutive_failures + 1 < $2,
                disabled_at = CASE WHEN active AND consecutive_failures + 1 >= $2 THEN now() ELSE disabled_at END,
                disabled_reason = CASE WHEN active AND consecutive_failures + 1 >= $2 THEN $3 ELSE disabled_reason END
          WHERE id = $1 RETURNING active, consecutive_failures`,
        [delivery.webhookId, this.settings.webhookDisableAfter, `switched off after ${this.settings.webhookDisableAfter} consecutive failed attempts (last: ${response.error})`],
      );
      const disabled = delivery.active && !webhook.active;
      if (disabled) this.logger.warn({ msg: 'webhook switched off after repeated failures', webhookId: delivery.webhookId, failures: webhook.consecutive_failures });
      return { disabled };
    });
  }

  async failed(deliveryId: string, reason: string): Promise<void> {
    await this.transactions.manager.query(
      `UPDATE webhook_deliveries SET status = 'FAILED', last_error = COALESCE(last_error, $2) WHERE id = $1 AND status = 'QUEUED'`,
      [deliveryId, reason.slice(0, 500)],
    );
    this.logger.warn({ msg: 'webhook delivery failed for good', deliveryId, reason });
  }
}
