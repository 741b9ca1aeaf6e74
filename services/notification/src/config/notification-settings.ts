import { ConfigError, type RedressConfig } from '@redress/config';

/** The notification service's own knobs (defaults suit production; tests shorten the waits). */
export interface NotificationSettings {
  /** Language of messages when nothing better is known (`NOTIFICATION_LOCALE`). */
  defaultLocale: string;
  /** Where the editable templates live (`NOTIFICATION_TEMPLATES_DIR`). */
  templatesDirectory: string;
  /** Everyone who receives managers' messages: `MANAGER_EMAIL`, comma-separated. */
  managerEmails: string[];
  emailAttempts: number;
  /** Retries wait base × 2^(n−1), never longer than max. */
  emailRetryBaseMs: number;
  emailRetryMaxMs: number;
  webhookAttempts: number;
  webhookRetryBaseMs: number;
  webhookRetryMaxMs: number;
  /** Consecutive failed attempts after which a webhook is switched off. */
  webhookDisableAfter: number;
  webhookTimeoutMs: number;
  /**
   * Whether webhooks may point at loopback, private or link-local addresses
   * (`WEBHOOK_ALLOW_PRIVATE_NETWORKS`; off by default in production, so a webhook cannot be used to
   * reach the cluster's own services or a cloud metadata endpoint).
   */
  webhookPrivateNetworks: boolean;
  sweepIntervalMs: number;
}

export const NOTIFICATION_SETTINGS = Symbol('NOTIFICATION_SETTINGS');

const DEFAULT_TEMPLATES = new URL('../../templates', import.meta.url).pathname;

/** Reads and validates the variables at once, naming every bad one (like loadConfig). */
export function loadNotificationSettings(config: Pick<RedressConfig, 'managerEmail' | 'production'>, env: NodeJS.ProcessEnv = process.env): NotificationSettings {
  const problems: string[] = [];
  const count = (name: string, fallback: number, min = 1): number => {
    const text = env[name]?.trim();
    if (!text) return fallback;
    const value = Number(text);
    if (Number.isInteger(value) && value >= min) return value;
    problems.push(`${name}="${text}" must be an integer ≥ ${min}`);
    return fallback;
  };
  const managerEmails = config.managerEmail.split(',').map((e) => e.trim().toLowerCase()).filter(Boolean);
  if (!managerEmails.length || managerEmails.some((e) => !/^[^\s@]+@[^\s@]+$/.test(e))) problems.push(`MANAGER_EMAIL="${config.managerEmail}" must be one or more email addresses, comma-separated`);
  const defaultLocale = env.NOTIFICATION_LOCALE?.trim() || 'en';
  if (!/^[a-z]{2}(-[A-Z]{2})?$/.test(defaultLocale)) problems.push(`NOTIFICATION_LOCALE="${defaultLocale}" must look like en or en-GB`);
  const flag = (name: string, fallback: boolean): boolean => {
    const text = env[name]?.trim().toLowerCase();
    if (!text) return fallback;
    if (text === 'true' || text === 'false') return text === 'true';
    problems.push(`${name}="${env[name]}" must be true or false`);
    return fallback;
  };
  const settings: NotificationSettings = {
    defaultLocale,
    templatesDirectory: env.NOTIFICATION_TEMPLATES_DIR?.trim() || DEFAULT_TEMPLATES,
    managerEmails,
    emailAttempts: count('EMAIL_DELIVERY_ATTEMPTS', 12),
    emailRetryBaseMs: count('EMAIL_RETRY_BASE_MS', 2000),
    emailRetryMaxMs: count('EMAIL_RETRY_MAX_MS', 300_000),
    webhookAttempts: count('WEBHOOK_DELIVERY_ATTEMPTS', 10),
    webhookRetryBaseMs: count('WEBHOOK_RETRY_BASE_MS', 10_000),
    webhookRetryMaxMs: count('WEBHOOK_RETRY_MAX_MS', 3_600_000),
    webhookDisableAfter: count('WEBHOOK_DISABLE_AFTER_FAILURES', 20),
    webhookTimeoutMs: count('WEBHOOK_TIMEOUT_MS', 10_000),
    webhookPrivateNetworks: flag('WEBHOOK_ALLOW_PRIVATE_NETWORKS', !config.production),
    sweepIntervalMs: count('DELIVERY_SWEEP_INTERVAL_MS', 15_000, 100),
  };
  if (problems.length) throw new ConfigError(problems);
  return settings;
}
