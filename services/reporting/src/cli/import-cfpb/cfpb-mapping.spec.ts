import { CfpbColumns, categoryOf, toSubmission } from './cfpb-mapping.js';

const HEADER = ['Date received', 'Product', 'Sub-product', 'Issue', 'Sub-issue', 'Company', 'State', 'ZIP code', 'Consumer consent provided?', 'Submitted via'];
const ROW = ['7/29/2013', 'Credit card', '', 'Billing disputes', 'Charged twice', 'Big Bank', 'VA', '24540', 'N/A', 'Postal mail'];

describe('CFPB rows as submissions', () => {
  it('maps channel, subject, description, category and a customer without personal data', () => {
    const submission = toSubmission(new CfpbColumns(HEADER), ROW);
    expect(submission).toMatchObject({
      channel: 'LETTER', subject: 'Billing disputes', category: 'BILLING',
      description: 'Credit card: Billing disputes. Charged twice. Company: Big Bank. Received by the CFPB on 7/29/2013 via Postal mail from VA 24540.',
      customer: { name: 'CFPB consumer (VA 24540)', email: expect.stringMatching(/^consumer-[0-9a-f]{16}@cfpb\.example$/) },
    });
  });

  it('gives the same row the same idempotency key and email, and another row others', () => {
    const columns = new CfpbColumns(HEADER);
    const a = toSubmission(columns, ROW);
    expect(toSubmission(columns, [...ROW])).toEqual(a);
    const b = toSubmission(columns, ROW.map((v, i) => (i === 0 ? '7/30/2013' : v)));
    expect(b.idempotencyKey).not.toBe(a.idempotencyKey);
    expect(b.customer.email).not.toBe(a.customer.email);
  });

  it('reads columns by name in any order and refuses a file that is not a CFPB export', () => {
    const reordered = new CfpbColumns([...HEADER].reverse());
    expect(toSubmission(reordered, [...ROW].reverse()).subject).toBe('Billing disputes');
    expect(() => new CfpbColumns(['id', 'text'])).toThrow(/no "Date received" column/);
  });

  it.each([
    ['Identity theft / Fraud / Embezzlement', 'Credit card', 'PRIVACY'],
    ['Communication tactics', 'Debt collection', 'STAFF_CONDUCT'],
    ['Incorrect information on credit report', 'Credit reporting', 'BILLING'],
    ['Money was not available when promised', 'Bank account or service', 'DELIVERY'],
    ['Loan modification,collection,foreclosure', 'Mortgage', 'POLICY'],
    ['Account opening, closing, or management', 'Bank account or service', 'SERVICE'],
    ['Other', 'Mortgage', 'SERVICE'],
    ['Other', 'Something else', 'OTHER'],
  ])('files "%s" (%s) under %s', (issue, product, category) => {
    expect(categoryOf(issue, product)).toBe(category);
  });
});
