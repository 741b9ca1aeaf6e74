import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { EVENT_TYPES, type EventType } from '@redress/contracts';
import { BadUserInput, input } from '@redress/errors';
import { internalHostName, isPublicAddress } from '../domain/webhook-destination.js';

export interface WebhookRegistration {
  url: string;
  eventTypes: EventType[];
  secret: string;
}

export interface RegistrationPolicy {
  production: boolean;
  /** When false, a URL whose host is or resolves to an internal address is refused. */
  privateNetworks: boolean;
}

export type ResolveHost = (hostname: string) => Promise<string[]>;

const resolveAll: ResolveHost = async (hostname) => (await lookup(hostname, { all: true })).map((entry) => entry.address);

/** Checks `registerWebhook`'s input, naming the field at fault (nothing is stored when it is bad). */
export async function validateRegistration(
  raw: { url?: string; eventTypes?: unknown; secret?: string },
  policy: RegistrationPolicy,
  resolve: ResolveHost = resolveAll,
): Promise<WebhookRegistration> {
  const url = input.required('url', raw.url, 2000);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new BadUserInput('url', 'must be an absolute http(s) URL');
  }
  const { production } = policy;
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && !production)) throw new BadUserInput('url', production ? 'must use https' : 'must be an http(s) URL');
  if (parsed.username || parsed.password) throw new BadUserInput('url', 'must not contain credentials (use the secret)');
  if (!policy.privateNetworks) await refuseInternalHost(parsed.hostname, resolve);
  if (!Array.isArray(raw.eventTypes) || raw.eventTypes.length === 0) throw new BadUserInput('eventTypes', 'must name at least one event type');
  const unknown = raw.eventTypes.filter((type) => !(EVENT_TYPES as readonly unknown[]).includes(type));
  if (unknown.length) throw new BadUserInput('eventTypes', `unknown event type(s) ${unknown.map(String).join(', ')}; known: ${EVENT_TYPES.join(', ')}`);
  const secret = raw.secret ?? '';
  if (secret.length < 16 || secret.length > 200) throw new BadUserInput('secret', 'must be 16 to 200 characters');
  return { url: parsed.toString(), eventTypes: [...new Set(raw.eventTypes as EventType[])], secret };
}

const INTERNAL = 'must point to a public host: loopback, private, link-local and other internal addresses are refused';

async function refuseInternalHost(hostname: string, resolve: ResolveHost): Promise<void> {
  const bare = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  if (isIP(bare)) {
    if (!isPublicAddress(bare)) throw new BadUserInput('url', INTERNAL);
    return;
  }
  if (internalHostName(bare)) throw new BadUserInput('url', INTERNAL);
  let addresses: string[];
  try {
    addresses = await resolve(bare);
  } catch {
    throw new BadUserInput('url', `host ${bare} does not resolve`);
  }
  if (!addresses.length || addresses.some((address) => !isPublicAddress(address))) throw new BadUserInput('url', INTERNAL);
}
