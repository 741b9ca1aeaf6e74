#!/usr/bin/env node
// Loads CFPB-format complaints (the US Consumer Financial Protection Bureau's public export) through the
// gateway's submitComplaint, as an agent would, with a progress bar — so a demo starts from real data.
// Usage: npm run import:cfpb -- ../shared/data/cfpb-complaints-sample.csv [--limit N] [--concurrency 8]
//        [--gateway http://localhost:4000/graphql] [--token <staff JWT>]   (npm start must be running)
import { importCfpbCommand } from '../services/reporting/dist/cli/import-cfpb/import-cfpb.command.js';

try {
  const summary = await importCfpbCommand(process.argv.slice(2));
  process.exit(summary.failed ? 1 : 0);
} catch (error) {
  process.stderr.write(`import:cfpb failed: ${error.message}\n`);
  process.exit(1);
}
