import { parseArgs } from 'node:util';
import { SignJWT } from 'jose';
import { loadConfig } from '@redress/config';
import { ProgressBar } from '../progress-bar.js';
import { CfpbColumns, toSubmission } from './cfpb-mapping.js';
import { countDataRows, csvFileRows } from './csv-file.js';
import { GatewaySubmitter } from './gateway-submitter.js';

export interface ImportSummary {
  submitted: number;
  failed: number;
  skipped: number;
  failures: string[];
}

const USAGE = 'usage: npm run import:cfpb -- <file.csv> [--limit N] [--concurrency 8] [--gateway http://localhost:4000/graphql] [--token <staff JWT>]';

/**
 * `npm run import:cfpb -- <file.csv>`: every CFPB complaint of the file through the gateway's
 * submitComplaint as an AGENT — the real intake path: references, SLA clocks, events, emails.
 * Without --token (or REDRESS_TOKEN) it signs a development AGENT token with JWT_SECRET.
 */
export async function importCfpbCommand(argv: string[], env: NodeJS.ProcessEnv = process.env, out: NodeJS.WriteStream = process.stderr): Promise<ImportSummary> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: { limit: { type: 'string' }, concurrency: { type: 'string', default: '8' }, gateway: { type: 'string' }, token: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new Error(USAGE);
  const [file] = positionals;
  const config = loadConfig(env);
  const gateway = values.gateway ?? `http://localhost:${config.gatewayPort}/graphql`;
  const token = values.token ?? env.REDRESS_TOKEN ?? (await developmentAgentToken(config.jwtSecret));
  const limit = values.limit === undefined ? Number.POSITIVE_INFINITY : Number(values.limit);
  const total = Math.min(await countDataRows(file), limit);
  const submitter = new GatewaySubmitter(gateway, token);
  const summary: ImportSummary = { submitted: 0, failed: 0, skipped: 0, failures: [] };
  const bar = new ProgressBar('complaints', out);
  bar.update(0, total);

  const rows = csvFileRows(file);
  const header = (await rows.next()).value as string[] | undefined;
  if (!header) throw new Error(`${file} is empty`);
  const columns = new CfpbColumns(header);
  let taken = 0;
  const next = async (): Promise<{ fields: string[]; number: number } | null> => {
    while (taken < limit) {
      const { value, done } = await rows.next();
      if (done) return null;
      if (value.every((field) => field === '')) continue;
      taken += 1;
      if (value.length !== header.length) {
        summary.skipped += 1;
        continue;
      }
      return { fields: value, number: taken };
    }
    return null;
  };
  // The reader is shared: each worker takes the next row when it is free (one read at a time).
  let reading = Promise.resolve<{ fields: string[]; number: number } | null>(null);
  const take = () => (reading = reading.then(next));
  const worker = async () => {
    for (let row = await take(); row; row = await take()) {
      try {
        await submitter.submit(toSubmission(columns, row.fields));
        summary.submitted += 1;
      } catch (error) {
        summary.failed += 1;
        if (summary.failures.length < 10) summary.failures.push(`complaint ${row.number}: ${(error as Error).message}`);
      }
      bar.update(summary.submitted + summary.failed + summary.skipped, total);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Number(values.concurrency)) }, worker));
  bar.update(summary.submitted + summary.failed + summary.skipped, total);
  bar.finish(`imported ${summary.submitted} complaints through ${gateway}; ${summary.failed} failed, ${summary.skipped} malformed rows skipped`);
  for (const failure of summary.failures) out.write(`  ${failure}\n`);
  return summary;
}

function developmentAgentToken(secret: string): Promise<string> {
  return new SignJWT({ name: 'CFPB import', email: 'cfpb-import@redress.local', roles: ['AGENT'] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('cfpb-import')
    .setIssuedAt()
    .setExpirationTime('12h')
    .sign(new TextEncoder().encode(secret));
}
