import { randomUUID } from 'node:crypto';
import { waitFor } from '@redress/testing';
import { EventTap } from './support/event-tap.js';
import { errorCodes, graphql, staffToken, type GraphqlResponse } from './support/graphql-client.js';
import { startSystem, stopSystem } from './support/system.js';

// Issue 4 through the real gateway: the complaint record with auto-triage and possible duplicates, the
// list with filters, search and pages, tracking by the customer, assessment and escalation, and the
// customer's data exported across services and erased.
const OPS = {
  submit: `mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) { id reference status } }`,
  record: `query($id: ID!) { complaint(id: $id) {
    reference status category severity priority escalated desiredOutcome subject
    customer { id name email } triage { category severity reasons } escalations { cause reason }
    possibleDuplicateOf { reference } possibleDuplicates { reference }
  } }`,
  list: `query($filter: ComplaintFilter, $first: Int, $after: String) { complaints(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id reference } } } }`,
  track: `query($reference: String!, $email: String!) { trackComplaint(reference: $reference, email: $email) { reference status } }`,
  assess: `mutation($id: ID!) { assessComplaint(id: $id, input: { category: BILLING, severity: HIGH, impact: HIGH, urgency: MEDIUM }) { status priority resolutionDueAt receivedAt } }`,
  escalate: `mutation($id: ID!) { escalateComplaint(id: $id, reason: "Customer is a vulnerable adult") { escalated } }`,
  export: `query($customerId: ID!) { exportCustomerData(customerId: $customerId) { customerId complete unavailable sections { service records } } }`,
  erase: `mutation($customerId: ID!) { eraseCustomer(customerId: $customerId) { customerId complaints } }`,
};

const tap = new EventTap();
const tag = `zq${randomUUID().slice(0, 8)}`;
let agent: string;
let manager: string;
let admin: string;
let qa: string;

beforeAll(() => startSystem(), 150_000);
afterAll(stopSystem, 30_000);
beforeAll(async () => {
  await tap.start();
  [agent, manager, admin, qa] = await Promise.all([
    staffToken(['AGENT'], 'agent-desk'), staffToken(['MANAGER'], 'manager-desk'), staffToken(['ADMIN'], 'admin-desk'), staffToken(['QA'], 'qa-desk'),
  ]);
});
afterAll(() => tap.stop());

async function ok<T = Record<string, any>>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const response: GraphqlResponse<T> = await graphql<T>(query, variables, token);
  expect(response.errors).toBeUndefined();
  return response.data!;
}

const customer = { name: `Grace ${tag}`, email: `grace.${tag}@example.com` };
async function submit(subject: string, description: string, who = customer) {
  return (await ok<{ submitComplaint: { id: string; reference: string } }>(OPS.submit, { input: { channel: 'WEB', customer: who, subject, description, desiredOutcome: 'My money back' } })).submitComplaint;
}
const record = async (id: string, token = agent) => (await ok<{ complaint: Record<string, any> }>(OPS.record, { id }, token)).complaint;

describe('the complaint desk through the gateway', () => {
  let charged: { id: string; reference: string };
  let repeat: { id: string; reference: string };
  let heater: { id: string; reference: string };

  beforeAll(async () => {
    charged = await submit(`Charged twice ${tag}`, 'My card was charged twice for order 1234; I want a refund.');
    repeat = await submit('Double charge on order 1234', 'I see two charges on my card for order 1234.');
    heater = await submit('Heater', 'The heater caught fire in the living room.');
  });

  it('records the complaint with an explained triage, flags the repeat, and escalates safety at once', async () => {
    const first = await record(charged.id);
    expect(first).toMatchObject({ status: expect.any(String), category: 'BILLING', severity: 'MEDIUM', priority: 'P3', desiredOutcome: 'My money back', customer });
    expect(first.triage.reasons[0]).toMatch(/^category BILLING/);
    expect(await record(repeat.id)).toMatchObject({ possibleDuplicateOf: { reference: charged.reference } });
    expect((await record(charged.id)).possibleDuplicates).toEqual([{ reference: repeat.reference }]);
    expect(await record(heater.id)).toMatchObject({ category: 'SAFETY', severity: 'CRITICAL', priority: 'P1', escalated: true, escalations: [{ cause: 'SAFETY', reason: null }] });
    await waitFor(() => tap.of('complaint.escalated', heater.id).length === 1, { description: 'the safety escalation on the bus' });
    expect(tap.of('complaint.received', repeat.id)[0].envelope.data).toMatchObject({ possibleDuplicateOfId: charged.id });
  });

  it('lists, filters, searches and pages newest first, with the total', async () => {
    const mine = { search: tag };
    const all = (await ok<{ complaints: any }>(OPS.list, { filter: { search: customer.email } }, qa)).complaints;
    expect(all.edges.map((e: any) => e.node.id)).toEqual([heater.id, repeat.id, charged.id]);
    expect((await ok<{ complaints: any }>(OPS.list, { filter: { search: `grace ${tag}`, category: ['SAFETY'] } }, qa)).complaints.totalCount).toBe(1);
    expect((await ok<{ complaints: any }>(OPS.list, { filter: { search: charged.reference } }, qa)).complaints.edges).toEqual([{ node: { id: charged.id, reference: charged.reference } }]);
    expect((await ok<{ complaints: any }>(OPS.list, { filter: { ...mine, escalated: true } }, qa)).complaints.edges).toEqual([{ node: { id: heater.id, reference: heater.reference } }]);
    const page1 = (await ok<{ complaints: any }>(OPS.list, { filter: { search: customer.email }, first: 2 }, qa)).complaints;
    expect(page1).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    const page2 = (await ok<{ complaints: any }>(OPS.list, { filter: { search: customer.email }, first: 2, after: page1.pageInfo.endCursor }, qa)).complaints;
    expect([...page1.edges, ...page2.edges].map((e: any) => e.node.id)).toEqual([heater.id, repeat.id, charged.id]);
    expect(errorCodes(await graphql(OPS.list, { first: 500 }, qa))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await graphql(OPS.list, {}))).toEqual(['UNAUTHENTICATED']);
  });

  it('lets the customer track with reference and email, and tells a stranger nothing', async () => {
    expect((await ok<{ trackComplaint: unknown }>(OPS.track, { reference: charged.reference, email: customer.email.toUpperCase() })).trackComplaint).toMatchObject({ reference: charged.reference });
    expect((await ok<{ trackComplaint: unknown }>(OPS.track, { reference: charged.reference, email: 'someone.else@example.com' })).trackComplaint).toBeNull();
  });

  it('assesses and escalates for AGENT and MANAGER only', async () => {
    expect(errorCodes(await graphql(OPS.assess, { id: charged.id }, qa))).toEqual(['FORBIDDEN']);
    const assessed = (await ok<{ assessComplaint: any }>(OPS.assess, { id: charged.id }, agent)).assessComplaint;
    expect(assessed).toMatchObject({ priority: 'P3' });
    expect(Date.parse(assessed.resolutionDueAt) - Date.parse(assessed.receivedAt)).toBe(120 * 3_600_000);
    await waitFor(async () => (await record(charged.id)).status === 'ASSESSED', { timeoutMs: 20_000, description: 'ASSESSED' });
    expect((await ok<{ escalateComplaint: any }>(OPS.escalate, { id: charged.id }, manager)).escalateComplaint).toEqual({ escalated: true });
    expect(errorCodes(await graphql(OPS.escalate, { id: charged.id }, agent))).toEqual(['CONFLICT']);
    expect(errorCodes(await graphql(OPS.escalate, { id: randomUUID() }, agent))).toEqual(['NOT_FOUND']);
  });

  it('exports the customer’s data across services and erases it, keeping the complaints', async () => {
    const customerId = (await record(charged.id)).customer.id;
    expect(errorCodes(await graphql(OPS.export, { customerId }, agent))).toEqual(['FORBIDDEN']);
    const exported = (await ok<{ exportCustomerData: any }>(OPS.export, { customerId }, admin)).exportCustomerData;
    const services = exported.sections.map((s: any) => s.service);
    expect(services[0]).toBe('intake');
    expect([...services.slice(1), ...exported.unavailable].sort()).toEqual(['investigation', 'notification', 'reporting', 'resolution']);
    expect(exported.complete).toBe(exported.unavailable.length === 0);
    const intake = JSON.parse(exported.sections[0].records);
    expect(intake.complaints.map((c: any) => c.reference)).toEqual([charged.reference, repeat.reference, heater.reference]);
    expect(intake.escalations).toContainEqual(expect.objectContaining({ complaintId: charged.id, reason: 'Customer is a vulnerable adult' }));

    expect(errorCodes(await graphql(OPS.erase, { customerId }, manager))).toEqual(['FORBIDDEN']);
    expect((await ok<{ eraseCustomer: any }>(OPS.erase, { customerId }, admin)).eraseCustomer).toEqual({ customerId, complaints: 3 });
    await waitFor(() => tap.of('customer.erased').some((e) => (e.envelope.data as { customerId: string }).customerId === customerId), { description: 'customer.erased on the bus' });
    const erased = tap.of('customer.erased').find((e) => (e.envelope.data as { customerId: string }).customerId === customerId)!;
    expect(erased.envelope).toMatchObject({ complaintId: null, actor: { id: 'admin-desk', role: 'ADMIN' } });
    expect(erased.raw).not.toContain(customer.email);
    expect(await record(charged.id, manager)).toMatchObject({ subject: '[erased]', category: 'BILLING', customer: { name: 'Erased customer' } });
    expect((await ok<{ trackComplaint: unknown }>(OPS.track, { reference: charged.reference, email: customer.email })).trackComplaint).toBeNull();
  });
});
