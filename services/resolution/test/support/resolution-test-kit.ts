import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { RedressConfig } from '@redress/config';
import { COMPLAINT_STATE, type ComplaintState, type EventEnvelope } from '@redress/contracts';
import { NotFound } from '@redress/errors';
import { RpcStandIn, SubgraphHarness } from '@redress/testing';
import { ResolutionModule } from '../../src/resolution.module.js';

export const PROPOSE = `mutation($complaintId: ID!, $options: [ResolutionOptionInput!]!, $message: String) {
  proposeResolution(complaintId: $complaintId, options: $options, message: $message) { id complaintId status message options { id type description amount currency } } }`;
export const DECIDE = `mutation($id: ID!, $accept: Boolean!, $optionId: ID, $comment: String) {
  recordCustomerDecision(proposalId: $id, accept: $accept, optionId: $optionId, comment: $comment) { id status chosenOptionId decidedAt } }`;
export const IMPLEMENT = `mutation($id: ID!, $notes: String) { markResolutionImplemented(proposalId: $id, notes: $notes) { id status implementedAt } }`;
export const FOLLOW_UP = `mutation($id: ID!, $satisfied: Boolean!, $rating: Int!, $comment: String) {
  recordFollowUp(complaintId: $id, satisfied: $satisfied, rating: $rating, comment: $comment) { satisfied rating comment recordedAt } }`;
export const CLOSE = `mutation($id: ID!, $summary: String!, $lessons: String, $override: String) {
  closeComplaint(complaintId: $id, summary: $summary, lessonsLearned: $lessons, overrideReason: $override) { id lessonsLearned resolutionSummary followUp { rating } } }`;

export type Answer = { errors?: { extensions?: { code?: string } }[] };
export const codes = (answer: Answer) => (answer.errors ?? []).map((e) => e.extensions?.code);
export const firstMessage = (answer: Answer) => (answer.errors?.[0] as { message?: string } | undefined)?.message;

/** The resolution service on the real servers, with intake's `intake.complaint-state` answered by a stand-in. */
export class ResolutionTestKit {
  private constructor(readonly harness: SubgraphHarness, readonly intake: RpcStandIn, readonly db: DataSource, readonly states: Map<string, ComplaintState>) {}

  static async start(configure: (config: RedressConfig) => RedressConfig = (config) => config): Promise<ResolutionTestKit> {
    const harness = await SubgraphHarness.start('resolution', (config) => ResolutionModule.forRoot(configure(config)));
    const states = new Map<string, ComplaintState>();
    const intake = await RpcStandIn.start(harness.env.config.rabbitmqUrl, 'intake', {
      [COMPLAINT_STATE]: ({ complaintId }: { complaintId: string }) => {
        const state = states.get(complaintId);
        if (!state) throw new NotFound('Complaint', complaintId);
        return state;
      },
    });
    return new ResolutionTestKit(harness, intake, harness.app.get(DataSource), states);
  }

  async stop(): Promise<void> {
    await this.intake?.stop();
    await this.harness?.stop();
  }

  /** A complaint intake knows, in `status`. */
  complaint(status: string, extra: Partial<ComplaintState> = {}): ComplaintState {
    const id = randomUUID();
    const state: ComplaintState = {
      complaintId: id, reference: `CMP-2026-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`, customerId: randomUUID(), status,
      cycle: 0, escalated: false, category: 'BILLING', severity: 'MEDIUM', priority: 'P3', receivedAt: '2026-11-20T09:00:00.000Z',
      resolutionDueAt: '2026-11-30T09:00:00.000Z', ...extra,
    };
    this.states.set(id, state);
    return state;
  }

  async outbox<T extends EventEnvelope = EventEnvelope>(type: string, complaintId: string): Promise<T[]> {
    const rows = await this.db.query(`SELECT envelope FROM outbox WHERE type = $1 AND envelope->>'complaintId' = $2 ORDER BY position`, [type, complaintId]);
    return rows.map((r: { envelope: T }) => r.envelope);
  }
}
