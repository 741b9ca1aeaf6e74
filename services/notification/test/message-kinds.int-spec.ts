import { randomUUID } from 'node:crypto';
import { envelope } from '@redress/testing';
import { MANAGERS, NotificationFixture } from './support/notification-fixture.js';

// Each kind of SPEC §4, sent once on its event, to the right person, with the right content.
describe('notification: a message for every kind, on its event', () => {
  let fixture: NotificationFixture;

  beforeAll(async () => {
    fixture = await NotificationFixture.start();
  });
  afterAll(() => fixture?.stop());

  const about = (complaint: { contact: { complaintId: string; reference: string } }) => ({ reference: complaint.contact.reference });

  it('ACKNOWLEDGEMENT on complaint.received: personal, with the reference and the estimated date, text and HTML', async () => {
    const complaint = fixture.peers.addComplaint({ name: 'Grace Brewster Hopper' });
    await fixture.publish(envelope('complaint.received', complaint.contact.complaintId, {
      cycle: 0, channel: 'WEB', customerId: complaint.contact.customerId, receivedAt: complaint.contact.receivedAt,
      acknowledgementDueAt: complaint.contact.acknowledgementDueAt, resolutionDueAt: complaint.contact.resolutionDueAt,
    }, about(complaint)));
    const [email] = await fixture.emailsTo(complaint.contact.email);
    expect(email.subject).toBe(`We have received your complaint (${complaint.contact.reference})`);
    expect(email.text).toMatch(/^Dear Grace,/);
    expect(email.text).toContain('by Wednesday, 11 March 2026');
    expect(email.html).toContain(`<strong>${complaint.contact.reference}</strong>`);
    expect(email.headers['list-unsubscribe']).toMatch(/preferences\?token=p1\./);
    expect(email.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    const [sent] = await fixture.announced('notification.sent');
    expect(sent).toMatchObject({ complaintId: complaint.contact.complaintId, data: { kind: 'ACKNOWLEDGEMENT', channel: 'EMAIL', attempts: 1 } });
    expect(JSON.stringify(sent)).not.toContain(complaint.contact.email);
  });

  it('ASSESSMENT on complaint.assessed: the team it went to and the new date', async () => {
    const complaint = fixture.peers.addComplaint();
    await fixture.publish(envelope('complaint.assessed', complaint.contact.complaintId, {
      cycle: 0, category: 'DELIVERY', severity: 'HIGH', priority: 'P2', resolutionDueAt: '2026-03-06T10:00:00.000Z',
    }, about(complaint)));
    const [email] = await fixture.emailsTo(complaint.contact.email);
    expect(email.text).toContain('delivery matters');
    expect(email.text).toContain('by Friday, 6 March 2026');
  });

  it('RESOLUTION_PROPOSED on resolution.proposed: the options and a signed link to answer', async () => {
    const complaint = fixture.peers.addComplaint();
    const proposalId = randomUUID();
    await fixture.publish(envelope('resolution.proposed', complaint.contact.complaintId, {
      cycle: 0, proposalId, options: [{ id: randomUUID(), type: 'REFUND', amount: 42.5, currency: 'GBP' }, { id: randomUUID(), type: 'REPLACEMENT' }],
    }, about(complaint)));
    const [email] = await fixture.emailsTo(complaint.contact.email);
    expect(email.text).toContain('  - A refund of £42.50\n  - A replacement');
    expect(email.text).toMatch(/https:\/\/complaints\.example\.com\/respond\?token=respond\.[0-9a-f-]+/);
    expect(fixture.peers.linkRequests).toContainEqual({ complaintId: complaint.contact.complaintId, purpose: 'RESPOND', proposalId, cycle: 0 });
  });

  it('RESOLUTION_IMPLEMENTED, FOLLOW_UP_SURVEY (with the feedback link) and CLOSURE to the customer', async () => {
    const complaint = fixture.peers.addComplaint();
    const id = complaint.contact.complaintId;
    await fixture.publish(envelope('resolution.implemented', id, { cycle: 0, proposalId: randomUUID(), optionId: randomUUID(), type: 'REFUND', amount: 10, currency: 'EUR' }, about(complaint)));
    await fixture.publish(envelope('followup.requested', id, { cycle: 0 }, about(complaint)));
    await fixture.publish(envelope('complaint.closed', id, { cycle: 0, closedAt: new Date().toISOString(), overridden: false }, about(complaint)));
    const emails = await fixture.emailsTo(complaint.contact.email, 3);
    expect(emails.map((e) => e.subject).sort()).toEqual([
      `How did we do? Your complaint ${complaint.contact.reference}`,
      `Your complaint ${complaint.contact.reference} is now closed`,
      `Your complaint ${complaint.contact.reference}: we have done what we agreed`,
    ]);
    expect(emails.find((e) => e.subject.startsWith('How did'))!.text).toMatch(/\/feedback\?token=feedback\./);
    expect(emails.find((e) => e.subject.includes('done what'))!.text).toContain('  - A refund of €10.00\n');
  });

  it('ASSIGNMENT to the investigator on investigation.started and .reassigned, to managers when nobody could be assigned', async () => {
    const complaint = fixture.peers.addComplaint();
    const id = complaint.contact.complaintId;
    const investigationId = randomUUID();
    fixture.peers.assignees.set(investigationId, { investigationId, assigneeId: 'inv-7', name: 'Alan Turing', email: 'alan.turing@example.com' });
    await fixture.publish(envelope('investigation.started', id, { cycle: 0, investigationId, assigneeId: 'inv-7' }, about(complaint)));
    const [assigned] = await fixture.emailsTo('alan.turing@example.com');
    expect(assigned.subject).toBe(`Assigned to you: complaint ${complaint.contact.reference}`);
    expect(assigned.text).toMatch(/^Hello Alan,/);
    expect(assigned.text).not.toContain(complaint.contact.customerName);

    fixture.peers.assignees.set(investigationId, { investigationId, assigneeId: 'inv-9', name: 'Katherine Johnson', email: 'k.johnson@example.com' });
    await fixture.publish(envelope('investigation.reassigned', id, { cycle: 0, investigationId, assigneeId: 'inv-9' }, about(complaint)));
    expect((await fixture.emailsTo('k.johnson@example.com'))[0].text).toMatch(/^Hello Katherine,/);

    const unassigned = fixture.peers.addComplaint();
    await fixture.publish(envelope('investigation.started', unassigned.contact.complaintId, { cycle: 0, investigationId: randomUUID() }, about(unassigned)));
    for (const manager of MANAGERS) {
      await fixture.emailsTo(manager);
      expect(fixture.smtp.to(manager).filter((e) => e.subject === `Needs an investigator: complaint ${unassigned.contact.reference}`)).toHaveLength(1);
    }
  });

  it('ESCALATION, SLA_AT_RISK and SLA_BREACH to every manager, once each; a breach\'s own escalation adds nothing', async () => {
    const complaint = fixture.peers.addComplaint();
    const id = complaint.contact.complaintId;
    const ref = complaint.contact.reference;
    await fixture.publish(envelope('complaint.escalated', id, { cycle: 0, cause: 'SAFETY' }, about(complaint)));
    await fixture.publish(envelope('complaint.sla_at_risk', id, { cycle: 0, clock: 'RESOLUTION', dueAt: '2026-03-11T10:00:00.000Z' }, about(complaint)));
    await fixture.publish(envelope('complaint.sla_at_risk', id, { cycle: 0, clock: 'RESOLUTION', dueAt: '2026-03-11T10:00:00.000Z' }, about(complaint)));
    await fixture.publish(envelope('complaint.sla_breached', id, { cycle: 0, clock: 'RESOLUTION', dueAt: '2026-03-11T10:00:00.000Z' }, about(complaint)));
    await fixture.publish(envelope('complaint.escalated', id, { cycle: 0, cause: 'SLA_BREACH' }, about(complaint)));
    await fixture.drained();
    for (const manager of MANAGERS) {
      const mine = (await fixture.emailsTo(manager, 3, 1000)).filter((e) => e.subject.includes(ref));
      expect(mine.map((e) => e.subject).sort()).toEqual([
        `At risk: resolution deadline of complaint ${ref} is Wednesday, 11 March 2026 at 10:00 UTC`,
        `Escalated: complaint ${ref}`,
        `Missed: resolution deadline of complaint ${ref}`,
      ]);
      expect(mine.find((e) => e.subject.startsWith('Escalated'))!.text).toContain('safety concern');
      for (const email of mine) expect(email.text).not.toContain(complaint.contact.customerName);
    }
  });

  it('TREND_ALERT to the managers on complaint.trend_alert (about no single complaint)', async () => {
    await fixture.publish(envelope('complaint.trend_alert', null, { category: 'PRODUCT_DEFECT', periodStart: '2026-03-02T00:00:00.000Z', count: 31, baseline: 6.5 }));
    for (const manager of MANAGERS) {
      await fixture.emailsTo(manager);
      expect(fixture.smtp.to(manager).filter((e) => e.subject === 'Trend alert: 31 product defect complaints since Monday, 2 March 2026')).toHaveLength(1);
    }
  });

  it('writes nothing for a complaint intake does not know, and still handles the event', async () => {
    const before = fixture.smtp.emails.length;
    await fixture.publish(envelope('complaint.closed', randomUUID(), { cycle: 0, closedAt: new Date().toISOString(), overridden: false }));
    await fixture.drained();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(fixture.smtp.emails.length).toBe(before);
    expect(await fixture.harness.queueDepth('notification.events.dlq')).toBe(0);
  });
});
