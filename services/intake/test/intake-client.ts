import { randomUUID } from 'node:crypto';
import type { Identity } from '@redress/auth';
import { anonymous, type SubgraphHarness } from '@redress/testing';

/** What the intake integration specs ask the subgraph most, as the gateway would send it. */
export interface SubmittedComplaint {
  id: string;
  reference: string;
  status: string;
  receivedAt: string;
  acknowledgementDueAt: string;
  resolutionDueAt: string;
}

const SUBMIT = /* GraphQL */ `mutation($input: SubmitComplaintInput!) {
  submitComplaint(input: $input) { id reference status receivedAt acknowledgementDueAt resolutionDueAt }
}`;

export function complaintInput(overrides: Record<string, unknown> = {}) {
  return {
    channel: 'WEB',
    customer: { name: 'Ada Lovelace', email: `ada.${randomUUID()}@example.com` },
    subject: 'Parcel arrived late',
    description: 'My parcel arrived a week after the promised date.',
    ...overrides,
  };
}

export async function submitComplaint(harness: SubgraphHarness, overrides: Record<string, unknown> = {}, identity: Identity = anonymous): Promise<SubmittedComplaint> {
  const response = await harness.query<{ submitComplaint: SubmittedComplaint }>(SUBMIT, { input: complaintInput(overrides) }, identity);
  if (response.errors) throw new Error(`submitComplaint failed: ${JSON.stringify(response.errors)}`);
  return response.data!.submitComplaint;
}

export function errorCode(response: { errors?: { extensions?: { code?: string } }[] }): string | undefined {
  return response.errors?.[0]?.extensions?.code;
}

/** The events intake wrote to its outbox about a complaint, oldest first (what the relay publishes). */
export async function outboxEvents(db: { query: (sql: string, params: unknown[]) => Promise<{ envelope: Record<string, unknown> }[]> }, complaintId: string, type?: string) {
  const rows = await db.query(`SELECT envelope FROM outbox WHERE envelope->>'complaintId' = $1 ORDER BY position`, [complaintId]);
  return rows.map((row) => row.envelope as { type: string; occurredAt: string; actor: unknown; data: Record<string, unknown> }).filter((e) => !type || e.type === type);
}
