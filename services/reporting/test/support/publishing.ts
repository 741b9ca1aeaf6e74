import type { EventEnvelope } from '@redress/contracts';
import { waitFor, type SubgraphHarness } from '@redress/testing';
import { DataSource } from 'typeorm';
import { prng } from './complaint-stories.js';

/** Publishes every event, some twice, in a shuffled order — as an at-least-once broker may deliver them. */
export async function publishShuffled(harness: SubgraphHarness, events: readonly EventEnvelope[], seed: number): Promise<void> {
  const random = prng(seed);
  const deliveries = [...events, ...events.filter(() => random() < 0.15)];
  for (let i = deliveries.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [deliveries[i], deliveries[j]] = [deliveries[j], deliveries[i]];
  }
  for (const event of deliveries) await harness.publish(event);
}

export async function waitUntilProjected(harness: SubgraphHarness, events: readonly EventEnvelope[]): Promise<void> {
  const db = harness.app.get(DataSource);
  await waitFor(async () => Number((await db.query('SELECT count(*) AS n FROM event_store'))[0].n) >= new Set(events.map((e) => e.id)).size, {
    timeoutMs: 60_000, description: 'every event stored',
  });
  await waitFor(async () => (await harness.queueDepth('reporting.events')) === 0, { timeoutMs: 30_000, description: 'every delivery handled' });
}
