import { BadUserInput } from '@redress/errors';
import { decodeCursor, encodeCursor } from './complaint-cursor.js';

describe('complaint cursor', () => {
  it('round-trips the position', () => {
    const at = new Date('2026-03-01T10:00:00.123Z');
    expect(decodeCursor(encodeCursor(at, 'abc'))).toEqual({ receivedAt: at, id: 'abc' });
  });

  it('rejects a made-up cursor as bad input on `after`', () => {
    expect(() => decodeCursor('garbage')).toThrow(BadUserInput);
  });
});
