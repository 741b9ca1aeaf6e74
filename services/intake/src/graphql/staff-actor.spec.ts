import { actorFor } from './staff-actor.js';

describe('actorFor', () => {
  it('names the role that authorised the action, preferring one held directly', () => {
    expect(actorFor({ sub: 'm1', roles: ['MANAGER'], anonymous: false }, ['AGENT', 'MANAGER'])).toEqual({ id: 'm1', role: 'MANAGER' });
    expect(actorFor({ sub: 'a1', roles: ['QA', 'AGENT'], anonymous: false }, ['AGENT', 'MANAGER'])).toEqual({ id: 'a1', role: 'AGENT' });
    expect(actorFor({ sub: 'm2', roles: ['MANAGER'], anonymous: false }, ['AGENT'])).toEqual({ id: 'm2', role: 'MANAGER' });
  });
});
