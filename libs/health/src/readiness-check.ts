export const HEALTH_CHECKS = Symbol('HEALTH_CHECKS');

/** One server a service needs in order to be ready (its database, the broker, Redis). */
export interface ReadinessCheck {
  name: string;
  isUp(): Promise<boolean>;
}

/** How a module builds a check from what Nest can inject. */
export interface ReadinessCheckProvider {
  name: string;
  inject: any[];
  isUp: (...dependencies: any[]) => Promise<boolean>;
}
