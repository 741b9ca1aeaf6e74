import { renderAcknowledgement } from './acknowledgement.template.js';

const contact = {
  complaintId: '6d5c1c3e-2f6b-4d1e-9c59-7f6b1f0c2a11',
  reference: 'CMP-2026-000042',
  customerId: '1b1f0c2a-2f6b-4d1e-9c59-7f6b6d5c1c3e',
  customerName: 'Ada Lovelace',
  email: 'ada@example.com',
  phone: null,
  status: 'RECEIVED',
  cycle: 0,
  receivedAt: '2026-03-01T10:00:00.000Z',
  acknowledgementDueAt: '2026-03-02T10:00:00.000Z',
  resolutionDueAt: '2026-03-11T10:00:00.000Z',
};

describe('renderAcknowledgement', () => {
  it('addresses the customer by name and gives the reference and the estimated resolution date', () => {
    const email = renderAcknowledgement(contact, 'https://complaints.example.com');
    expect(email.subject).toContain('CMP-2026-000042');
    expect(email.text).toMatch(/^Dear Ada,/);
    expect(email.text).toContain('reference CMP-2026-000042');
    expect(email.text).toContain('by Wednesday, 11 March 2026');
    expect(email.text).toContain('https://complaints.example.com/track');
  });
});
