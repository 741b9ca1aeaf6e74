#!/usr/bin/env node
// Benchmark of reporting at scale, in its own database `redress_reporting_bench` (dropped and rebuilt):
// events for N complaints written in bulk, the read model built from them with the real rebuild, then
//   - complaintMetrics for a quarter: p50/p95/p99 (goal: p95 < 50 ms at 1,000,000 complaints), cross-checked
//     against a full scan, and the same questions answered by a scan for comparison;
//   - the complaint log of all complaints as streamed CSV: rows/s.
// Usage: npm run bench:reporting -- [--complaints 1000000] [--iterations 200] [--reuse]
import { reportingBench } from '../../services/reporting/dist/cli/bench/reporting-bench.js';

try {
  await reportingBench(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`bench:reporting failed: ${error.stack}\n`);
  process.exit(1);
}
