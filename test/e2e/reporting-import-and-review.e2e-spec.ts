import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from '@redress/testing';
import { CfpbColumns, toSubmission } from '../../services/reporting/src/cli/import-cfpb/cfpb-mapping.js';
import { parseCsv } from '../../services/reporting/src/cli/csv-rows.js';
import { E2E, gatewayUrl } from './support/e2e-environment.js';
import { EventTap } from './support/event-tap.js';
import { graphql, staffToken, type GraphqlResponse } from './support/graphql-client.js';
import { startSystem, stopSystem } from './support/system.js';

// SPEC §1 step 9 on the real system: real CFPB complaints imported through the gateway, counted by
// reporting, a spike raised, one complaint taken to CLOSED, reviewed by QA and reported on.
const SAMPLE = join(process.cwd(), '..', 'shared', 'data', 'cfpb-complaints-sample.csv');
const COUNT = 40;
const TOTAL = `{ complaints(first: 1) { totalCount } }`;
const METRICS = `query($from: DateTime!, $to: DateTime!) { complaintMetrics(from: $from, to: $to) {
  received open closed acknowledgedWithinSlaRate meanHoursToAcknowledge byChannel { key count } byCategory { key count } } }`;
const FIRST = `{ complaints(first: 1) { edges { node { id reference status } } } }`;
const PROPOSE = `mutation($id: ID!) { proposeResolution(complaintId: $id, options: [{ type: APOLOGY, description: "A written apology" }]) { id options { id } } }`;
const DECIDE = `mutation($id: ID!, $optionId: ID) { recordCustomerDecision(proposalId: $id, accept: true, optionId: $optionId) { status } }`;
const IMPLEMENT = `mutation($id: ID!) { markResolutionImplemented(proposalId: $id) { implementedAt } }`;
const FOLLOW_UP = `mutation($id: ID!) { recordFollowUp(complaintId: $id, satisfied: true, rating: 5) { rating } }`;
const CLOSE = `mutation($id: ID!) { closeComplaint(complaintId: $id, summary: "Apologised") { id } }`;
const STATUS = `query($id: ID!) { complaint(id: $id) { status } }`;
const REVIEW = `mutation($id: ID!) { recordQualityReview(complaintId: $id, score: 88, checklist: [{ item: "Apology was personal", passed: true }], feedback: "Well handled") { cycle score } }`;
const REVIEWED = `query($id: ID!) { complaint(id: $id) { reference qualityReviews { score reviewerId } timeline { type summary } } }`;
const REPORT = `query($id: ID!) { resolutionReport(complaintId: $id, format: HTML) { url filename } }`;
const VERIFY = `{ verifyAuditTrail { valid sealedEvents unsealedEvents problems { problem } } }`;

const tap = new EventTap();
let manager: string;
let agent: string;
let qa: string;
const importFile = join(E2E.logDirectory, 'cfpb-import.csv');
const [header, ...rows] = parseCsv(readFileSync(SAMPLE, 'utf8')).filter((row) => row.length > 1);
const imported = rows.slice(0, COUNT).map((row) => toSubmission(new CfpbColumns(header), row));

beforeAll(() => startSystem({ FOLLOW_UP_DELAY_HOURS: '0.001' }), 150_000);
afterAll(stopSystem, 30_000);
beforeAll(async () => {
  await tap.start();
  [manager, agent, qa] = await Promise.all([staffToken(['MANAGER'], 'manager-e2e'), staffToken(['AGENT'], 'agent-e2e'), staffToken(['QA'], 'qa-e2e')]);
  mkdirSync(E2E.logDirectory, { recursive: true });
  writeFileSync(importFile, readFileSync(SAMPLE, 'utf8').split('\n').slice(0, COUNT + 1).join('\n'));
});
afterAll(() => tap.stop());

async function ok<T = Record<string, any>>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const response: GraphqlResponse<T> = await graphql<T>(query, variables, token);
  expect(response.errors).toBeUndefined();
  return response.data!;
}

function runImport(): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['scripts/import-cfpb.mjs', importFile, '--gateway', gatewayUrl, '--concurrency', '4'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

const counts = (keys: string[]) => [...keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>())]
  .map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
const today = () => ({ from: new Date(Date.now() - 3_600_000).toISOString(), to: new Date(Date.now() + 3_600_000).toISOString() });

describe('reporting on the real system', () => {
  it('imports CFPB complaints through the gateway with progress, and importing again adds nothing', async () => {
    const first = await runImport();
    expect(first.output).toContain(`imported ${COUNT} complaints through ${gatewayUrl}; 0 failed`);
    expect(first.output).toMatch(/100% 40\/40 complaints/);
    expect(first.code).toBe(0);
    expect((await ok<{ complaints: { totalCount: number } }>(TOTAL, {}, manager)).complaints.totalCount).toBe(COUNT);
    expect((await runImport()).code).toBe(0);
    expect((await ok<{ complaints: { totalCount: number } }>(TOTAL, {}, manager)).complaints.totalCount).toBe(COUNT);
  });

  it('counts them in complaintMetrics as they were imported, each acknowledged within its SLA', async () => {
    const metrics = await waitFor(async () => {
      const { complaintMetrics: m } = await ok<{ complaintMetrics: any }>(METRICS, today(), manager);
      return m.received === COUNT && m.acknowledgedWithinSlaRate === 1 ? m : undefined;
    }, { timeoutMs: 60_000, description: 'every imported complaint counted and acknowledged' });
    expect(metrics).toMatchObject({ open: COUNT, closed: 0, byChannel: counts(imported.map((s) => s.channel)), byCategory: counts(imported.map((s) => s.category)) });
    expect(metrics.meanHoursToAcknowledge).toBeLessThan(0.05);
  });

  it('raises complaint.trend_alert once for each category with ten or more new complaints this week', async () => {
    const spiking = counts(imported.map((s) => s.category)).filter((c) => c.count >= 10).map((c) => c.key);
    expect(spiking.length).toBeGreaterThan(0);
    await waitFor(() => spiking.every((category) => tap.of('complaint.trend_alert').some((e) => (e.envelope.data as { category: string }).category === category)), {
      timeoutMs: 20_000, description: 'an alert per spiking category',
    });
    const alerted = tap.of('complaint.trend_alert').map((e) => (e.envelope.data as { category: string }).category).sort();
    expect(alerted).toEqual([...spiking].sort());
  });

  describe('a complaint taken to CLOSED', () => {
    let complaint: { id: string; reference: string };

    beforeAll(async () => {
      complaint = (await ok<{ complaints: { edges: { node: { id: string; reference: string } }[] } }>(FIRST, {}, agent)).complaints.edges[0].node;
      const proposal = (await ok(PROPOSE, { id: complaint.id }, agent)).proposeResolution;
      await ok(DECIDE, { id: proposal.id, optionId: proposal.options[0].id }, agent);
      await ok(IMPLEMENT, { id: proposal.id }, agent);
      await waitFor(async () => (await ok(STATUS, { id: complaint.id }, agent)).complaint.status === 'RESOLVED', { timeoutMs: 20_000, description: 'RESOLVED' });
      await ok(FOLLOW_UP, { id: complaint.id }, agent);
      await waitFor(async () => (await ok(STATUS, { id: complaint.id }, agent)).complaint.status === 'FOLLOWED_UP', { timeoutMs: 20_000, description: 'FOLLOWED_UP' });
      await ok(CLOSE, { id: complaint.id }, agent);
    }, 90_000);

    it('is reviewed by QA, once, and the review shows on the complaint beside its timeline', async () => {
      const review = await waitFor(async () => {
        const response = await graphql<{ recordQualityReview: { cycle: number; score: number } }>(REVIEW, { id: complaint.id }, qa);
        return response.errors ? undefined : response.data!.recordQualityReview;
      }, { timeoutMs: 20_000, description: 'the review accepted once the complaint is CLOSED' });
      expect(review).toEqual({ cycle: 0, score: 88 });
      expect((await graphql(REVIEW, { id: complaint.id }, qa)).errors?.[0].extensions?.code).toBe('CONFLICT');
      const { complaint: reviewed } = await ok<{ complaint: any }>(REVIEWED, { id: complaint.id }, manager);
      expect(reviewed.qualityReviews).toEqual([{ score: 88, reviewerId: 'qa-e2e' }]);
      expect(reviewed.timeline.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['complaint.received', 'resolution.implemented', 'complaint.closed']));
    });

    it('has a resolution report telling its story', async () => {
      const { resolutionReport } = await ok<{ resolutionReport: { url: string; filename: string } }>(REPORT, { id: complaint.id }, manager);
      expect(resolutionReport.filename).toBe(`resolution-report_${complaint.reference}.html`);
      // The link is served by the gateway (PUBLIC_URL), which streams it from reporting with a signed identity.
      const download = await fetch(resolutionReport.url.replace('localhost', '127.0.0.1'));
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toContain('text/html');
      const page = await download.text();
      expect(page).toContain(`Resolution report ${complaint.reference}`);
      expect(page).toContain('Satisfied, rated 5 of 5');
      expect(page).toContain('Complaint closed');
      expect(page).toContain('Well handled');
    });
  });

  it('proves through verifyAuditTrail that every stored event is sealed and unaltered', async () => {
    const result = await waitFor(async () => {
      const { verifyAuditTrail: v } = await ok<{ verifyAuditTrail: any }>(VERIFY, {}, manager);
      return v.unsealedEvents === 0 ? v : undefined;
    }, { timeoutMs: 20_000, description: 'everything sealed' });
    expect(result).toMatchObject({ valid: true, problems: [] });
    expect(result.sealedEvents).toBeGreaterThan(COUNT * 3);
  });
});
