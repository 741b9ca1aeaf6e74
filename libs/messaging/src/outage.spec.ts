import { isOutageError } from './outage.js';

describe('isOutageError', () => {
  it('recognises an unreachable database or broker', () => {
    expect(isOutageError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isOutageError(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isOutageError(new Error('Channel closed'))).toBe(true);
  });

  it('looks inside TypeORM query errors (driverError) and error causes', () => {
    const adminShutdown = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    expect(isOutageError(Object.assign(new Error('Query failed'), { driverError: adminShutdown }))).toBe(true);
    expect(isOutageError(new Error('could not save', { cause: adminShutdown }))).toBe(true);
  });

  it('trusts an error that declares itself transient (an RPC timeout, a description from another service)', () => {
    expect(isOutageError({ code: 'INTERNAL', message: 'intake did not answer', transient: true })).toBe(true);
  });

  it('counts handler logic failures', () => {
    expect(isOutageError(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isOutageError(Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' }))).toBe(false);
    expect(isOutageError({ code: 'NOT_FOUND', message: 'Complaint 1 does not exist' })).toBe(false);
    expect(isOutageError(undefined)).toBe(false);
    expect(isOutageError('boom')).toBe(false);
  });
});
