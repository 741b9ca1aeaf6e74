import { anonymousMayRead, type Identity } from '@redress/auth';
import { Unauthenticated } from '@redress/errors';
import type { ProposalEntity } from '../persistence/proposal.entity.js';

/**
 * A customer answering through their link gets the proposal back, but only what SPEC §2 lets an
 * anonymous caller read (id, status, options, chosenOptionId); any other field answers UNAUTHENTICATED.
 */
export function proposalForCaller(proposal: ProposalEntity, identity: Identity): ProposalEntity {
  if (!identity.anonymous) return proposal;
  return new Proxy(proposal, {
    get(target, property, receiver) {
      if (typeof property === 'string' && property in target && !anonymousMayRead('ResolutionProposal', property)) {
        throw new Unauthenticated(`ResolutionProposal.${property} needs a staff sign-in`);
      }
      return Reflect.get(target, property, receiver);
    },
  });
}
