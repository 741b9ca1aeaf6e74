import { Role } from '@redress/contracts';
import { ANONYMOUS_READABLE, OPERATION_ACCESS, PRIVATE_FIELDS, anonymousMayRead } from './access-table.js';

describe('OPERATION_ACCESS', () => {
  it('names only known roles, and at least one per staff rule', () => {
    for (const [operation, rule] of Object.entries(OPERATION_ACCESS)) {
      if (rule === 'PUBLIC') continue;
      expect({ operation, roles: rule.roles.length > 0 }).toEqual({ operation, roles: true });
      for (const role of rule.roles) expect(Role).toContain(role);
    }
  });

  it('has exactly the anonymous operations of SPEC §2, plus the preferences link of customer emails', () => {
    const anonymous = Object.entries(OPERATION_ACCESS).filter(([, rule]) => rule === 'PUBLIC' || 'anonymous' in rule).map(([name]) => name).sort();
    expect(anonymous).toEqual([
      'notificationPreferences', 'respondToProposal', 'submitComplaint', 'submitFeedback', 'trackComplaint', 'updateNotificationPreferences',
    ]);
  });
});

describe('anonymous readers (SPEC §2)', () => {
  it('may read the listed Complaint fields and __typename only', () => {
    expect(anonymousMayRead('Complaint', 'reference')).toBe(true);
    expect(anonymousMayRead('Complaint', '__typename')).toBe(true);
    expect(anonymousMayRead('Complaint', 'customer')).toBe(false);
    expect(anonymousMayRead('Complaint', 'description')).toBe(false);
  });

  it('may read whole tracking and follow-up answers, nothing of an unlisted type', () => {
    expect(anonymousMayRead('ComplaintTracking', 'lastUpdatedAt')).toBe(true);
    expect(anonymousMayRead('Investigation', 'id')).toBe(false);
    expect(anonymousMayRead('Customer', 'name')).toBe(false);
    expect(Object.keys(ANONYMOUS_READABLE)).not.toContain('Customer');
  });

  it('never reads a private field', () => {
    for (const field of Object.keys(PRIVATE_FIELDS)) {
      const [type, name] = field.split('.');
      expect(anonymousMayRead(type, name)).toBe(false);
    }
  });
});
