import { EVENT_TYPES, type EventType } from '@redress/contracts';
import { BadUserInput, input } from '@redress/errors';

export interface WebhookRegistration {
  url: string;
  eventTypes: EventType[];
  secret: string;
}

/** Checks `registerWebhook`'s input, naming the field at fault (nothing is stored when it is bad). */
export function validateRegistration(raw: { url?: string; eventTypes?: unknown; secret?: string }, production: boolean): WebhookRegistration {
  const url = input.required('url', raw.url, 2000);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new BadUserInput('url', 'must be an absolute http(s) URL');
  }
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && !production)) throw new BadUserInput('url', production ? 'must use https' : 'must be an http(s) URL');
  if (parsed.username || parsed.password) throw new BadUserInput('url', 'must not contain credentials (use the secret)');
  if (!Array.isArray(raw.eventTypes) || raw.eventTypes.length === 0) throw new BadUserInput('eventTypes', 'must name at least one event type');
  const unknown = raw.eventTypes.filter((type) => !(EVENT_TYPES as readonly unknown[]).includes(type));
  if (unknown.length) throw new BadUserInput('eventTypes', `unknown event type(s) ${unknown.map(String).join(', ')}; known: ${EVENT_TYPES.join(', ')}`);
  const secret = raw.secret ?? '';
  if (secret.length < 16 || secret.length > 200) throw new BadUserInput('secret', 'must be 16 to 200 characters');
  return { url: parsed.toString(), eventTypes: [...new Set(raw.eventTypes as EventType[])], secret };
}
