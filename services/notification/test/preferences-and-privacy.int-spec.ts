import { randomUUID } from 'node:crypto';
import { customerDataPattern, type CustomerData } from '@redress/contracts';
import { RpcClient } from '@redress/messaging';
import { anonymous, envelope, waitFor } from '@redress/testing';
import { NotificationFixture } from './support/notification-fixture.js';

const PREFERENCES = `query($token: String!) { notificationPreferences(token: $token) { surveys } }`;
const UPDATE = `mutation($token: String!, $surveys: Boolean!) { updateNotificationPreferences(token: $token, surveys: $surveys) { surveys } }`;

describe('notification: the customer\'s preferences and personal data', () => {
  let fixture: NotificationFixture;

  beforeAll(async () => {
    // A failed attempt waits 5 s for its retry, long enough to be caught waiting by an erasure.
    fixture = await NotificationFixture.start({ EMAIL_RETRY_BASE_MS: '5000' });
  });
  afterAll(() => fixture?.stop());

  const acknowledge = async (complaint: ReturnType<NotificationFixture['peers']['addComplaint']>) => {
    const { contact } = complaint;
    await fixture.publish(envelope('complaint.received', contact.complaintId, {
      cycle: 0, channel: 'WEB', customerId: contact.customerId, receivedAt: contact.receivedAt, acknowledgementDueAt: contact.acknowledgementDueAt, resolutionDueAt: contact.resolutionDueAt,
    }));
    const [email] = await fixture.emailsTo(contact.email);
    return /preferences\?token=([A-Za-z0-9._~-]+)/.exec(email.text)![1];
  };
  const survey = (complaintId: string) => envelope('followup.requested', complaintId, { cycle: 0 });
  const closure = (complaintId: string) => envelope('complaint.closed', complaintId, { cycle: 0, closedAt: new Date().toISOString(), overridden: false });

  it('lets a customer opt out of surveys from the link in any email, without signing in; essential messages still go', async () => {
    const complaint = fixture.peers.addComplaint();
    const { complaintId, email } = complaint.contact;
    const token = await acknowledge(complaint);
    expect((await fixture.harness.query(PREFERENCES, { token }, anonymous)).data).toEqual({ notificationPreferences: { surveys: true } });
    expect((await fixture.harness.query(UPDATE, { token, surveys: false }, anonymous)).data).toEqual({ updateNotificationPreferences: { surveys: false } });

    await fixture.publish(survey(complaintId));
    await fixture.publish(closure(complaintId));
    const emails = await fixture.emailsTo(email, 2, 1000);
    expect(emails.map((e) => e.subject)).toEqual([expect.stringContaining('We have received'), expect.stringContaining('is now closed')]);
    expect(fixture.peers.linkRequests.filter((r) => r.complaintId === complaintId)).toHaveLength(0); // no survey link minted for nothing

    // Every complaint of the same customer follows the choice, until they opt in again.
    const second = fixture.peers.addComplaint({ customerId: complaint.contact.customerId, email });
    await fixture.publish(survey(second.contact.complaintId));
    await fixture.drained();
    expect(fixture.smtp.to(email).filter((e) => e.subject.startsWith('How did we do'))).toHaveLength(0);
    await fixture.harness.query(UPDATE, { token, surveys: true }, anonymous);
    await fixture.publish(envelope('followup.requested', second.contact.complaintId, { cycle: 1 }));
    await waitFor(() => fixture.smtp.to(email).some((e) => e.subject.startsWith('How did we do')), { description: 'the survey after opting in again' });
  });

  it('refuses a forged or altered preferences link and reveals nothing', async () => {
    const token = await acknowledge(fixture.peers.addComplaint());
    const altered = token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await fixture.harness.query(PREFERENCES, { token: altered }, anonymous)).data).toEqual({ notificationPreferences: null });
    const refused = await fixture.harness.query(UPDATE, { token: `p1.${randomUUID()}.forged`, surveys: false }, anonymous);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
  });

  it('answers a subject access request with every message to the customer and their preferences', async () => {
    const complaint = fixture.peers.addComplaint();
    const token = await acknowledge(complaint);
    await fixture.harness.query(UPDATE, { token, surveys: false }, anonymous);
    const rpc = fixture.harness.app.get(RpcClient);
    const data = await rpc.request<CustomerData>('notification', customerDataPattern('notification'), { customerId: complaint.contact.customerId, complaintIds: [complaint.contact.complaintId] });
    expect(data.service).toBe('notification');
    expect(data.records.notifications).toEqual([
      expect.objectContaining({ complaintId: complaint.contact.complaintId, kind: 'ACKNOWLEDGEMENT', recipient: complaint.contact.email, status: 'SENT', text: expect.stringContaining('Dear Ada') }),
    ]);
    expect(data.records.preferences).toEqual([expect.objectContaining({ surveys: false })]);
    await expect(rpc.request('notification', customerDataPattern('notification'), { customerId: 'nope', complaintIds: [] })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('on customer.erased keeps only tombstones, cancels what was waiting, and never writes to the customer again', async () => {
    const complaint = fixture.peers.addComplaint();
    const { complaintId, customerId, email } = complaint.contact;
    const token = await acknowledge(complaint);
    fixture.smtp.cut(); // a message still waiting (for its retry) when the erasure arrives
    await fixture.publish(closure(complaintId));
    await waitFor(async () => (await fixture.db.query(`SELECT 1 FROM notifications WHERE complaint_id = $1 AND kind = 'CLOSURE' AND attempts = 1`, [complaintId])).length === 1, { description: 'a failed first attempt' });
    await fixture.publish(envelope('customer.erased', null, { customerId }));
    await fixture.drained();
    fixture.smtp.restore();
    const rows = await fixture.db.query(`SELECT kind, status, recipient, subject, body, html, last_error FROM notifications WHERE complaint_id = $1 ORDER BY created_at`, [complaintId]);
    expect(rows).toEqual([
      { kind: 'ACKNOWLEDGEMENT', status: 'SENT', recipient: '[erased]', subject: '[erased]', body: '[erased]', html: null, last_error: null },
      { kind: 'CLOSURE', status: 'FAILED', recipient: '[erased]', subject: '[erased]', body: '[erased]', html: null, last_error: 'not sent: the customer was erased' },
    ]);
    expect((await fixture.announced('notification.failed')).some((e) => e.complaintId === complaintId)).toBe(true);
    await fixture.publish(envelope('followup.requested', complaintId, { cycle: 0 }));
    await fixture.drained();
    await new Promise((resolve) => setTimeout(resolve, 6000)); // past the waiting message's retry
    expect(fixture.smtp.to(email)).toHaveLength(1);
    expect((await fixture.harness.query(PREFERENCES, { token }, anonymous)).data).toEqual({ notificationPreferences: null });
    const rpc = fixture.harness.app.get(RpcClient);
    const data = await rpc.request<CustomerData>('notification', customerDataPattern('notification'), { customerId, complaintIds: [complaintId] });
    expect(JSON.stringify(data)).not.toContain(email);
  });
});
