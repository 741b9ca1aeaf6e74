// P7: the gateway at a fixed rate for N minutes (10 by default), one request in ten a query never seen
// before (its own parse, validation and query plan), the rest the usual complaint(id). The gateway's
// RSS is sampled every 5 s; each minute's p99 is kept. Its baseline is its own minute 2.
import { performance } from 'node:perf_hooks';
import { openLoop } from '../lib/load.mjs';
import { rssBytes, withCpu } from '../lib/processes.mjs';
import { GATEWAY_URL } from '../lib/system.mjs';
import { soakFigures, verdict } from '../lib/verdicts.mjs';
import { SINGLE } from './gateway.mjs';

export function soakRequests(ids, headers, tag = Date.now().toString(36)) {
  let unique = 0;
  return (index) => {
    const id = ids[index % ids.length];
    const query = index % 10 === 9
      ? `query Soak_${tag}_${++unique}($id: ID!) { complaint(id: $id) { id status s${unique}: subject } }`
      : SINGLE;
    return { body: JSON.stringify({ query, variables: { id } }), headers: headers() };
  };
}

export async function p7(ctx) {
  const minutes = ctx.soakMinutes;
  const rate = ctx.soakRate;
  const staff = () => ({ authorization: `Bearer ${ctx.tokens.manager}` });
  const samples = [];
  const started = performance.now();
  const sampler = setInterval(() => samples.push({ at: performance.now() - started, bytes: rssBytes(ctx.pids().gateway) }), 5000);
  ctx.say(`  ${minutes} minutes at ${rate}/s through the gateway, 10 % unique operations…`);
  let result;
  try {
    result = await withCpu(ctx.pids, () => openLoop({ url: GATEWAY_URL, rate, seconds: minutes * 60, request: soakRequests(ctx.ids, staff), window: 60_000 }));
  } finally {
    clearInterval(sampler);
  }
  const perMinute = result.windows.map((latency, i) => {
    const end = (i + 1) * 60_000;
    const sample = samples.filter((s) => s.at <= end + 2500).pop();
    return { minute: i + 1, rssBytes: sample?.bytes ?? null, p50: latency.p50, p99: latency.p99, count: latency.count };
  });
  for (const m of perMinute) ctx.say(`  minute ${String(m.minute).padStart(2)}: RSS ${(m.rssBytes / 2 ** 20).toFixed(1)} MiB  p50 ${m.p50} ms  p99 ${m.p99} ms  (${m.count} requests)`);
  ctx.print('P7 whole soak', result);
  const figures = soakFigures(perMinute);
  delete result.windows;
  return {
    measurements: { soak: result, perMinute },
    ratios: figures,
    goals: [
      verdict({ id: 'P7', what: `gateway RSS growth after minute 2 (${minutes} min soak)`, op: '≤', target: 0.15, unit: '' }, figures.rssGrowth),
      verdict({ id: 'P7', what: 'last minute p99 / minute 2 p99', op: '≤', target: 1.2, unit: '×' }, figures.p99Drift),
      verdict({ id: 'P7', what: 'soak errors', op: '≤', target: 0, unit: '' }, result.errors),
    ],
  };
}
