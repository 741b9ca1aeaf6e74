// P1: the gateway against the same query sent straight to intake (the baseline, measured first).
// P2: our gateway against Hive Gateway on the same supergraph and queries (Hive first).
import { closedLoop, openLoop } from '../lib/load.mjs';
import { GATEWAY_URL, HIVE_URL, PORTS, startProcess, stopProcess, subgraphUrl } from '../lib/system.mjs';
import { ratio, verdict } from '../lib/verdicts.mjs';
import { withCpu } from '../lib/processes.mjs';

export const SINGLE = 'query Complaint($id: ID!) { complaint(id: $id) { id reference status subject priority receivedAt } }';
export const JOIN = 'query ComplaintJoin($id: ID!) { complaint(id: $id) { id reference status investigation { id status } notifications { id kind status } } }';

/** A request factory cycling over the seeded complaints. */
export function requests(query, ids, headers) {
  let i = 0;
  return () => ({ body: JSON.stringify({ query, variables: { id: ids[i++ % ids.length] } }), headers: headers() });
}

async function closed(ctx, label, url, query, headers) {
  const { seconds, warmup, connections } = ctx.load;
  await closedLoop({ url, connections, seconds: warmup, request: requests(query, ctx.ids, headers) });
  const result = await withCpu(ctx.pids, () => closedLoop({ url, connections, seconds, request: requests(query, ctx.ids, headers) }));
  ctx.print(label, result);
  return result;
}

async function open(ctx, label, url, query, headers, rate) {
  const result = await withCpu(ctx.pids, () => openLoop({ url, rate, seconds: ctx.load.seconds, request: requests(query, ctx.ids, headers) }));
  ctx.print(label, result);
  return result;
}

export async function p1(ctx) {
  const direct = () => ({ 'x-redress-identity': ctx.identity.current() });
  const staff = () => ({ authorization: `Bearer ${ctx.tokens.manager}` });
  const m = {};
  m.directClosed = await closed(ctx, 'P1 baseline: complaint(id) straight to intake', subgraphUrl('intake'), SINGLE, direct);
  m.gatewayClosed = await closed(ctx, 'P1 system: complaint(id) through the gateway', GATEWAY_URL, SINGLE, staff);
  m.joinClosed = await closed(ctx, 'P1 system: complaint { investigation notifications }', GATEWAY_URL, JOIN, staff);
  // Half of what the gateway sustains, offered at a fixed rate to both.
  const rate = Math.max(10, Math.round((m.gatewayClosed.rps ?? 0) / 2));
  m.directHalfLoad = await open(ctx, `P1 baseline: intake at ${rate}/s (fixed rate)`, subgraphUrl('intake'), SINGLE, direct, rate);
  m.gatewayHalfLoad = await open(ctx, `P1 system: gateway at ${rate}/s (fixed rate)`, GATEWAY_URL, SINGLE, staff, rate);
  const ratios = {
    rps: ratio(m.gatewayClosed.rps, m.directClosed.rps),
    joinRps: ratio(m.joinClosed.rps, m.directClosed.rps),
    p99AtHalfLoad: ratio(m.gatewayHalfLoad.latency.p99, m.directHalfLoad.latency.p99),
  };
  const errors = Object.values(m).reduce((sum, r) => sum + r.errors, 0);
  return {
    measurements: m,
    ratios,
    goals: [
      verdict({ id: 'P1', what: 'complaint(id): gateway RPS / intake RPS', op: '≥', target: 0.6, unit: '×' }, ratios.rps),
      verdict({ id: 'P1', what: 'complaint(id): gateway p99 / intake p99 at half load', op: '≤', target: 2, unit: '×' }, ratios.p99AtHalfLoad),
      verdict({ id: 'P1', what: 'two-subgraph join RPS / intake RPS', op: '≥', target: 0.3, unit: '×' }, ratios.joinRps),
      verdict({ id: 'P1', what: 'errors', op: '≤', target: 0, unit: '' }, errors),
    ],
  };
}

export async function p2(ctx) {
  const staff = () => ({ authorization: `Bearer ${ctx.tokens.manager}` });
  const hive = startProcess('hive-gateway', 'bench/hive/hive-gateway.mjs', {}, [String(PORTS.hive)]);
  ctx.extraPids.hive = hive.pid;
  try {
    await waitAnswers(HIVE_URL, ctx.tokens.manager);
    const m = {};
    m.hiveSingle = await closed(ctx, 'P2 baseline: Hive Gateway, complaint(id)', HIVE_URL, SINGLE, staff);
    m.oursSingle = await closed(ctx, 'P2 system: our gateway, complaint(id)', GATEWAY_URL, SINGLE, staff);
    m.hiveJoin = await closed(ctx, 'P2 baseline: Hive Gateway, join', HIVE_URL, JOIN, staff);
    m.oursJoin = await closed(ctx, 'P2 system: our gateway, join', GATEWAY_URL, JOIN, staff);
    const ratios = { single: ratio(m.oursSingle.rps, m.hiveSingle.rps), join: ratio(m.oursJoin.rps, m.hiveJoin.rps) };
    return {
      measurements: m,
      ratios,
      goals: [
        verdict({ id: 'P2', what: 'complaint(id): our gateway RPS / Hive Gateway RPS', op: '≥', target: 1, unit: '×' }, ratios.single),
        verdict({ id: 'P2', what: 'join: our gateway RPS / Hive Gateway RPS', op: '≥', target: 1, unit: '×' }, ratios.join),
      ],
    };
  } finally {
    delete ctx.extraPids.hive;
    await stopProcess(hive);
  }
}

async function waitAnswers(url, token, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < until) {
    try {
      const response = await fetch(url, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      if (response.ok) return;
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = error.message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s: ${last}`);
}
