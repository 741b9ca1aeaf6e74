import { assertMayWorkOn } from './investigation-access.js';

describe('who may work on an investigation', () => {
  it('lets the assigned investigator and any manager in', () => {
    expect(() => assertMayWorkOn({ assigneeId: 'inv-1' }, { id: 'inv-1', manager: false })).not.toThrow();
    expect(() => assertMayWorkOn({ assigneeId: 'inv-1' }, { id: 'boss', manager: true })).not.toThrow();
    expect(() => assertMayWorkOn({ assigneeId: null }, { id: 'boss', manager: true })).not.toThrow();
  });

  it('refuses another investigator, also on an unassigned investigation', () => {
    expect(() => assertMayWorkOn({ assigneeId: 'inv-1' }, { id: 'inv-2', manager: false })).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => assertMayWorkOn({ assigneeId: null }, { id: 'inv-2', manager: false })).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });
});
