import { Logger } from '@nestjs/common';
import { Queue, Worker, type Processor, type WorkerOptions, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { RedressConfig } from '@redress/config';
import { metrics } from '@redress/observability';
import { processTraced, TracedQueue } from './job-tracing.js';

const WATCHDOG_INTERVAL_MS = 5000;

/**
 * The service's BullMQ queues and workers on one shared Redis connection, under the configured
 * prefix. Workers can stop after Redis restarts; a watchdog starts them again. Jobs carry the trace
 * context they were added in, and each is processed in a span of that trace.
 */
export class JobQueues {
  private readonly logger = new Logger(JobQueues.name);
  private readonly queues = new Map<string, Queue>();
  private readonly workers: Worker[] = [];
  /** BullMQ does not close a connection it was given, so the workers' duplicates are closed here. */
  private readonly workerConnections: Redis[] = [];
  private watchdog?: NodeJS.Timeout;

  constructor(private readonly config: Pick<RedressConfig, 'bullPrefix'>, private readonly connection: Redis) {}

  queue(name: string, defaultJobOptions?: JobsOptions): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new TracedQueue(name, { connection: this.connection, prefix: this.config.bullPrefix, defaultJobOptions });
      queue.on('error', (error) => this.logger.warn(`queue ${name}: ${error.message}`));
      this.queues.set(name, queue);
    }
    return queue;
  }

  worker(name: string, processor: Processor, options: Omit<WorkerOptions, 'connection' | 'prefix'> = {}): Worker {
    // A worker blocks its connection, so it gets a duplicate of the shared one.
    const timed: Processor = async (job, token) => {
      const end = metrics.jobDuration.startTimer({ queue: name });
      try {
        const result = await processTraced(name, job, () => processor(job, token));
        end({ outcome: 'completed' });
        return result;
      } catch (error) {
        end({ outcome: 'failed' });
        throw error;
      }
    };
    const connection = this.connection.duplicate();
    this.workerConnections.push(connection);
    const worker = new Worker(name, timed, { ...options, connection, prefix: this.config.bullPrefix });
    worker.on('error', (error) => this.logger.warn(`worker ${name}: ${error.message}`));
    this.workers.push(worker);
    this.watchdog ??= setInterval(() => this.restartStoppedWorkers(), WATCHDOG_INTERVAL_MS).unref();
    return worker;
  }

  private restartStoppedWorkers(): void {
    for (const worker of this.workers) {
      if (!worker.isRunning() && !worker.closing) {
        this.logger.warn(`worker ${worker.name} had stopped; starting it again`);
        worker.run().catch((error: Error) => this.logger.error(`worker ${worker.name} could not restart: ${error.message}`));
      }
    }
  }

  async close(): Promise<void> {
    clearInterval(this.watchdog);
    await Promise.all(this.workers.map((w) => w.close()));
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    await Promise.all(this.workerConnections.map((c) => c.quit().catch(() => c.disconnect())));
  }
}
