import { Inject, Injectable } from '@nestjs/common';
import { REDRESS_CONFIG, type RedressConfig } from '@redress/config';
import type { CustomerLink, CustomerLinkRequest } from '@redress/contracts';
import { BadUserInput, NotFound, input } from '@redress/errors';
import { TransactionRunner } from '@redress/persistence';
import { ComplaintEntity } from '../persistence/complaint.entity.js';
import { ProposalEntity } from '../persistence/proposal.entity.js';
import { signLinkToken } from './link-token.js';

const PATHS = { RESPOND: 'respond', FEEDBACK: 'feedback' } as const;

/**
 * The link a customer email carries (`<PUBLIC_URL>/respond?token=…`, `<PUBLIC_URL>/feedback?token=…`).
 * Links are credentials: they are made when the email is rendered and never travel in events.
 */
@Injectable()
export class CustomerLinkIssuer {
  constructor(private readonly transactions: TransactionRunner, @Inject(REDRESS_CONFIG) private readonly config: RedressConfig) {}

  async issue(request: CustomerLinkRequest): Promise<CustomerLink> {
    const complaintId = input.uuid('complaintId', request?.complaintId);
    const purpose = input.oneOf('purpose', request?.purpose, ['RESPOND', 'FEEDBACK'] as const);
    const claims = purpose === 'RESPOND' ? await this.proposalClaims(complaintId, request.proposalId) : await this.surveyClaims(complaintId, request.cycle);
    const { token, expiresAt } = await signLinkToken({ purpose, complaintId, ...claims }, this.config.linkSecret);
    return { url: `${this.config.publicUrl}/${PATHS[purpose]}?token=${token}`, expiresAt: expiresAt.toISOString() };
  }

  private async proposalClaims(complaintId: string, rawProposalId: string | undefined) {
    const proposalId = input.uuid('proposalId', rawProposalId);
    const proposal = await this.transactions.manager.findOneBy(ProposalEntity, { id: proposalId, complaintId });
    if (!proposal) throw new NotFound('Proposal', proposalId);
    return { proposalId };
  }

  private async surveyClaims(complaintId: string, cycle: number | undefined) {
    const complaint = await this.transactions.manager.findOneBy(ComplaintEntity, { id: complaintId });
    if (!complaint) throw new NotFound('Complaint', complaintId);
    if (cycle !== undefined && cycle !== null && (!Number.isInteger(cycle) || cycle < 0 || cycle > complaint.cycle)) {
      throw new BadUserInput('cycle', `must be a cycle of the complaint (0 to ${complaint.cycle})`);
    }
    return { cycle: cycle ?? complaint.cycle };
  }
}
