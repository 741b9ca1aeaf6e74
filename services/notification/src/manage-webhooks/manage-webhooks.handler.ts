import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { REDRESS_CONFIG, type RedressConfig } from '@redress/config';
import { NotFound, input } from '@redress/errors';
import { TransactionRunner } from '@redress/persistence';
import { NOTIFICATION_SETTINGS, type NotificationSettings } from '../config/notification-settings.js';
import { validateRegistration } from './webhook-registration.js';

export interface WebhookRow {
  id: string;
  url: string;
  eventTypes: string[];
  active: boolean;
  consecutiveFailures: number;
  disabledAt: Date | null;
  disabledReason: string | null;
  createdAt: Date;
}

export const WEBHOOK_COLUMNS = `id, url, event_types AS "eventTypes", active, consecutive_failures AS "consecutiveFailures",
  disabled_at AS "disabledAt", disabled_reason AS "disabledReason", created_at AS "createdAt"`;

/** ADMIN: register, switch on and off, remove webhooks. The secret is write-only: never read back. */
@Injectable()
export class ManageWebhooksHandler {
  private readonly logger = new Logger(ManageWebhooksHandler.name);

  constructor(
    private readonly transactions: TransactionRunner,
    @Inject(REDRESS_CONFIG) private readonly config: RedressConfig,
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
  ) {}

  async register(raw: { url?: string; eventTypes?: unknown; secret?: string }, adminId: string | null): Promise<WebhookRow> {
    const webhook = await validateRegistration(raw, { production: this.config.production, privateNetworks: this.settings.webhookPrivateNetworks });
    const [row] = await this.transactions.manager.query(
      `INSERT INTO webhooks (id, url, event_types, secret, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING ${WEBHOOK_COLUMNS}`,
      [randomUUID(), webhook.url, webhook.eventTypes, webhook.secret, adminId],
    );
    this.logger.log({ msg: 'webhook registered', webhookId: row.id, url: row.url, eventTypes: row.eventTypes, adminId });
    return row;
  }

  /** Back on, with a clean failure count (after the receiver was fixed). */
  enable(id: string, adminId: string | null): Promise<WebhookRow> {
    return this.change(id, `active = true, consecutive_failures = 0, disabled_at = NULL, disabled_reason = NULL`, [], adminId, 'enabled');
  }

  disable(id: string, adminId: string | null): Promise<WebhookRow> {
    return this.change(id, `active = false, disabled_at = now(), disabled_reason = $2`, [`disabled by ${adminId ?? 'an administrator'}`], adminId, 'disabled');
  }

  async remove(rawId: string, adminId: string | null): Promise<boolean> {
    const id = input.uuid('id', rawId);
    // UPDATE and DELETE give [rows, count] through TypeORM.
    const [deleted]: [unknown[], number] = await this.transactions.manager.query(`DELETE FROM webhooks WHERE id = $1 RETURNING id`, [id]);
    if (!deleted.length) throw new NotFound('Webhook', id);
    this.logger.log({ msg: 'webhook deleted', webhookId: id, adminId });
    return true;
  }

  async list(): Promise<WebhookRow[]> {
    return this.transactions.manager.query(`SELECT ${WEBHOOK_COLUMNS} FROM webhooks ORDER BY created_at, id`);
  }

  async find(rawId: string): Promise<WebhookRow | null> {
    if (!input.isUuid(rawId)) return null;
    const [row] = await this.transactions.manager.query(`SELECT ${WEBHOOK_COLUMNS} FROM webhooks WHERE id = $1`, [rawId.toLowerCase()]);
    return row ?? null;
  }

  private async change(rawId: string, set: string, parameters: unknown[], adminId: string | null, what: string): Promise<WebhookRow> {
    const id = input.uuid('id', rawId);
    const [rows]: [WebhookRow[], number] = await this.transactions.manager.query(`UPDATE webhooks SET ${set} WHERE id = $1 RETURNING ${WEBHOOK_COLUMNS}`, [id, ...parameters]);
    const row = rows[0];
    if (!row) throw new NotFound('Webhook', id);
    this.logger.log({ msg: `webhook ${what}`, webhookId: id, adminId });
    return row;
  }
}
