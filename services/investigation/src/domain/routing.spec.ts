import { chooseInvestigator } from './routing.js';

describe('routing an investigation', () => {
  it('picks the investigator with the fewest open investigations', () => {
    expect(chooseInvestigator([{ id: 'ana', capacity: 5, openInvestigations: 3 }, { id: 'ben', capacity: 5, openInvestigations: 1 }])).toBe('ben');
  });

  it('breaks ties by spare capacity, then by id', () => {
    expect(chooseInvestigator([{ id: 'ana', capacity: 3, openInvestigations: 1 }, { id: 'ben', capacity: 8, openInvestigations: 1 }])).toBe('ben');
    expect(chooseInvestigator([{ id: 'cy', capacity: 3, openInvestigations: 0 }, { id: 'ana', capacity: 3, openInvestigations: 0 }])).toBe('ana');
  });

  it('skips anyone at capacity, and answers null when nobody has room', () => {
    expect(chooseInvestigator([{ id: 'ana', capacity: 2, openInvestigations: 2 }, { id: 'ben', capacity: 4, openInvestigations: 3 }])).toBe('ben');
    expect(chooseInvestigator([{ id: 'ana', capacity: 2, openInvestigations: 2 }, { id: 'zed', capacity: 0, openInvestigations: 0 }])).toBeNull();
    expect(chooseInvestigator([])).toBeNull();
  });
});
