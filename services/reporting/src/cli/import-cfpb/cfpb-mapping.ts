import { createHash } from 'node:crypto';
import type { Category, Channel } from '@redress/contracts';

/** The `SubmitComplaintInput` a CFPB row becomes (SPEC §4). */
export interface SubmitComplaintInput {
  channel: Channel;
  customer: { name: string; email: string };
  subject: string;
  description: string;
  desiredOutcome?: string;
  category: Category;
  idempotencyKey: string;
}

const CHANNELS: Record<string, Channel> = { Web: 'WEB', Phone: 'PHONE', 'Postal mail': 'LETTER', Fax: 'LETTER', Referral: 'EMAIL', Email: 'EMAIL' };

/** First match wins; the CFPB's issue (and product) named in our categories. */
const CATEGORY_RULES: [RegExp, Category][] = [
  [/identity theft|fraud|improper use|sharing of info|unauthori[sz]ed|credit monitoring|privacy/i, 'PRIVACY'],
  [/communication tactics|threatening|false statements|customer service|can't contact|harass/i, 'STAFF_CONDUCT'],
  [/billing|fee|interest|payment|charge|incorrect information|debt not owed|disclosure verification|payoff|balance|apr|settlement process|rewards/i, 'BILLING'],
  [/delay|not available when promised|sending money|transaction issue|deposits and withdrawals|transfer/i, 'DELIVERY'],
  [/credit decision|underwriting|unable to pay|can't repay|advertising|terms|bankruptcy|delinquent|modification|foreclosure|determination|unsolicited/i, 'POLICY'],
  [/servic|account|managing|application|investigation|report|lender|loan|mortgage|card/i, 'SERVICE'],
];

export function categoryOf(issue: string, product: string): Category {
  return CATEGORY_RULES.find(([pattern]) => pattern.test(issue))?.[1] ?? CATEGORY_RULES.find(([pattern]) => pattern.test(product))?.[1] ?? 'OTHER';
}

/** Reads CFPB rows by column name, whatever order the export put the columns in. */
export class CfpbColumns {
  private readonly index: Map<string, number>;

  constructor(header: readonly string[]) {
    this.index = new Map(header.map((name, i) => [name.trim(), i]));
    for (const required of ['Date received', 'Product', 'Issue', 'Submitted via']) {
      if (!this.index.has(required)) throw new Error(`Not a CFPB complaints file: no "${required}" column`);
    }
  }

  get(row: readonly string[], name: string): string {
    const i = this.index.get(name);
    return i === undefined ? '' : (row[i] ?? '').trim();
  }
}

/**
 * One CFPB complaint as a submission. The public data has no consumer names or emails, so the
 * customer is named by state and ZIP and given an address at the reserved `.example` domain;
 * the idempotency key is the row's hash, so importing a file twice within a day adds nothing.
 */
export function toSubmission(columns: CfpbColumns, row: readonly string[]): SubmitComplaintInput {
  const get = (name: string) => columns.get(row, name);
  const hash = createHash('sha256').update(row.join('\u0001')).digest('hex');
  const issue = get('Issue') || 'Problem with my account';
  const product = [get('Product'), get('Sub-product')].filter(Boolean).join(' / ');
  const place = [get('State'), get('ZIP code')].filter(Boolean).join(' ') || 'unknown place';
  const details = [
    `${product || 'Financial product'}: ${issue}.`,
    get('Sub-issue') && `${get('Sub-issue')}.`,
    get('Company') && `Company: ${get('Company')}.`,
    `Received by the CFPB on ${get('Date received')} via ${get('Submitted via') || 'an unknown channel'} from ${place}.`,
    get('Consumer complaint narrative'),
  ].filter(Boolean);
  return {
    channel: CHANNELS[get('Submitted via')] ?? 'WEB',
    customer: { name: `CFPB consumer (${place})`, email: `consumer-${hash.slice(0, 16)}@cfpb.example` },
    subject: issue.slice(0, 200),
    description: details.join(' ').slice(0, 10_000),
    category: categoryOf(issue, product),
    idempotencyKey: `cfpb-${hash.slice(0, 40)}`,
  };
}
