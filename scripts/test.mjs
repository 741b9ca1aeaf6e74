// `npm test`: unit + integration suites (in parallel workers), then the build and the end-to-end suite
// (serially: it boots the whole system). Ends with one plain line of totals for CI.
import { spawnSync } from 'node:child_process';
import { readFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const reports = join(root, 'tmp', 'jest');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const env = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules`.trim() };
const passThrough = process.argv.slice(2);

function run(command, args) {
  return spawnSync(command, args, { cwd: root, env, stdio: 'inherit' }).status ?? 1;
}

function jest(name, args) {
  const output = join(reports, `${name}.json`);
  // --forceExit: a handle a failed test leaves open (a client its teardown never reached) must end
  // the run with that failure reported, not hold CI until its time limit.
  const status = run('npx', ['jest', ...args, '--forceExit', '--json', `--outputFile=${output}`, ...passThrough]);
  try {
    const report = JSON.parse(readFileSync(output, 'utf8'));
    return { status, passed: report.numPassedTests, failed: report.numFailedTests + report.numRuntimeErrorTestSuites, skipped: report.numPendingTests };
  } catch {
    return { status, passed: 0, failed: 1, skipped: 0 };
  }
}

// Two workers: Jest's default on two cores is one, and integration specs spend most of their time
// waiting on the servers; each has its own vhost, databases and BullMQ prefix, so they may overlap.
const results = [jest('unit-integration', ['--selectProjects', 'unit', 'integration', '--maxWorkers=2'])];
const built = run('node', ['scripts/build.mjs']);
if (built === 0) results.push(jest('e2e', ['--selectProjects', 'e2e', '--runInBand']));
else results.push({ status: built, passed: 0, failed: 1, skipped: 0 });

const total = results.reduce((sum, r) => ({ passed: sum.passed + r.passed, failed: sum.failed + r.failed, skipped: sum.skipped + r.skipped }), { passed: 0, failed: 0, skipped: 0 });
const failedRun = results.some((r) => r.status !== 0) || total.failed > 0;
console.log(`tests: ${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(failedRun ? 1 : 0);
