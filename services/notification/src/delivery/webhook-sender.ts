import { Inject, Injectable } from '@nestjs/common';
import { NOTIFICATION_SETTINGS, type NotificationSettings } from '../config/notification-settings.js';
import { signWebhook } from '../domain/webhook-signature.js';

export interface WebhookRequest {
  url: string;
  secret: string;
  body: string;
  deliveryId: string;
  eventId: string;
  eventType: string;
}

export interface WebhookResponse {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/** One signed POST; any 2xx is a delivery, anything else (or no answer in time) a failed attempt. */
@Injectable()
export class WebhookSender {
  constructor(@Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings) {}

  async post(request: WebhookRequest): Promise<WebhookResponse> {
    const timestamp = Math.floor(Date.now() / 1000);
    const started = Date.now();
    try {
      const response = await fetch(request.url, {
        method: 'POST',
        redirect: 'manual', // a receiver that moved must be re-registered, not followed blindly
        signal: AbortSignal.timeout(this.settings.webhookTimeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Redress-Webhooks/1',
          'x-redress-delivery': request.deliveryId,
          'x-redress-event': request.eventType,
          'x-redress-event-id': request.eventId,
          'x-redress-timestamp': String(timestamp),
          'x-redress-signature': signWebhook(request.secret, timestamp, request.body),
        },
        body: request.body,
      });
      await response.body?.cancel().catch(() => undefined);
      const ok = response.status >= 200 && response.status < 300;
      return { ok, statusCode: response.status, error: ok ? null : `HTTP ${response.status}`, durationMs: Date.now() - started };
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      return { ok: false, statusCode: null, error: `${(error as Error).message}${cause ? ` (${cause})` : ''}`.slice(0, 500), durationMs: Date.now() - started };
    }
  }
}
