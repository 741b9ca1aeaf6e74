import { IntrospectAndCompose, type SupergraphManager } from '@apollo/gateway';

type IntrospectAndComposeOptions = ConstructorParameters<typeof IntrospectAndCompose>[0];
type Logger = NonNullable<IntrospectAndComposeOptions['logger']>;
type SupergraphSdlHookOptions = Parameters<SupergraphManager['initialize']>[0];

export interface Backoff {
  initialMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { initialMs: 500, maxMs: 10_000 };

/** Exponential: initial, ×2 each attempt, capped. */
export function backoffDelay(attempt: number, backoff: Backoff): number {
  return Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.max(0, attempt - 1));
}

/**
 * IntrospectAndCompose throws when a subgraph is down, which at boot (services start in any order)
 * would kill the gateway. This keeps trying with backoff until every subgraph answers and the
 * supergraph composes, or until the gateway stops.
 */
export class RetryingIntrospectAndCompose implements SupergraphManager {
  private stopped = false;
  private composed = false;
  private wakeUp?: () => void;

  constructor(
    private readonly options: IntrospectAndComposeOptions & { logger: Logger },
    private readonly backoff: Backoff = DEFAULT_BACKOFF,
  ) {}

  async initialize(hooks: SupergraphSdlHookOptions): Promise<{ supergraphSdl: string; cleanup: () => Promise<void> }> {
    for (let attempt = 1; ; attempt += 1) {
      if (this.stopped) throw new Error('The gateway stopped before the supergraph could be composed');
      try {
        const initialized = await new IntrospectAndCompose({ ...this.options, logger: this.pollingLogger() }).initialize(hooks);
        this.composed = true;
        return initialized;
      } catch (error) {
        const delayMs = backoffDelay(attempt, this.backoff);
        this.options.logger.warn(`Supergraph not composed yet (attempt ${attempt}: ${(error as Error).message}); retrying in ${delayMs} ms`);
        await this.pause(delayMs);
      }
    }
  }

  /** IntrospectAndCompose logs each failure as an error; before the first composition they are expected (warned above). */
  private pollingLogger(): Logger {
    const { logger } = this.options;
    return { ...logger, error: (message) => (this.composed ? logger.error(message) : logger.debug(message)) };
  }

  /** Ends the retries (graceful shutdown before the first composition). */
  stop(): void {
    this.stopped = true;
    this.wakeUp?.();
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
