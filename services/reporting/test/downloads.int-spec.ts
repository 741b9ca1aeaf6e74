import { randomUUID } from 'node:crypto';
import { signIdentity, type Identity } from '@redress/auth';
import { SubgraphHarness, staff } from '@redress/testing';
import { parseCsv } from '../src/cli/csv-rows.js';
import { signDownload } from '../src/downloads/download-token.js';
import { ReportingModule } from '../src/reporting.module.js';
import { complaintStories } from './support/complaint-stories.js';
import { oracleComplaints } from './support/metrics-oracle.js';
import { publishShuffled, waitUntilProjected } from './support/publishing.js';

const EXPORT = `query($from: DateTime!, $to: DateTime!) { complaintLogExport(from: $from, to: $to) { url expiresAt filename contentType } }`;
const RESOLUTION = `query($id: ID!, $format: ReportFormat) { resolutionReport(complaintId: $id, format: $format) { url filename contentType } }`;
const QUARTERLY = `query($quarter: String!, $format: ReportFormat) { qualityReviewReport(quarter: $quarter, format: $format) { url filename contentType } }`;
const RECORD = `mutation($id: ID!) { recordQualityReview(complaintId: $id, score: 64, checklist: [{ item: "Tone <polite>", passed: true }], feedback: "<script>alert(1)</script>") { id } }`;

interface Download { url: string; expiresAt: string; filename: string; contentType: string }

describe('reporting: exports and report documents', () => {
  let harness: SubgraphHarness;
  let base: string;
  const events = complaintStories({ seed: 51, count: 60, from: new Date('2026-01-10T00:00:00Z'), to: new Date('2026-03-20T00:00:00Z') });
  const complaints = oracleComplaints(events);
  const manager = staff('MANAGER', 'manager-mo');

  beforeAll(async () => {
    harness = await SubgraphHarness.start('reporting', (config) => ReportingModule.forRoot(config));
    base = await harness.app.getUrl();
    await publishShuffled(harness, events, 13);
    await waitUntilProjected(harness, events);
  }, 120_000);

  afterAll(() => harness?.stop());

  async function link<T>(query: string, variables: object, field: string, identity: Identity = manager): Promise<T> {
    const { data, errors } = await harness.query<Record<string, T>>(query, variables, identity);
    expect(errors).toBeUndefined();
    return data![field];
  }

  /** Follows a link as the gateway passes `/downloads/*` on: with a signed (here anonymous) identity. */
  async function follow(url: string, withIdentity = true): Promise<Response> {
    const { pathname, search } = new URL(url);
    const identity = await signIdentity({ sub: null, roles: [], anonymous: true }, randomUUID(), harness.env.config.internalSecret);
    return fetch(`${base}${pathname}${search}`, { headers: withIdentity ? { 'x-redress-identity': identity } : {} });
  }

  it('streams the complaint log of a period as CSV, one row per complaint received in it, oldest first', async () => {
    const from = '2026-02-01T00:00:00Z';
    const to = '2026-03-01T00:00:00Z';
    const download = await link<Download>(EXPORT, { from, to }, 'complaintLogExport');
    expect(download).toMatchObject({ filename: 'complaint-log_2026-02-01_2026-03-01.csv', contentType: 'text/csv; charset=utf-8' });
    expect(download.url).toMatch(/^http:\/\/localhost:4000\/downloads\/complaint-log\?token=[\w.-]+$/);
    expect(Date.parse(download.expiresAt) - Date.now()).toBeLessThanOrEqual(300_000);
    const response = await follow(download.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="complaint-log_2026-02-01_2026-03-01.csv"');
    const [header, ...rows] = parseCsv(await response.text()).filter((row) => row.length > 1);
    const expected = complaints.filter((c) => c.receivedAt >= Date.parse(from) && c.receivedAt < Date.parse(to)).sort((a, b) => a.receivedAt - b.receivedAt || (a.id < b.id ? -1 : 1));
    expect(expected.length).toBeGreaterThan(10);
    const column = (name: string) => header.indexOf(name);
    expect(rows.map((r) => r[column('complaint_id')])).toEqual(expected.map((c) => c.id));
    rows.forEach((row, i) => {
      const c = expected[i];
      expect({ status: row[column('status')], category: row[column('category')] || 'UNKNOWN', receivedAt: row[column('received_at')], rating: row[column('rating')], escalated: row[column('escalated')] })
        .toEqual({ status: c.status, category: c.category, receivedAt: new Date(c.receivedAt).toISOString(), rating: c.rating === null ? '' : String(c.rating), escalated: String(c.escalated) });
    });
  });

  it('serves a file only for a valid, unexpired link of its own kind, through the gateway', async () => {
    const download = await link<Download>(EXPORT, { from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' }, 'complaintLogExport');
    const tampered = download.url.replace(/.(?=[^.]*$)/, (ch) => (ch === 'A' ? 'B' : 'A'));
    expect((await follow(tampered)).status).toBe(401);
    expect((await follow(download.url.replace('/complaint-log?', '/quality-review?'))).status).toBe(401);
    const { token } = await signDownload({ kind: 'complaint-log', from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' }, 'x', harness.env.config.internalSecret, -60);
    const expired = await follow(`http://x/downloads/complaint-log?token=${token}`);
    expect(expired.status).toBe(401);
    expect(await expired.json()).toEqual({ errors: [{ message: expect.stringMatching(/expired/), extensions: { code: 'UNAUTHENTICATED' } }] });
    expect((await follow(download.url, false)).status).toBe(401);
  });

  it('renders one complaint\'s resolution report as HTML and PDF, escaping everything it shows', async () => {
    const closed = complaints.find((c) => c.status === 'CLOSED' && c.rating !== null)!;
    expect((await harness.query(RECORD, { id: closed.id }, staff('QA', '<b>qa</b>'))).errors).toBeUndefined();
    const html = await link<Download>(RESOLUTION, { id: closed.id }, 'resolutionReport');
    const reference = events.find((e) => e.complaintId === closed.id)!.reference;
    expect(html).toMatchObject({ filename: `resolution-report_${reference}.html`, contentType: 'text/html; charset=utf-8' });
    const page = await (await follow(html.url)).text();
    expect(page).toContain(`Resolution report ${reference}`);
    expect(page).toContain('Complaint received via');
    expect(page).toContain(`rated ${closed.rating} of 5`);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('&lt;b&gt;qa&lt;/b&gt;');
    expect(page).not.toContain('<script>');
    const pdf = await link<Download>(RESOLUTION, { id: closed.id, format: 'PDF' }, 'resolutionReport');
    const file = await follow(pdf.url);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await file.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await link(RESOLUTION, { id: randomUUID() }, 'resolutionReport')).toBeNull();
  });

  it('renders the quarterly review with charts as HTML and PDF', async () => {
    const html = await link<Download>(QUARTERLY, { quarter: '2026-Q1' }, 'qualityReviewReport', staff('QA'));
    expect(html.filename).toBe('quality-review_2026-Q1.html');
    const page = await (await follow(html.url)).text();
    expect(page).toContain('Quarterly complaints review 2026-Q1');
    expect(page.match(/<svg/g)!.length).toBeGreaterThanOrEqual(4);
    expect(page).toContain(`<td class="num">${complaints.length}</td>`);
    const pdf = await link<Download>(QUARTERLY, { quarter: '2026-Q1', format: 'PDF' }, 'qualityReviewReport', staff('ADMIN'));
    const bytes = Buffer.from(await (await follow(pdf.url)).arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(3000);
  });

  it('checks input and roles before handing out a link', async () => {
    expect((await harness.query(QUARTERLY, { quarter: 'last quarter' }, manager)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'quarter' });
    expect((await harness.query(EXPORT, { from: '2026-02-01T00:00:00Z', to: '2026-02-01T00:00:00Z' }, manager)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    expect((await harness.query(EXPORT, { from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' }, staff('AGENT'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
