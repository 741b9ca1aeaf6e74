import { randomUUID } from 'node:crypto';
import { envelope, staff, waitFor } from '@redress/testing';
import { NotificationFixture } from './support/notification-fixture.js';

const PREVIEW = `query($kind: NotificationKind!, $complaintId: ID!, $locale: String) {
  previewNotification(kind: $kind, complaintId: $complaintId, locale: $locale) { kind locale recipient subject text html } }`;
const RETRY = `mutation($id: ID!) { retryNotification(id: $id) { id kind status attempts lastError } }`;
const LOG = `query($representations: [_Any!]!) { _entities(representations: $representations) {
  ... on Complaint { notifications { id kind status attempts lastError recipient subject sentAt } } } }`;

interface Row { id: string; kind: string; status: string; attempts: number; lastError: string | null; recipient: string }

describe('notification: staff previews, the delivery log and retries', () => {
  let fixture: NotificationFixture;

  beforeAll(async () => {
    fixture = await NotificationFixture.start();
  });
  afterAll(() => fixture?.stop());

  const notificationsOf = async (complaintId: string, who = staff('AGENT')) =>
    (await fixture.harness.query<{ _entities: { notifications: Row[] }[] }>(LOG, { representations: [{ __typename: 'Complaint', id: complaintId }] }, who)).data!._entities[0].notifications;

  it('previews any kind for a complaint with today\'s templates, sending and storing nothing, minting no link', async () => {
    const { contact } = fixture.peers.addComplaint({ name: 'Mary Jackson' });
    const { data } = await fixture.harness.query<{ previewNotification: Record<string, string> }>(PREVIEW, { kind: 'RESOLUTION_PROPOSED', complaintId: contact.complaintId }, staff('AGENT'));
    expect(data!.previewNotification).toMatchObject({ kind: 'RESOLUTION_PROPOSED', locale: 'en', recipient: contact.email });
    expect(data!.previewNotification.subject).toContain(contact.reference);
    expect(data!.previewNotification.text).toMatch(/^Dear Mary,/);
    expect(data!.previewNotification.text).toContain('/respond?token=PREVIEW');
    expect(data!.previewNotification.html).toContain('<!DOCTYPE html>');
    const staffPreview = await fixture.harness.query<{ previewNotification: Record<string, string> }>(PREVIEW, { kind: 'SLA_BREACH', complaintId: contact.complaintId, locale: 'de-DE' }, staff('MANAGER'));
    expect(staffPreview.data!.previewNotification).toMatchObject({ locale: 'en', recipient: 'duty.manager@example.com, head.of.care@example.com' });
    expect(staffPreview.data!.previewNotification.text).not.toContain('Mary');
    expect(fixture.peers.linkRequests).toHaveLength(0);
    expect(await fixture.db.query(`SELECT 1 FROM notifications WHERE complaint_id = $1`, [contact.complaintId])).toEqual([]);
  });

  it('answers null for an unknown complaint, BAD_USER_INPUT for a malformed one, FORBIDDEN for roles that may not see contact details', async () => {
    expect((await fixture.harness.query(PREVIEW, { kind: 'CLOSURE', complaintId: randomUUID() }, staff('AGENT'))).data).toEqual({ previewNotification: null });
    const malformed = await fixture.harness.query(PREVIEW, { kind: 'CLOSURE', complaintId: 'CMP-1' }, staff('AGENT'));
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'complaintId' });
    const badLocale = await fixture.harness.query(PREVIEW, { kind: 'CLOSURE', complaintId: randomUUID(), locale: '../../etc' }, staff('AGENT'));
    expect(badLocale.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'locale' });
    for (const role of ['QA', 'INVESTIGATOR'] as const) {
      expect((await fixture.harness.query(PREVIEW, { kind: 'CLOSURE', complaintId: randomUUID() }, staff(role))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('fails a message the mail server refuses for good at once (FAILED, lastError, notification.failed); staff retry it once fixed', async () => {
    const { contact } = fixture.peers.addComplaint();
    fixture.smtp.rejected.add(contact.email);
    await fixture.publish(envelope('complaint.closed', contact.complaintId, { cycle: 0, closedAt: new Date().toISOString(), overridden: false }));
    const [failed] = await waitFor(async () => {
      const rows = await notificationsOf(contact.complaintId);
      return rows[0]?.status === 'FAILED' ? rows : undefined;
    }, { description: 'the CLOSURE message FAILED' });
    expect(failed).toMatchObject({ kind: 'CLOSURE', attempts: 1, recipient: contact.email });
    expect(failed.lastError).toContain('550');
    const [event] = (await fixture.announced('notification.failed')).filter((e) => e.complaintId === contact.complaintId);
    expect(event.data).toMatchObject({ notificationId: failed.id, kind: 'CLOSURE', channel: 'EMAIL', attempts: 1 });

    // QA sees that it failed, not to whom.
    expect((await notificationsOf(contact.complaintId, staff('QA')))[0].recipient).toMatch(/^a\*\*\*@example\.com$/);
    expect((await fixture.harness.query(RETRY, { id: failed.id }, staff('QA'))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    fixture.smtp.rejected.delete(contact.email);
    const retried = await fixture.harness.query<{ retryNotification: Row }>(RETRY, { id: failed.id }, staff('AGENT', 'agent-7'));
    expect(retried.data!.retryNotification).toMatchObject({ id: failed.id, status: 'QUEUED' });
    await fixture.emailsTo(contact.email, 1, 500);
    expect(fixture.smtp.to(contact.email)).toHaveLength(1);
    const [sent] = await waitFor(async () => {
      const rows = await notificationsOf(contact.complaintId);
      return rows[0]?.status === 'SENT' ? rows : undefined;
    });
    expect(sent).toMatchObject({ attempts: 2, lastError: null });
    expect((await fixture.harness.query(RETRY, { id: failed.id }, staff('AGENT'))).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await fixture.harness.query(RETRY, { id: randomUUID() }, staff('AGENT'))).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await fixture.harness.query(RETRY, { id: 'x' }, staff('AGENT'))).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });
});
