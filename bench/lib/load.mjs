// Two ways to load a server: a closed loop (autocannon: C connections, each sends its next request when
// the last answered — for throughput) and an open loop (a fixed arrival rate whose latencies are counted
// from when each request was due, not when it could be sent — no coordinated omission).
import autocannon from 'autocannon';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { latencyHistogram, summarise, throughput } from './verdicts.mjs';

/** A GraphQL answer is an error when the status is not 200 or the body carries `errors`. */
export function isGraphqlError(status, body) {
  return status !== 200 || body.includes('"errors"');
}

/**
 * Closed loop. `request()` returns `{ body, headers }` for each request (bodies may vary per request).
 * Resolves with `{ rps, completed, errors, latency: { p50, p99, … }, firstError }`.
 */
export async function closedLoop({ url, connections, seconds, request: next }) {
  let errors = 0;
  let firstError;
  const target = new URL(url);
  const result = await autocannon({
    url: target.origin,
    connections,
    duration: seconds,
    requests: [{
      method: 'POST',
      path: target.pathname,
      setupRequest: (req) => {
        const { body, headers } = next();
        return { ...req, body, headers: { 'content-type': 'application/json', ...headers } };
      },
      onResponse: (status, body) => {
        if (isGraphqlError(status, body)) {
          errors += 1;
          firstError ??= `${status} ${body.slice(0, 300)}`;
        }
      },
    }],
  });
  errors += result.errors + result.timeouts;
  const completed = result.requests.total;
  return {
    rps: throughput(completed, result.duration),
    completed,
    errors,
    firstError,
    latency: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
  };
}

/**
 * Open loop at `rate` requests/s for `seconds`. Each request's latency runs from its due time. `onResult`
 * (optional) sees `{ index, due, status, body, end }` (times in ms on the performance clock).
 * `window` (ms, optional) also keeps a histogram per window, for soak curves.
 */
export async function openLoop({ url, rate, seconds, request: next, onResult, window, maxSockets = 512 }) {
  const agent = new Agent({ keepAlive: true, maxSockets });
  const target = new URL(url);
  const histogram = latencyHistogram();
  const windows = [];
  let errors = 0;
  let firstError;
  let sent = 0;
  let finished = 0;
  const total = Math.round(rate * seconds);
  const start = performance.now() + 5;
  const interval = 1000 / rate;
  let allDone;
  const done = new Promise((resolve) => { allDone = resolve; });

  const record = (index, due, status, body) => {
    const end = performance.now();
    const micros = Math.max(1, Math.round((end - due) * 1000));
    histogram.recordValue(micros);
    if (window) {
      const slot = Math.floor((due - start) / window);
      windows[slot] ??= latencyHistogram();
      windows[slot].recordValue(micros);
    }
    if (status === 0 || isGraphqlError(status, body)) {
      errors += 1;
      firstError ??= `${status} ${body.slice(0, 300)}`;
    }
    onResult?.({ index, due, status, body, end });
    if (++finished === total) allDone();
  };

  const send = (index, due) => {
    const { body, headers } = next(index);
    const req = request({
      host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
    }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => record(index, due, res.statusCode, Buffer.concat(chunks).toString()));
      res.on('error', (error) => record(index, due, 0, error.message));
    });
    req.setNoDelay(true);
    req.on('error', (error) => record(index, due, 0, error.message));
    req.end(body);
  };

  // Catch up on every tick: a late timer sends the overdue requests at once, each still timed from its due time.
  await new Promise((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (sent < total && start + sent * interval <= now) {
        send(sent, start + sent * interval);
        sent += 1;
      }
      if (sent < total) setTimeout(tick, Math.max(0, Math.min(5, start + sent * interval - performance.now())));
      else resolve();
    };
    setTimeout(tick, 5);
  });
  const drainTimeout = setTimeout(() => allDone(), 60_000);
  await done;
  clearTimeout(drainTimeout);
  agent.destroy();
  return {
    rate,
    sent,
    completed: finished,
    errors: errors + (sent - finished),
    firstError,
    latency: summarise(histogram),
    windows: windows.map((h) => summarise(h ?? latencyHistogram())),
  };
}
