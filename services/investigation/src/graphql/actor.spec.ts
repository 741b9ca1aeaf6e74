import { actorOf } from './actor.js';

describe('the actor an event records', () => {
  it('names the role the caller holds that authorised the action', () => {
    expect(actorOf({ sub: 'al', roles: ['AGENT'], anonymous: false }, ['AGENT', 'MANAGER'])).toEqual({ id: 'al', role: 'AGENT' });
    expect(actorOf({ sub: 'mia', roles: ['QA', 'MANAGER'], anonymous: false }, ['AGENT', 'MANAGER'])).toEqual({ id: 'mia', role: 'MANAGER' });
  });

  it('falls back to a role held by implication (a MANAGER acting as AGENT)', () => {
    expect(actorOf({ sub: 'mia', roles: ['MANAGER'], anonymous: false }, ['AGENT'])).toEqual({ id: 'mia', role: 'AGENT' });
  });
});
