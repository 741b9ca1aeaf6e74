// CPU time and memory of the processes under test, read from /proc (Linux): each Redress process by pid,
// and the servers (PostgreSQL, RabbitMQ, Redis) summed over every process of that name.
import { readFileSync, readdirSync } from 'node:fs';

const CLOCK_TICKS = 100; // USER_HZ on Linux

/** utime + stime of one process in seconds, or null once it is gone. */
export function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** Resident set size in bytes, or null. */
export function rssBytes(pid) {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

const SERVERS = { postgresql: /^postgres$/, rabbitmq: /^(beam\.smp|erl_child_setup|epmd)$/, redis: /^redis-server$/ };

function pidsNamed(pattern) {
  const pids = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (pattern.test(readFileSync(`/proc/${entry}/comm`, 'utf8').trim())) pids.push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return pids;
}

/** CPU seconds of every named pid (`{ name: pid }`) and of each server, at this moment. */
export function cpuSnapshot(named) {
  const snapshot = {};
  for (const [name, pid] of Object.entries(named)) snapshot[name] = cpuSeconds(pid);
  for (const [name, pattern] of Object.entries(SERVERS)) snapshot[name] = pidsNamed(pattern).reduce((sum, pid) => sum + (cpuSeconds(pid) ?? 0), 0);
  const self = process.cpuUsage();
  snapshot.bench = (self.user + self.system) / 1e6;
  return snapshot;
}

/** CPU seconds spent by each process between two snapshots (only those that spent any). */
export function cpuSpent(before, after) {
  const spent = {};
  for (const [name, value] of Object.entries(after)) {
    if (value === null || before[name] === null || before[name] === undefined) continue;
    const seconds = Math.round((value - before[name]) * 100) / 100;
    if (seconds > 0) spent[name] = seconds;
  }
  return spent;
}

/** Runs `work` and returns its result with `cpu`: the CPU seconds each process spent meanwhile. */
export async function withCpu(named, work) {
  const before = cpuSnapshot(named());
  const result = await work();
  return { ...result, cpu: cpuSpent(before, cpuSnapshot(named())) };
}
