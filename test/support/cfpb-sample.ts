import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Real consumer complaints (US CFPB public database) turned into `submitComplaint` inputs. */
export interface SampleComplaint {
  channel: string;
  subject: string;
  description: string;
  company: string;
}

const CHANNELS: Record<string, string> = { Web: 'WEB', Phone: 'PHONE', 'Postal mail': 'LETTER', Fax: 'LETTER', Referral: 'EMAIL' };

export function loadCfpbSample(path = join(process.cwd(), '..', 'shared', 'data', 'cfpb-complaints-sample.csv')): SampleComplaint[] {
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
  const at = (name: string) => header.indexOf(name);
  return rows
    .filter((row) => row.length === header.length)
    .map((row) => {
      const issue = row[at('Issue')] || 'Problem with my account';
      const product = [row[at('Product')], row[at('Sub-product')]].filter(Boolean).join(' / ');
      const subIssue = row[at('Sub-issue')];
      return {
        channel: CHANNELS[row[at('Submitted via')]] ?? 'WEB',
        subject: issue.slice(0, 200),
        description: `${product}: ${issue}.${subIssue ? ` ${subIssue}.` : ''} Received ${row[at('Date received')]} from ${row[at('State')] || 'an unknown state'}.`,
        company: row[at('Company')],
      };
    });
}

/** RFC 4180: quoted fields may hold commas, quotes ("") and newlines. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i += 1; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += ch;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}
