import { readFileSync } from 'node:fs';
import { SERVICES, Severity, type ServiceName } from '@redress/contracts';

export interface RedressConfig {
  nodeEnv: string;
  production: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  gatewayPort: number;
  servicePorts: Record<ServiceName, number>;
  subgraphUrls: Record<ServiceName, string>;
  /** The PostgreSQL server; each service uses its own database `redress_<service><databaseSuffix>`. */
  databaseUrl: string;
  databaseSuffix: string;
  databasePoolSize: number;
  /**
   * The login the reporting service runs as: a role that is not a superuser and may only INSERT and
   * SELECT the append-only event store (created at boot if missing). DATABASE_URL's user owns the tables
   * and runs the migrations. Default: DATABASE_URL with the user `redress_reporting_app` (same password).
   */
  reportingDatabaseUrl: string;
  /** The broker, optionally with a vhost path (tests use their own vhost). */
  rabbitmqUrl: string;
  redisUrl: string;
  /** Key prefix of every BullMQ queue, so tests and a running system never share jobs. */
  bullPrefix: string;
  smtpUrl: string;
  mailFrom: string;
  publicUrl: string;
  jwtSecret: string;
  jwtJwksUrl?: string;
  jwtIssuer?: string;
  jwtAudience?: string;
  /** Where the staff token carries its roles: a claim name or a dotted path (`realm_access.roles`). */
  jwtRolesClaim: string;
  internalSecret: string;
  linkSecret: string;
  slaAckHours: number;
  slaResolutionHours: Record<Severity, number>;
  followUpDelayHours: number;
  resolutionApprovalLimit: number;
  managerEmail: string;
  /** Delays between a failed event's attempts; after the last, the event goes to `<service>.events.dlq`. */
  retryDelaysMs: number[];
  /** OpenTelemetry traces; off (no exporter, no-op API) unless an OTLP endpoint is set. */
  tracing: TracingConfig;
}

/** The OTEL_* variables this system reads (the OTLP exporter also reads OTEL_EXPORTER_OTLP_HEADERS, _TIMEOUT, _COMPRESSION). */
export interface TracingConfig {
  /** Where spans go (OTLP/HTTP, JSON): OTEL_EXPORTER_OTLP_TRACES_ENDPOINT as is, or OTEL_EXPORTER_OTLP_ENDPOINT + `/v1/traces`. */
  tracesUrl?: string;
  /** OTEL_SERVICE_NAME: overrides the process's own name (`intake`, `gateway`, …). */
  serviceName?: string;
  /** OTEL_BSP_SCHEDULE_DELAY: milliseconds between two exports of the batch span processor. */
  batchDelayMs: number;
  /** OTEL_TRACES_SAMPLER_ARG: share of new traces recorded (0..1); a caller's sampling decision is kept. */
  sampleRatio: number;
}

// One file, so that plain scripts (scripts/token.mjs) sign with the same development default without a build.
export const DEV_SECRETS: Readonly<Record<'JWT_SECRET' | 'INTERNAL_SECRET' | 'LINK_SECRET', string>> = JSON.parse(
  readFileSync(new URL('../dev-secrets.json', import.meta.url), 'utf8'),
);

const DEFAULT_PORTS: Record<ServiceName, number> = { intake: 4001, investigation: 4002, resolution: 4003, notification: 4004, reporting: 4005 };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates every variable at once, so a bad deployment names all its mistakes in one go. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): RedressConfig {
  const problems: string[] = [];
  const read = new EnvReader(env, problems);
  const nodeEnv = read.string('NODE_ENV', 'development');
  const production = nodeEnv === 'production';
  const databaseUrl = read.url('DATABASE_URL', 'postgres://postgres:postgres@localhost:5432');
  const servicePorts = Object.fromEntries(SERVICES.map((s) => [s, read.port(`${s.toUpperCase()}_PORT`, DEFAULT_PORTS[s])])) as Record<ServiceName, number>;
  const config: RedressConfig = {
    nodeEnv,
    production,
    logLevel: read.oneOf('LOG_LEVEL', ['debug', 'info', 'warn', 'error'] as const, 'info'),
    gatewayPort: read.port('GATEWAY_PORT', 4000),
    servicePorts,
    subgraphUrls: Object.fromEntries(
      SERVICES.map((s) => [s, read.url(`${s.toUpperCase()}_URL`, `http://localhost:${servicePorts[s]}/graphql`)]),
    ) as Record<ServiceName, string>,
    databaseUrl,
    databaseSuffix: read.matching('DATABASE_SUFFIX', /^[a-z0-9_]*$/, '', 'lower-case letters, digits and _'),
    databasePoolSize: read.number('DATABASE_POOL_SIZE', 5, { min: 1, integer: true }),
    reportingDatabaseUrl: read.url('REPORTING_DATABASE_URL', withLogin(databaseUrl, 'redress_reporting_app')),
    rabbitmqUrl: read.url('RABBITMQ_URL', 'amqp://guest:guest@localhost:5672'),
    redisUrl: read.url('REDIS_URL', 'redis://localhost:6379'),
    bullPrefix: read.matching('BULLMQ_PREFIX', /^[A-Za-z0-9_-]+$/, 'redress', 'letters, digits, _ and -'),
    smtpUrl: read.url('SMTP_URL', 'smtp://localhost:1025'),
    mailFrom: read.string('MAIL_FROM', 'complaints@redress.local'),
    publicUrl: read.url('PUBLIC_URL', 'http://localhost:4000').replace(/\/+$/, ''),
    jwtSecret: read.secret('JWT_SECRET', production),
    jwtJwksUrl: read.optionalUrl('JWT_JWKS_URL'),
    jwtIssuer: env.JWT_ISSUER || undefined,
    jwtAudience: env.JWT_AUDIENCE || undefined,
    jwtRolesClaim: read.matching('JWT_ROLES_CLAIM', /^[A-Za-z0-9_:\/-]+(\.[A-Za-z0-9_:\/-]+)*$/, 'roles', 'a claim name or a dotted path such as realm_access.roles'),
    internalSecret: read.secret('INTERNAL_SECRET', production),
    linkSecret: read.secret('LINK_SECRET', production),
    slaAckHours: read.number('SLA_ACK_HOURS', 24, { min: 0, exclusiveMin: true }),
    slaResolutionHours: read.severityHours('SLA_RESOLUTION_HOURS', 'CRITICAL=48,HIGH=120,MEDIUM=240,LOW=360'),
    followUpDelayHours: read.number('FOLLOW_UP_DELAY_HOURS', 72, { min: 0 }),
    resolutionApprovalLimit: read.number('RESOLUTION_APPROVAL_LIMIT', 500, { min: 0 }),
    managerEmail: read.string('MANAGER_EMAIL', 'managers@redress.local'),
    retryDelaysMs: read.numberList('EVENT_RETRY_DELAYS_MS', '1000,5000,30000'),
    tracing: {
      tracesUrl: tracesUrl(read),
      serviceName: env.OTEL_SERVICE_NAME?.trim() || undefined,
      batchDelayMs: read.number('OTEL_BSP_SCHEDULE_DELAY', 5000, { min: 1, integer: true }),
      sampleRatio: read.number('OTEL_TRACES_SAMPLER_ARG', 1, { min: 0 }),
    },
  };
  if (config.tracing.sampleRatio > 1) problems.push(`OTEL_TRACES_SAMPLER_ARG=${config.tracing.sampleRatio} must be between 0 and 1`);
  if (problems.length) throw new ConfigError(problems);
  return config;
}

/** The OTLP/HTTP traces URL, by the OpenTelemetry rules: the signal's own endpoint verbatim, else the base + `/v1/traces`. */
function tracesUrl(read: EnvReader): string | undefined {
  const own = read.optionalUrl('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT');
  if (own) return own;
  const base = read.optionalUrl('OTEL_EXPORTER_OTLP_ENDPOINT');
  return base ? `${base.replace(/\/+$/, '')}/v1/traces` : undefined;
}

/** `url` logging in as `user` (with the same password: the process knows it anyway, for its migrations). */
function withLogin(url: string, user: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = user;
    return parsed.toString();
  } catch {
    return url; // DATABASE_URL itself is reported as invalid
  }
}

class EnvReader {
  constructor(private readonly env: NodeJS.ProcessEnv, private readonly problems: string[]) {}

  private raw(name: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  }

  string(name: string, fallback: string): string {
    return this.raw(name) ?? fallback;
  }

  matching(name: string, pattern: RegExp, fallback: string, expected: string): string {
    const value = this.raw(name) ?? fallback;
    if (!pattern.test(value)) this.problems.push(`${name}="${value}" must contain only ${expected}`);
    return value;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.raw(name) ?? fallback;
    if (!allowed.includes(value as T)) this.problems.push(`${name}="${value}" must be one of ${allowed.join(', ')}`);
    return value as T;
  }

  number(name: string, fallback: number, rule: { min?: number; exclusiveMin?: boolean; integer?: boolean } = {}): number {
    const text = this.raw(name);
    if (text === undefined) return fallback;
    const value = Number(text);
    const tooSmall = rule.min !== undefined && (rule.exclusiveMin ? value <= rule.min : value < rule.min);
    if (!Number.isFinite(value) || tooSmall || (rule.integer && !Number.isInteger(value))) {
      const bound = rule.min === undefined ? '' : ` ${rule.exclusiveMin ? '>' : '≥'} ${rule.min}`;
      this.problems.push(`${name}="${text}" must be a${rule.integer ? 'n integer' : ' number'}${bound}`);
      return fallback;
    }
    return value;
  }

  port(name: string, fallback: number): number {
    const value = this.number(name, fallback, { min: 1, integer: true });
    if (value > 65535) this.problems.push(`${name}=${value} is not a TCP port`);
    return value;
  }

  url(name: string, fallback: string): string {
    const value = this.raw(name) ?? fallback;
    try {
      new URL(value);
    } catch {
      this.problems.push(`${name}="${value}" is not a URL`);
    }
    return value;
  }

  optionalUrl(name: string): string | undefined {
    return this.raw(name) === undefined ? undefined : this.url(name, '');
  }

  /** Dev defaults keep a newcomer going; production refuses them and anything shorter than 32 bytes. */
  secret(name: keyof typeof DEV_SECRETS, production: boolean): string {
    const value = this.raw(name) ?? DEV_SECRETS[name];
    if (production && value === DEV_SECRETS[name]) this.problems.push(`${name} must be set in production (the development default is refused)`);
    else if (production && Buffer.byteLength(value) < 32) this.problems.push(`${name} must be at least 32 bytes in production`);
    return value;
  }

  severityHours(name: string, fallback: string): Record<Severity, number> {
    const text = this.raw(name) ?? fallback;
    const hours: Partial<Record<Severity, number>> = {};
    for (const pair of text.split(',')) {
      const [key, value] = pair.split('=').map((p) => p.trim());
      const n = Number(value);
      if (!Severity.includes(key as Severity) || !Number.isFinite(n) || n <= 0) {
        this.problems.push(`${name}: "${pair}" must be SEVERITY=hours with SEVERITY one of ${Severity.join(', ')} and hours > 0`);
      } else hours[key as Severity] = n;
    }
    const missing = Severity.filter((sev) => hours[sev] === undefined);
    if (missing.length && !this.problems.some((p) => p.startsWith(name))) this.problems.push(`${name} is missing ${missing.join(', ')}`);
    return hours as Record<Severity, number>;
  }

  numberList(name: string, fallback: string): number[] {
    const text = this.raw(name) ?? fallback;
    const values = text.split(',').map((v) => Number(v.trim()));
    if (values.some((v) => !Number.isInteger(v) || v <= 0)) {
      this.problems.push(`${name}="${text}" must be a comma-separated list of positive integers`);
      return [1000];
    }
    return values;
  }
}
