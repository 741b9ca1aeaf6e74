import { Category, Channel, Severity } from '@redress/contracts';
import { BadUserInput, input } from '@redress/errors';

export interface SubmitComplaintInput {
  channel: string;
  customer: { name: string; email: string; phone?: string | null };
  subject: string;
  description: string;
  desiredOutcome?: string | null;
  category?: string | null;
  severity?: string | null;
  idempotencyKey?: string | null;
}

export interface Submission {
  channel: Channel;
  customer: { name: string; email: string; phone: string | null };
  subject: string;
  description: string;
  desiredOutcome: string | null;
  category: Category | null;
  severity: Severity | null;
  idempotencyKey: string | null;
}

const PHONE = /^\+?[0-9 ()./-]{5,30}$/;

/** SPEC §8 limits: required strings trimmed and not blank; lengths bounded; a valid email. */
export function validateSubmission(raw: SubmitComplaintInput): Submission {
  const phone = input.optional('input.customer.phone', raw.customer?.phone, 30);
  if (phone && !PHONE.test(phone)) throw new BadUserInput('input.customer.phone', 'must be a phone number');
  return {
    channel: input.oneOf('input.channel', raw.channel, Channel),
    customer: {
      name: input.required('input.customer.name', raw.customer?.name, 200),
      email: input.email('input.customer.email', raw.customer?.email),
      phone,
    },
    subject: input.required('input.subject', raw.subject, 200),
    description: input.required('input.description', raw.description, 10_000),
    desiredOutcome: input.optional('input.desiredOutcome', raw.desiredOutcome, 5_000),
    category: raw.category == null ? null : input.oneOf('input.category', raw.category, Category),
    severity: raw.severity == null ? null : input.oneOf('input.severity', raw.severity, Severity),
    idempotencyKey: input.optional('input.idempotencyKey', raw.idempotencyKey, 200),
  };
}
