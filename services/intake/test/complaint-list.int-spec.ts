import { randomBytes, randomUUID } from 'node:crypto';
import { SubgraphHarness, anonymous, staff } from '@redress/testing';
import { IntakeModule } from '../src/intake.module.js';
import { complaintInput, errorCode, submitComplaint } from './intake-client.js';

const LIST = `query($filter: ComplaintFilter, $first: Int, $after: String) {
  complaints(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id reference subject category severity escalated receivedAt } }
  }
}`;
const CUSTOMER = `query($id: ID!) { complaint(id: $id) { desiredOutcome customer { id name email phone } } }`;
const BY_REFERENCE = `query($reference: String!) { complaintByReference(reference: $reference) { id reference } }`;
const TRACK = `query($reference: String!, $email: String!) { trackComplaint(reference: $reference, email: $email) { reference status receivedAt resolutionDueAt lastUpdatedAt } }`;
const ESCALATE = `mutation($id: ID!) { escalateComplaint(id: $id, reason: "urgent") { id } }`;

interface Page { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { cursor: string; node: Record<string, string> }[] }

describe('intake: the complaint record, the list, search and tracking', () => {
  let harness: SubgraphHarness;

  beforeAll(async () => {
    harness = await SubgraphHarness.start('intake', (config) => IntakeModule.forRoot(config));
  });

  afterAll(() => harness?.stop());

  const word = () => `zq${randomBytes(4).toString('hex')}`;
  async function list(filter: Record<string, unknown>, first = 20, after?: string | null): Promise<Page> {
    const response = await harness.query<{ complaints: Page }>(LIST, { filter, first, after }, staff('AGENT'));
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data!.complaints;
  }

  it('keeps one customer per email; only staff may change the name on file', async () => {
    const email = `grace.${randomUUID()}@example.com`;
    const first = await submitComplaint(harness, { customer: { name: 'Grace Hopper', email, phone: '+1 555 0100' }, desiredOutcome: 'A refund' });
    const second = await submitComplaint(harness, { customer: { name: 'Somebody Else', email: email.toUpperCase() } });
    const read = async (id: string, role: 'AGENT' | 'QA' = 'AGENT') =>
      (await harness.query<{ complaint: { desiredOutcome: string | null; customer: Record<string, string | null> } }>(CUSTOMER, { id }, staff(role))).data!.complaint;
    const [a, b] = [await read(first.id), await read(second.id)];
    expect(b.customer.id).toBe(a.customer.id);
    expect(b.customer).toEqual({ id: a.customer.id, name: 'Grace Hopper', email, phone: '+1 555 0100' });
    expect(a.desiredOutcome).toBe('A refund');
    const third = await submitComplaint(harness, { channel: 'PHONE', customer: { name: 'Grace B. Hopper', email } }, staff('AGENT'));
    expect((await read(third.id)).customer.name).toBe('Grace B. Hopper');
    expect((await read(third.id, 'QA')).customer).toEqual({ id: a.customer.id, name: 'Grace B. Hopper', email: null, phone: null });
  });

  it('filters by status, category, severity, escalation and received range, newest first, with the total', async () => {
    const tag = word();
    const make = (category: string, severity: string) => submitComplaint(harness, { channel: 'PHONE', subject: `Issue ${tag}`, category, severity }, staff('AGENT'));
    const billingHigh = await make('BILLING', 'HIGH');
    const billingLow = await make('BILLING', 'LOW');
    const delivery = await make('DELIVERY', 'HIGH');
    await harness.query(ESCALATE, { id: billingLow.id }, staff('AGENT'));
    const ids = (page: Page) => page.edges.map((e) => e.node.id);
    expect(ids(await list({ search: tag }))).toEqual([delivery.id, billingLow.id, billingHigh.id]);
    expect(ids(await list({ search: tag, category: ['BILLING'] }))).toEqual([billingLow.id, billingHigh.id]);
    expect(ids(await list({ search: tag, severity: ['HIGH'], category: ['BILLING', 'DELIVERY'] }))).toEqual([delivery.id, billingHigh.id]);
    expect(ids(await list({ search: tag, escalated: true }))).toEqual([billingLow.id]);
    expect(ids(await list({ search: tag, status: ['ASSESSED'] }))).toEqual([]);
    expect(ids(await list({ search: tag, receivedFrom: billingLow.receivedAt, receivedTo: delivery.receivedAt }))).toEqual([billingLow.id]);
    expect((await list({ search: tag, category: ['BILLING'] }, 1)).totalCount).toBe(2);
  });

  it('searches reference, subject and description words by prefix, and the customer’s name and email', async () => {
    const tag = word();
    const email = `${tag}.hopper@example.org`;
    const mine = await submitComplaint(harness, { subject: 'Kettle leaks', description: `Water everywhere ${tag}x`, customer: { name: `Grace ${tag}name`, email } });
    const found = async (search: string) => (await list({ search })).edges.map((e) => e.node.id);
    expect(await found(mine.reference.toLowerCase())).toEqual([mine.id]);
    expect(await found(`${tag}x`)).toEqual([mine.id]);
    expect(await found(`Kett ${tag}`)).toEqual([mine.id]);
    expect(await found(`grace ${tag}na`)).toEqual([mine.id]);
    expect(await found(email)).toEqual([mine.id]);
    expect(await found(`${tag}.hopper`)).toEqual([mine.id]);
    expect(await found(`${tag} nothing-like-this`)).toEqual([]);
    expect(await found(`${tag}:* | !x & (`)).toEqual([]);
  });

  it('pages with cursors that stay stable while complaints keep arriving', async () => {
    const tag = word();
    const existing: string[] = [];
    for (let i = 0; i < 7; i++) existing.push((await submitComplaint(harness, { subject: `Batch ${tag} ${i}` })).id);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page = await list({ search: tag }, 2, after);
      seen.push(...page.edges.map((e) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      // Others submit while this reader pages: new ones are newer, so they never shift the pages behind the cursor.
      await Promise.all([submitComplaint(harness, { subject: `Batch ${tag} late` }), submitComplaint(harness, { subject: `Batch ${tag} later` })]);
      pages++;
    } while (after && pages < 20);
    // Every complaint that existed when paging began, once each, in order; the newcomers are ahead of page one.
    expect(seen).toEqual([...existing].reverse());
    expect((await list({ search: tag }, 0)).totalCount).toBe(existing.length + 2 * pages);
  });

  it('refuses a page over 100, a made-up cursor and an upside-down range, naming the argument', async () => {
    const bad = async (variables: Record<string, unknown>) => (await harness.query(LIST, variables, staff('AGENT'))).errors?.[0];
    expect(await bad({ first: 101 })).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'first' } });
    expect(await bad({ after: 'bm9wZQ' })).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'after' } });
    expect(await bad({ filter: { receivedFrom: '2026-02-01T00:00:00Z', receivedTo: '2026-01-01T00:00:00Z' } })).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'filter.receivedTo' },
    });
    expect(await bad({ filter: { search: 'x'.repeat(201) } })).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'filter.search' } });
  });

  it('keeps the list and the record to staff', async () => {
    expect(errorCode(await harness.query(LIST, {}, anonymous))).toBe('UNAUTHENTICATED');
    expect(errorCode(await harness.query(BY_REFERENCE, { reference: 'CMP-2026-000001' }, anonymous))).toBe('UNAUTHENTICATED');
  });

  it('finds a complaint by reference, null when unknown', async () => {
    const mine = await submitComplaint(harness);
    const byReference = async (reference: string) => (await harness.query<{ complaintByReference: unknown }>(BY_REFERENCE, { reference }, staff('QA'))).data!.complaintByReference;
    expect(await byReference(` ${mine.reference.toLowerCase()} `)).toEqual({ id: mine.id, reference: mine.reference });
    expect(await byReference('CMP-1999-000001')).toBeNull();
  });

  it('lets a customer track a complaint with the reference and their email, and reveals nothing otherwise', async () => {
    const input = complaintInput();
    const mine = await submitComplaint(harness, input);
    const track = async (reference: string, email: string) =>
      (await harness.query<{ trackComplaint: Record<string, string> | null }>(TRACK, { reference, email }, anonymous)).data?.trackComplaint;
    expect(await track(mine.reference, input.customer.email.toUpperCase())).toMatchObject({
      reference: mine.reference, status: 'RECEIVED', receivedAt: mine.receivedAt, resolutionDueAt: mine.resolutionDueAt,
    });
    const other = await submitComplaint(harness);
    expect(await track(other.reference, input.customer.email)).toBeNull();
    expect(await track('CMP-1999-000001', input.customer.email)).toBeNull();
    expect(await track(mine.reference, 'not an email')).toBeNull();
  });
});
