/**
 * What a template can use. Customer messages have the customer's name; staff messages carry no
 * personal data about the customer (reference, category, dates only). `event` is the event's `data`.
 */
export interface MessageModel {
  recipient: { email: string; name: string | null; firstName: string | null };
  complaint: {
    id: string;
    reference: string;
    status: string;
    receivedAt: string;
    resolutionDueAt: string;
    acknowledgementDueAt?: string;
    category?: string | null;
    severity?: string | null;
    priority?: string | null;
    escalated?: boolean;
  } | null;
  links: { track: string; respond?: string; feedback?: string; linkExpiresAt?: string; preferences?: string };
  event: Record<string, unknown>;
}

export function firstNameOf(name: string | null | undefined): string | null {
  if (!name) return null;
  return name.trim().split(/\s+/)[0] || name;
}
