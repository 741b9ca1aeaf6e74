import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { REDRESS_CONFIG, type RedressConfig } from '@redress/config';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string | null;
  /** Stable per notification, so a mail server or client can recognise a repeat. */
  messageId: string;
  /** One-click opt-out of non-essential messages (RFC 8058), for customer messages. */
  unsubscribeUrl: string | null;
}

/** An SMTP answer that will not change on retry (5xx: no such mailbox, rejected), unlike an outage. */
export function isPermanentSmtpFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown })?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/** SMTP delivery over pooled connections (SMTP_URL, MAIL_FROM). */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly transport: Transporter;

  constructor(@Inject(REDRESS_CONFIG) private readonly config: RedressConfig) {
    this.transport = nodemailer.createTransport({ url: config.smtpUrl, pool: true, maxConnections: 5, connectionTimeout: 10_000, socketTimeout: 20_000 });
  }

  async send(email: OutgoingEmail): Promise<void> {
    await this.transport.sendMail({
      from: this.config.mailFrom,
      to: email.to,
      subject: email.subject,
      text: email.text,
      ...(email.html && { html: email.html }),
      messageId: email.messageId,
      ...(email.unsubscribeUrl && {
        list: { unsubscribe: { url: email.unsubscribeUrl, comment: 'Stop satisfaction surveys' } },
        headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      }),
    });
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
