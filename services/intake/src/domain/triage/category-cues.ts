import type { Category } from '@redress/contracts';
import type { Cue } from './text-cues.js';

/**
 * Safety comes first and overrides everything else (SPEC §1 step 3: safety → critical at once). Phrases
 * rather than bare words where a word alone misleads ("fire insurance", "I was shocked by the price").
 */
export const SAFETY_CUES: readonly Cue[] = [
  'injur*', 'hurt', 'burned', 'burnt', 'burns', 'caught fire', 'on fire', 'fire hazard', 'started a fire', 'flames',
  'smoke', 'smoking', 'explod*', 'explosion', 'electric shock', 'electrocut*', 'shocked me', 'choking', 'choked',
  'poison*', 'allergic reaction', 'hospital*', 'ambulance', 'unsafe', 'dangerous', 'hazard*', 'toxic', 'carbon monoxide',
  'gas leak', 'overheat*', 'sparks', 'sparking', 'bleeding', 'scald*',
];

/** Words and phrases that point to a category, with their weight (a cue in the subject counts twice). */
export const CATEGORY_CUES: Record<Exclude<Category, 'SAFETY' | 'OTHER'>, Readonly<Record<Cue, number>>> = {
  STAFF_CONDUCT: {
    'rude*': 3, impolite: 3, abusive: 3, obscene: 3, profane: 3, 'shout*': 2, 'yell*': 2, unprofessional: 3, 'harass*': 3,
    'threat*': 2, 'insult*': 2, attitude: 2, 'staff member': 1, employee: 1, 'discriminat*': 3, 'repeated calls': 2,
    frequent: 1, 'impersonat*': 2, arrest: 2, jail: 2, 'seize*': 2, illegal: 2, crime: 2, 'legal action': 2, tactics: 2,
    'sued': 1, 'sue': 1,
  },
  PRIVACY: {
    privacy: 3, 'personal data': 3, 'personal information': 3, 'data breach': 3, gdpr: 3, 'identity theft': 3, identity: 2,
    consent: 2, 'sharing': 2, shared: 1, 'third party': 2, 'my data': 2, spam: 2, 'opted out': 2, 'unsubscrib*': 2, hacked: 2,
    'fraud*': 2, 'unauthori*': 2, 'credit report': 2, 'not mine': 1, employer: 1, 'didn t apply': 2, 'did not apply': 2,
    unsolicited: 2, 'credit score': 1, 'incorrect information': 2, 'public record': 1, 'deleted info': 1,
  },
  PRODUCT_DEFECT: {
    broken: 2, broke: 2, faulty: 2, fault: 1, 'defect*': 2, 'stopped working': 3, 'not working': 2, 'doesn t work': 2,
    'does not work': 2, 'malfunction*': 2, damaged: 1, 'crack*': 1, 'leak*': 1, 'repair*': 1, warranty: 2, quality: 1,
    'dead on arrival': 2, appliance: 1, device: 1,
  },
  DELIVERY: {
    'deliver*': 2, 'parcel*': 2, 'package*': 2, shipping: 2, 'shipment*': 2, shipped: 1, 'courier*': 2, 'arriv*': 1,
    'never arrived': 2, tracking: 1, 'dispatch*': 2, postage: 1, 'lost in the post': 2, driver: 1, doorstep: 1,
  },
  BILLING: {
    'charg*': 2, 'overcharg*': 3, bill: 2, bills: 2, billed: 2, billing: 2, 'invoice*': 2, 'refund*': 2, fee: 2, fees: 2,
    'payment*': 2, paid: 1, pay: 1, 'price*': 1, 'cost*': 1, 'debit*': 1, interest: 1, apr: 2, statement: 1, balance: 1,
    amount: 1, money: 1, 'deposit*': 1, 'withdraw*': 1, escrow: 2, payoff: 2, 'transaction*': 1, owe: 1, owed: 1, debt: 1,
    'wrong amount': 2, twice: 1, transfer: 1, settlement: 1, funds: 1, overdraft: 2, cash: 1,
  },
  POLICY: {
    policy: 3, policies: 3, terms: 2, conditions: 1, contract: 2, 'eligib*': 2, rules: 2, decision: 1, underwriting: 2,
    modification: 2, 'foreclos*': 2, arbitration: 2, 'disclos*': 2, 'advertis*': 2, rewards: 1, bankruptcy: 2, forbearance: 2,
    workout: 1, 'can t repay': 2, 'unable to pay': 2, postpone: 1, flexible: 1, verify: 1, verification: 2, notice: 1,
    'approv*': 1, denied: 1, declined: 1, refused: 1, 'credit line': 1, application: 1, originator: 1, broker: 1,
    protection: 1, delinquent: 1, determination: 1,
  },
  SERVICE: {
    'customer service': 3, 'customer relations': 3, service: 1, support: 1, 'wait*': 1, 'on hold': 2, 'no response': 2,
    nobody: 1, ignored: 2, 'call back': 2, contact: 1, reach: 1, slow: 1, 'delay*': 1, 'took too long': 2, 'appointment*': 2,
    account: 1, opening: 1, closing: 1, 'cancel*': 1, 'manag*': 1, investigation: 1, help: 1, atm: 1, lender: 1, servicer: 1,
    'not available': 1, 'bad information': 1,
  },
};

/** When two categories score the same, the one listed first wins: the more specific and the more serious. */
export const TIE_ORDER: readonly Category[] = ['STAFF_CONDUCT', 'PRIVACY', 'PRODUCT_DEFECT', 'DELIVERY', 'BILLING', 'POLICY', 'SERVICE'];

/** Harm, legal exposure or vulnerability raise the suggested severity; a remark or suggestion lowers it. */
export const HIGH_SEVERITY_CUES: readonly Cue[] = [
  'fraud*', 'identity theft', 'stolen', 'unauthori*', 'foreclos*', 'legal action', 'lawyer', 'solicitor', 'court', 'sue', 'sued',
  'lawsuit', 'arrest', 'jail', 'seize*', 'repossess*', 'evict*', 'vulnerable', 'disabled', 'disability', 'elderly', 'bereave*',
  'discriminat*', 'harass*', 'threat*', 'data breach', 'urgent*', 'emergency', 'no heating', 'no water', 'ombudsman', 'regulator',
];
export const LOW_SEVERITY_CUES: readonly Cue[] = ['suggestion', 'feedback', 'minor', 'slightly', 'small issue', 'would be nice', 'typo'];
