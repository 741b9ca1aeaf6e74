import { waitFor } from '@redress/testing';
import { graphql, type GraphqlResponse } from './graphql-client.js';

// The operations of a complaint's life (SPEC §1 steps 1–8) as front ends call them through the gateway.
export const OPS = {
  submit: `mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) { id reference status } }`,
  status: `query($id: ID!) { complaint(id: $id) { status } }`,
  upsertInvestigator: `mutation($input: InvestigatorInput!) { upsertInvestigator(input: $input) { id openInvestigations } }`,
  assess: `mutation($id: ID!, $input: AssessComplaintInput!) { assessComplaint(id: $id, input: $input) { status category severity } }`,
  start: `mutation($id: ID!, $assigneeId: ID) { startInvestigation(complaintId: $id, assigneeId: $assigneeId) { id status assigneeId } }`,
  note: `mutation($id: ID!, $kind: NoteKind!, $body: String!, $department: String) {
    addInvestigationNote(investigationId: $id, kind: $kind, body: $body, department: $department) { id } }`,
  complete: `mutation($id: ID!) { completeInvestigation(investigationId: $id, findings: "A payment retry charged the card twice",
    rootCause: { category: SYSTEM, summary: "Retries are not idempotent" }) { status } }`,
  propose: `mutation($id: ID!, $options: [ResolutionOptionInput!]!) {
    proposeResolution(complaintId: $id, options: $options, message: "We are sorry") { id status options { id type } } }`,
  decide: `mutation($id: ID!, $optionId: ID) { recordCustomerDecision(proposalId: $id, accept: true, optionId: $optionId) { status chosenOptionId } }`,
  implement: `mutation($id: ID!) { markResolutionImplemented(proposalId: $id, notes: "Refund issued") { implementedAt } }`,
  followUp: `mutation($id: ID!) { recordFollowUp(complaintId: $id, satisfied: true, rating: 5, comment: "Sorted quickly") { rating } }`,
  close: `mutation($id: ID!, $override: String) { closeComplaint(complaintId: $id, summary: "Second charge refunded",
    lessonsLearned: "Make payment retries idempotent", overrideReason: $override) { id } }`,
  reopen: `mutation($id: ID!) { reopenComplaint(id: $id, reason: "The refund bounced") { status } }`,
  respond: `mutation($token: String!, $accept: Boolean!, $optionId: ID, $comment: String) {
    respondToProposal(token: $token, accept: $accept, optionId: $optionId, comment: $comment) { id status chosenOptionId options { id type amount currency } } }`,
  feedback: `mutation($token: String!, $satisfied: Boolean!, $rating: Int!, $comment: String) {
    submitFeedback(token: $token, satisfied: $satisfied, rating: $rating, comment: $comment) { satisfied rating comment recordedAt } }`,
  story: `query($id: ID!) {
    complaint(id: $id) {
      reference status closedAt category
      investigation { status assigneeId findings rootCause { category summary } notes { kind department authorId } }
      proposals { status chosenOptionId implementedAt options { id type amount currency } }
      followUp { satisfied rating comment }
      lessonsLearned resolutionSummary
      notifications { kind status }
      timeline { type actorId }
    }
  }`,
};

export const REMEDIES = [
  { type: 'REFUND', description: 'Refund of the second charge', amount: 49.9, currency: 'EUR' },
  { type: 'APOLOGY', description: 'A written apology' },
];

export async function ok<T = Record<string, any>>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const response: GraphqlResponse<T> = await graphql<T>(query, variables, token);
  expect(response.errors).toBeUndefined();
  return response.data!;
}

/** Reads the status through the gateway until it is `status` (intake applies other services' events a moment later). */
export async function statusBecomes(id: string, status: string, token: string): Promise<void> {
  await waitFor(async () => (await ok<{ complaint: { status: string } }>(OPS.status, { id }, token)).complaint.status === status, {
    timeoutMs: 20_000, description: `status ${status}`,
  });
}

/** A complaint submitted through the public web form, as a customer does. */
export async function submitted(email = `grace.${Date.now()}@example.com`): Promise<{ id: string; reference: string; email: string }> {
  const input = {
    channel: 'WEB', customer: { name: 'Grace Hopper', email }, subject: 'Charged twice',
    description: 'My card was charged twice for order 1234.', desiredOutcome: 'Refund',
  };
  const { submitComplaint } = await ok<{ submitComplaint: { id: string; reference: string; status: string } }>(OPS.submit, { input });
  expect(submitComplaint.status).toBe('RECEIVED');
  return { ...submitComplaint, email };
}
