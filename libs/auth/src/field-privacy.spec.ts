import { maskEmailAddress, privateFieldFor } from './field-privacy.js';
import { ANONYMOUS, type Identity } from './identity.js';

const staff = (...roles: Identity['roles']): Identity => ({ sub: 'someone', roles, anonymous: false });

describe('privateFieldFor (SPEC §2 field privacy)', () => {
  it('shows a customer email to AGENT, MANAGER and ADMIN, null to QA, INVESTIGATOR and anonymous callers', () => {
    for (const reader of [staff('AGENT'), staff('MANAGER'), staff('ADMIN'), staff('QA', 'AGENT')]) {
      expect(privateFieldFor('Customer.email', reader, 'jane@example.com')).toBe('jane@example.com');
    }
    for (const other of [staff('QA'), staff('INVESTIGATOR'), staff(), ANONYMOUS]) {
      expect(privateFieldFor('Customer.phone', other, '+44 20 7946 0000')).toBeNull();
    }
  });

  it('masks a notification recipient for QA and keeps it for the staff who handle the complaint', () => {
    expect(privateFieldFor('Notification.recipient', staff('QA'), 'jane@example.com')).toBe('j***@example.com');
    expect(privateFieldFor('Notification.recipient', staff('INVESTIGATOR'), 'jane@example.com')).toBe('jane@example.com');
    expect(privateFieldFor('Notification.recipient', ANONYMOUS, 'jane@example.com')).toBeNull();
  });

  it('masks oddly shaped addresses too', () => {
    expect(maskEmailAddress('@example.com')).toBe('@***');
    expect(maskEmailAddress('https://hooks.example.com/x')).toBe('h***');
  });
});
