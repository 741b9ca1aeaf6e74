import { TcpProxy, waitFor } from '@redress/testing';
import { E2E } from './support/e2e-environment.js';
import { graphql, staffToken } from './support/graphql-client.js';
import { receivedEmails } from './support/mailbox.js';
import { startSystem, stopSystem } from './support/system.js';

// The mail server is away for 30 s while customers complain: every acknowledgement still arrives, once.
const OUTAGE_MS = 30_000;
const COMPLAINTS = 20;

// Only notification talks SMTP; it reaches the test's mail sink through a proxy the test can cut.
const smtp = new TcpProxy({ host: '127.0.0.1', port: E2E.smtpPort });

const SUBMIT = `mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) { id reference } }`;
const READ = `query($id: ID!) { complaint(id: $id) { status acknowledgedAt notifications { kind status attempts lastError sentAt } } }`;

interface Notification { kind: string; status: string; attempts: number; lastError: string | null; sentAt: string | null }

beforeAll(async () => {
  await smtp.start();
  await startSystem({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, EMAIL_RETRY_BASE_MS: '500', EMAIL_RETRY_MAX_MS: '3000', EMAIL_DELIVERY_ATTEMPTS: '40' });
}, 150_000);
afterAll(async () => {
  await stopSystem();
  await smtp.close();
}, 30_000);

describe('SMTP down for 30 seconds', () => {
  it('delivers every acknowledgement once after the mail server returns, and only then acknowledges the complaints', async () => {
    const manager = await staffToken(['MANAGER']);
    const run = Date.now();
    smtp.cut();
    const submitted: { id: string; reference: string; email: string }[] = [];
    for (let i = 0; i < COMPLAINTS; i++) {
      const email = `outage.${run}.${i}@example.com`;
      const response = await graphql<{ submitComplaint: { id: string; reference: string } }>(SUBMIT, {
        input: { channel: 'WEB', customer: { name: `Customer ${i}`, email }, subject: 'Parcel never arrived', description: `Order ${i} did not arrive.` },
      });
      expect(response.errors).toBeUndefined();
      submitted.push({ ...response.data!.submitComplaint, email });
    }
    const mine = () => receivedEmails().filter((e) => submitted.some((s) => e.to.includes(s.email)));

    // While it is down: messages wait (QUEUED, failed attempts counted with their error), nothing is acknowledged.
    await waitFor(async () => {
      const { data } = await graphql<{ complaint: { notifications: Notification[] } }>(READ, { id: submitted[0].id }, manager);
      return (data?.complaint.notifications[0]?.attempts ?? 0) >= 2;
    }, { timeoutMs: 20_000, description: 'failed attempts while SMTP is down' });
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, OUTAGE_MS - (Date.now() - run))));
    expect(mine()).toHaveLength(0);
    const during = await graphql<{ complaint: { status: string; notifications: Notification[] } }>(READ, { id: submitted[COMPLAINTS - 1].id }, manager);
    expect(during.data!.complaint.status).toBe('RECEIVED');
    expect(during.data!.complaint.notifications).toEqual([expect.objectContaining({ kind: 'ACKNOWLEDGEMENT', status: 'QUEUED', sentAt: null, lastError: expect.any(String) })]);

    smtp.restore();
    const restored = Date.now();
    await waitFor(() => mine().length >= COMPLAINTS, { timeoutMs: 30_000, description: `${COMPLAINTS} acknowledgements after the outage` });
    process.stdout.write(`all ${COMPLAINTS} acknowledgements delivered ${((Date.now() - restored) / 1000).toFixed(1)} s after SMTP returned\n`);
    await new Promise((resolve) => setTimeout(resolve, 4000));
    for (const { email, reference } of submitted) {
      const emails = receivedEmails().filter((e) => e.to.includes(email));
      expect(emails).toHaveLength(1);
      expect(emails[0].subject).toContain(reference);
    }
    for (const { id } of submitted) {
      const read = await waitFor(async () => {
        const { data } = await graphql<{ complaint: { status: string; acknowledgedAt: string | null; notifications: Notification[] } }>(READ, { id }, manager);
        return data?.complaint.status === 'ACKNOWLEDGED' ? data.complaint : undefined;
      }, { description: `complaint ${id} ACKNOWLEDGED` });
      expect(read.notifications).toEqual([expect.objectContaining({ kind: 'ACKNOWLEDGEMENT', status: 'SENT', lastError: null })]);
      expect(read.notifications[0].attempts).toBeGreaterThan(1);
    }
  });
});
