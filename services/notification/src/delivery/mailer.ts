import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { REDRESS_CONFIG, type RedressConfig } from '@redress/config';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  /** Stable per notification, so a mail server or client can recognise a repeat. */
  messageId: string;
}

/** SMTP delivery over one pooled connection (SMTP_URL, MAIL_FROM). */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly transport: Transporter;

  constructor(@Inject(REDRESS_CONFIG) private readonly config: RedressConfig) {
    this.transport = nodemailer.createTransport({ url: config.smtpUrl, pool: true, maxConnections: 5, connectionTimeout: 10_000, socketTimeout: 20_000 });
  }

  async send(email: OutgoingEmail): Promise<void> {
    await this.transport.sendMail({ from: this.config.mailFrom, to: email.to, subject: email.subject, text: email.text, messageId: email.messageId });
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
