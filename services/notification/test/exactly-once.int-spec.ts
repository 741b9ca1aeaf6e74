import { envelope, waitFor } from '@redress/testing';
import type { EventEnvelope } from '@redress/contracts';
import { DeliverySweeper } from '../src/jobs/delivery-sweeper.js';
import { NotificationFixture } from './support/notification-fixture.js';
import type { PeerStubs } from './support/peer-stubs.js';

const received = (peers: PeerStubs, name?: string): EventEnvelope<'complaint.received'> => {
  const { contact } = peers.addComplaint({ name });
  return envelope('complaint.received', contact.complaintId, {
    cycle: 0, channel: 'WEB', customerId: contact.customerId, receivedAt: contact.receivedAt,
    acknowledgementDueAt: contact.acknowledgementDueAt, resolutionDueAt: contact.resolutionDueAt,
  }, { reference: contact.reference });
};
const emailOf = (peers: PeerStubs, event: EventEnvelope) => peers.complaints.get(event.complaintId!)!.contact.email;

// Nothing lost, nothing doubled: SPEC §8 for customer emails, on the real PostgreSQL, RabbitMQ and Redis.
describe('notification: every message exactly once', () => {
  let fixture: NotificationFixture;

  beforeAll(async () => {
    fixture = await NotificationFixture.start();
  });
  afterAll(() => fixture?.stop());

  it('sends one email for an event delivered three times', async () => {
    const event = received(fixture.peers);
    for (let i = 0; i < 3; i++) await fixture.publish(event);
    await fixture.drained();
    expect(await fixture.emailsTo(emailOf(fixture.peers, event), 1, 1000)).toHaveLength(1);
    expect(await fixture.db.query(`SELECT status, attempts FROM notifications WHERE complaint_id = $1`, [event.complaintId])).toEqual([{ status: 'SENT', attempts: 1 }]);
    expect((await fixture.announced('notification.sent')).filter((e) => e.complaintId === event.complaintId)).toHaveLength(1);
  });

  it('turns 1,000 events (and 200 redeliveries among them) into exactly 1,000 emails, one per customer', async () => {
    const events = Array.from({ length: 1000 }, () => received(fixture.peers));
    const started = Date.now();
    const before = fixture.smtp.emails.length;
    for (let i = 0; i < events.length; i++) {
      await fixture.publish(events[i]);
      if (i % 5 === 4) await fixture.publish(events[i - 2]);
    }
    await waitFor(() => fixture.smtp.emails.length - before >= 1000, { timeoutMs: 110_000, intervalMs: 200, description: '1,000 emails' });
    const seconds = (Date.now() - started) / 1000;
    await fixture.drained();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const mine = fixture.smtp.emails.slice(before);
    expect(mine).toHaveLength(1000);
    expect(new Set(mine.map((e) => e.to[0]))).toEqual(new Set(events.map((e) => emailOf(fixture.peers, e))));
    expect(new Set(mine.map((e) => e.messageId)).size).toBe(1000);
    const [{ sent }] = await fixture.db.query(`SELECT count(*)::int AS sent FROM notifications WHERE complaint_id = ANY($1::uuid[]) AND status = 'SENT'`, [events.map((e) => e.complaintId)]);
    expect(sent).toBe(1000);
    process.stdout.write(`1,000 events → 1,000 emails in ${seconds.toFixed(1)} s\n`);
  }, 150_000); // a count, not a speed test: a busy CI machine may take its time

  it('delivers, once, a stored message whose job was lost (Redis emptied, or the enqueue failed after commit)', async () => {
    const sweeper = fixture.harness.app.get(DeliverySweeper);
    const event = received(fixture.peers);
    const queue = fixture.smtp;
    queue.cut(); // keep the first attempt from landing, so the job is still there to lose
    await fixture.publish(event);
    await waitFor(async () => (await fixture.db.query(`SELECT 1 FROM notifications WHERE complaint_id = $1`, [event.complaintId])).length === 1);
    const [{ id }] = await fixture.db.query(`SELECT id FROM notifications WHERE complaint_id = $1`, [event.complaintId]);
    const { DeliveryQueue } = await import('../src/delivery/delivery-queue.js');
    const jobs = fixture.harness.app.get(DeliveryQueue).queue;
    await waitFor(async () => (await jobs.getJob(id)) && (await jobs.remove(id)) === 1, { description: 'the job removed, as a Redis flush would' });
    queue.restore();
    await fixture.db.query(`UPDATE notifications SET created_at = now() - interval '1 minute' WHERE id = $1`, [id]);
    expect(await sweeper.sweep()).toBeGreaterThanOrEqual(1);
    await fixture.emailsTo(emailOf(fixture.peers, event), 1, 500);
    await sweeper.sweep();
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(fixture.smtp.to(emailOf(fixture.peers, event))).toHaveLength(1);
    expect(await fixture.db.query(`SELECT status FROM notifications WHERE id = $1`, [id])).toEqual([{ status: 'SENT' }]);
  });

  it('records a final failure the worker could not record (the sweeper finds the failed job)', async () => {
    const sweeper = fixture.harness.app.get(DeliverySweeper);
    const event = received(fixture.peers);
    fixture.smtp.rejected.add(emailOf(fixture.peers, event));
    await fixture.publish(event);
    const failed = async () => (await fixture.db.query(`SELECT status FROM notifications WHERE complaint_id = $1`, [event.complaintId]))[0]?.status === 'FAILED';
    await waitFor(failed, { description: 'the message FAILED' });
    await fixture.db.query(`UPDATE notifications SET status = 'QUEUED', created_at = now() - interval '1 minute' WHERE complaint_id = $1`, [event.complaintId]);
    await sweeper.sweep();
    expect(await failed()).toBe(true);
    expect(fixture.smtp.to(emailOf(fixture.peers, event))).toHaveLength(0);
  });

  it('never stores a second message for the same cause, even from a new event id (an SLA warning repeated by intake)', async () => {
    const { contact } = fixture.peers.addComplaint();
    const warning = () => envelope('complaint.sla_at_risk', contact.complaintId, { cycle: 0, clock: 'ACKNOWLEDGEMENT', dueAt: contact.acknowledgementDueAt }, { reference: contact.reference });
    await fixture.publish(warning());
    await fixture.publish(warning());
    await fixture.drained();
    expect(await fixture.db.query(`SELECT count(*)::int AS n FROM notifications WHERE complaint_id = $1 GROUP BY recipient`, [contact.complaintId])).toEqual([{ n: 1 }, { n: 1 }]);
  });
});
