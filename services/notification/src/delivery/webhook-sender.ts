import { Inject, Injectable } from '@nestjs/common';
import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { NOTIFICATION_SETTINGS, type NotificationSettings } from '../config/notification-settings.js';
import { signWebhook } from '../domain/webhook-signature.js';
import { literalInternalAddress, publicOnlyLookup } from './guarded-lookup.js';

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

/**
 * One signed POST; any 2xx is a delivery, anything else (or no answer in time) a failed attempt.
 * Redirects are not followed (a receiver that moved must be re-registered), and unless private
 * networks are allowed, no connection is made to an internal address.
 */
@Injectable()
export class WebhookSender {
  constructor(@Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings) {}

  async post(request: WebhookRequest): Promise<WebhookResponse> {
    const timestamp = Math.floor(Date.now() / 1000);
    const started = Date.now();
    const failed = (error: string): WebhookResponse => ({ ok: false, statusCode: null, error: error.slice(0, 500), durationMs: Date.now() - started });
    const url = new URL(request.url);
    if (!this.settings.webhookPrivateNetworks) {
      const internal = literalInternalAddress(url.hostname);
      if (internal) return failed(`refused: ${internal} is an internal address`);
    }
    const headers = {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(request.body)),
      'user-agent': 'Redress-Webhooks/1',
      'x-redress-delivery': request.deliveryId,
      'x-redress-event': request.eventType,
      'x-redress-event-id': request.eventId,
      'x-redress-timestamp': String(timestamp),
      'x-redress-signature': signWebhook(request.secret, timestamp, request.body),
    };
    const options: RequestOptions = {
      method: 'POST',
      headers,
      signal: AbortSignal.timeout(this.settings.webhookTimeoutMs),
      ...(this.settings.webhookPrivateNetworks ? {} : { lookup: publicOnlyLookup }),
    };
    try {
      const response = await new Promise<IncomingMessage>((resolve, reject) => {
        const outgoing = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, options, resolve);
        outgoing.on('error', reject);
        outgoing.end(request.body);
      });
      response.resume(); // the answer's body is not needed; drain it so the socket is freed
      const status = response.statusCode ?? 0;
      const ok = status >= 200 && status < 300;
      return { ok, statusCode: status, error: ok ? null : `HTTP ${status}`, durationMs: Date.now() - started };
    } catch (error) {
      const { message, code } = error as Error & { code?: string };
      return failed(code && !message.includes(code) ? `${message} (${code})` : message);
    }
  }
}
