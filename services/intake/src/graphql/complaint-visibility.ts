import type { Identity } from '@redress/auth';
import { Unauthenticated } from '@redress/errors';
import type { ComplaintEntity } from '../persistence/complaint.entity.js';

/** SPEC §2: what an anonymous caller may read of a Complaint. */
const ANONYMOUS_FIELDS = new Set(['id', 'reference', 'status', 'receivedAt', 'acknowledgementDueAt', 'resolutionDueAt', '__typename']);

/**
 * A customer who submitted through the web form gets their complaint back, but only the fields SPEC §2
 * allows: any other field answers UNAUTHENTICATED instead of revealing what was stored.
 */
export function forCaller(complaint: ComplaintEntity, identity: Identity): ComplaintEntity {
  if (!identity.anonymous) return complaint;
  return new Proxy(complaint, {
    get(target, property, receiver) {
      if (typeof property === 'string' && !ANONYMOUS_FIELDS.has(property) && property in target) {
        throw new Unauthenticated(`Complaint.${property} needs a staff sign-in`);
      }
      return Reflect.get(target, property, receiver);
    },
  });
}
