import { NotFound, BadUserInput } from '@redress/errors';
import { describeFailure, isDetailLost } from './handler-failure.js';

describe('describeFailure', () => {
  it('keeps a domain error code, message and extensions', () => {
    expect(describeFailure(new NotFound('Complaint', 'c-1'))).toEqual({ code: 'NOT_FOUND', message: 'Complaint c-1 does not exist', extensions: {} });
    expect(describeFailure(new BadUserInput('complaintId', 'must be a UUID'))).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'complaintId' } });
  });

  it('turns any other error into INTERNAL with its message, flagging outages', () => {
    expect(describeFailure(new Error('boom'))).toMatchObject({ code: 'INTERNAL', message: 'boom', transient: undefined });
    expect(describeFailure(Object.assign(new Error('down'), { code: 'ECONNREFUSED' }))).toMatchObject({ code: 'INTERNAL', transient: true });
  });

  it('reads an already described failure (what arrives through the Nest exception layer)', () => {
    expect(describeFailure({ code: 'NOT_FOUND', message: 'gone' })).toEqual({ code: 'NOT_FOUND', message: 'gone', transient: undefined });
    expect(describeFailure({ code: 'INTERNAL', message: 'db', transient: true })).toMatchObject({ transient: true });
  });

  it('recognises the detail-free error Nest substitutes when nothing maps the real one', () => {
    expect(isDetailLost(describeFailure({ status: 'error', message: 'Internal server error' }))).toBe(true);
    expect(isDetailLost(describeFailure(new Error('boom')))).toBe(false);
  });
});
