import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { sealEvents } from './seal-events.js';

const SAFETY_NET_MS = 2000;

/**
 * Keeps the audit chain close behind the event store: woken after each stored event commits, and every
 * two seconds for what other replicas stored. Replicas share the work through the chain head's lock.
 */
@Injectable()
export class AuditSealer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AuditSealer.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = true;

  constructor(private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    this.stopped = false;
    this.poke();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Seal soon; several pokes while sealing make one more round. */
  poke(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.running = this.sealAll().finally(() => {
      this.running = undefined;
      if (this.stopped) return;
      if (this.again) {
        this.again = false;
        this.poke();
      } else this.timer = setTimeout(() => this.poke(), SAFETY_NET_MS);
    });
  }

  private async sealAll(): Promise<void> {
    try {
      while (!this.stopped && (await sealEvents(this.dataSource)) > 0);
    } catch (error) {
      this.logger.warn(`sealing the audit chain failed, retrying: ${(error as Error).message}`);
    }
  }
}
