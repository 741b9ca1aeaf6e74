import { Category, Channel, RootCauseCategory, Severity, type EventEnvelope, type EventType, type EventData } from '@redress/contracts';

/**
 * Realistic, reproducible histories of complaints as the five services would publish them: received,
 * acknowledged (in time or late, or not yet), assessed, escalated, investigated, proposals rejected and
 * accepted, implemented, followed up, closed, reopened and closed again. Seeded, so a failure replays.
 */
export interface StoryOptions {
  seed: number;
  count: number;
  /** Complaints are received between `from` and `to`. */
  from: Date;
  to: Date;
  /** Share of complaints received within the last hours before `now` (their clocks still running). */
  freshShare?: number;
  now?: Date;
}

const HOUR = 3_600_000;
const RESOLUTION_HOURS: Record<string, number> = { CRITICAL: 48, HIGH: 120, MEDIUM: 240, LOW: 360 };
export const AGENTS = ['agent-ada', 'agent-bo', 'agent-cy', 'manager-di'];
export const INVESTIGATORS = ['inv-eve', 'inv-fay', 'inv-gus'];

/** A small deterministic PRNG (mulberry32): the same seed gives the same stories everywhere. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function uuidFrom(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[Math.floor(random() * 4)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function complaintStories(options: StoryOptions): EventEnvelope[] {
  const random = prng(options.seed);
  const now = options.now ?? new Date();
  const events: EventEnvelope[] = [];
  for (let i = 0; i < options.count; i += 1) {
    const fresh = random() < (options.freshShare ?? 0);
    const span = options.to.getTime() - options.from.getTime();
    const receivedAt = fresh ? new Date(now.getTime() - (1 + random() * 4) * HOUR) : new Date(options.from.getTime() + Math.floor(random() * span));
    events.push(...new Story(random, receivedAt, fresh, i).tell());
  }
  return events;
}

class Story {
  private readonly complaintId: string;
  private readonly reference: string;
  private readonly out: EventEnvelope[] = [];
  private t: number;
  private cycle = 0;

  constructor(private readonly random: () => number, private readonly receivedAt: Date, private readonly fresh: boolean, index: number) {
    this.complaintId = uuidFrom(random);
    this.reference = `CMP-2026-${String(100000 + index).padStart(6, '0')}`;
    this.t = receivedAt.getTime();
  }

  tell(): EventEnvelope[] {
    const severity = this.maybe(0.6) ? this.pick(Severity) : null;
    this.emitAt(0, 'complaint.received', null, {
      cycle: 0, channel: this.pick(Channel), category: this.maybe(0.8) ? this.pick(Category) : null, severity, priority: null,
      customerId: uuidFrom(this.random), receivedAt: this.receivedAt.toISOString(),
      acknowledgementDueAt: this.at(24).toISOString(), resolutionDueAt: this.at(RESOLUTION_HOURS[severity ?? 'MEDIUM']).toISOString(),
    });
    if (this.fresh) return this.out; // clocks still running: nothing else has happened yet
    this.acknowledgeAndAssess();
    if (this.maybe(0.15)) this.emit('complaint.escalated', this.agent(), { cycle: 0, cause: this.pick(['MANUAL', 'SLA_BREACH', 'SAFETY'] as const) });
    if (this.maybe(0.1)) return this.out; // still being assessed
    this.resolveCycle();
    return this.out;
  }

  private acknowledgeAndAssess(): void {
    const acknowledged = this.maybe(0.9);
    const ackHours = this.maybe(0.8) ? this.random() * 20 : 24 + this.random() * 30;
    const assessed = this.maybe(0.7);
    const assessHours = 1 + this.random() * 40;
    const steps: [number, () => void][] = [];
    if (acknowledged) steps.push([ackHours, () => this.emitAt(ackHours, 'complaint.acknowledged', null, { cycle: 0, acknowledgedAt: this.at(ackHours).toISOString(), withinSla: ackHours <= 24 })]);
    if (assessed) {
      const severity = this.pick(Severity);
      steps.push([assessHours, () => this.emitAt(assessHours, 'complaint.assessed', this.agent(), {
        cycle: 0, category: this.pick(Category), severity, priority: this.pick(['P1', 'P2', 'P3', 'P4'] as const),
        resolutionDueAt: this.at(RESOLUTION_HOURS[severity]).toISOString(),
      })]);
    }
    for (const [, step] of steps.sort((a, b) => a[0] - b[0])) step();
  }

  private resolveCycle(): void {
    if (this.maybe(0.5)) this.investigate();
    if (this.maybe(0.15)) return; // investigation still open or awaiting a proposal
    const first = this.propose();
    if (this.maybe(0.2)) {
      this.emit('resolution.rejected', null, { cycle: this.cycle, proposalId: first.proposalId, decidedBy: 'CUSTOMER' });
      if (this.maybe(0.2)) return; // rejected, nothing new yet
      this.propose();
    }
    const proposal = this.out.filter((e) => e.type === 'resolution.proposed').at(-1)!.data as EventData<'resolution.proposed'>;
    const option = proposal.options[0];
    if (this.maybe(0.1)) return; // waiting for the customer
    this.emit('resolution.accepted', null, { cycle: this.cycle, proposalId: proposal.proposalId, optionId: option.id, decidedBy: this.maybe(0.7) ? 'CUSTOMER' : 'STAFF' });
    if (this.maybe(0.1)) return; // accepted, not yet implemented
    this.emit('resolution.implemented', this.agent(), { cycle: this.cycle, proposalId: proposal.proposalId, optionId: option.id, type: option.type, amount: option.amount, currency: option.currency }, 10 + this.random() * 300);
    if (this.maybe(0.2)) return; // survey pending
    const via = this.maybe(0.7) ? 'SURVEY' : 'STAFF';
    this.emit('followup.recorded', via === 'STAFF' ? this.agent() : null, { cycle: this.cycle, satisfied: this.maybe(0.7), rating: 1 + Math.floor(this.random() * 5), via });
    if (this.maybe(0.15)) return; // followed up, not yet closed
    this.emit('complaint.closed', this.agent(), { cycle: this.cycle, closedAt: new Date(this.t + HOUR).toISOString(), overridden: false }, 1);
    if (this.cycle === 0 && this.maybe(0.12)) {
      this.cycle = 1;
      this.emit('complaint.reopened', { id: 'manager-di', role: 'MANAGER' }, { cycle: 1 });
      this.resolveCycle();
    }
  }

  private investigate(): void {
    const investigationId = uuidFrom(this.random);
    const assigneeId = this.pick(INVESTIGATORS);
    this.emit('investigation.started', this.agent(), { cycle: this.cycle, investigationId, assigneeId });
    this.emit('investigation.note_added', { id: assigneeId, role: 'INVESTIGATOR' }, { cycle: this.cycle, investigationId, noteId: uuidFrom(this.random), kind: 'INTERVIEW' });
    if (this.maybe(0.85)) this.emit('investigation.completed', { id: assigneeId, role: 'INVESTIGATOR' }, { cycle: this.cycle, investigationId, rootCauseCategory: this.pick(RootCauseCategory) });
  }

  private propose(): EventData<'resolution.proposed'> {
    const refund = this.maybe(0.5);
    const data: EventData<'resolution.proposed'> = {
      cycle: this.cycle, proposalId: uuidFrom(this.random),
      options: [refund ? { id: uuidFrom(this.random), type: 'REFUND', amount: Math.round(this.random() * 20000) / 100, currency: 'EUR' } : { id: uuidFrom(this.random), type: 'APOLOGY' }],
    };
    this.emit('resolution.proposed', this.agent(), data);
    return data;
  }

  private emit<T extends EventType>(type: T, actor: EventEnvelope['actor'], data: EventData<T>, afterHours = 1 + this.random() * 30): void {
    this.t += afterHours * HOUR;
    this.push(type, new Date(this.t), actor, data);
  }

  /** An event at a fixed offset from receipt (acknowledgement and assessment race each other). */
  private emitAt<T extends EventType>(hours: number, type: T, actor: EventEnvelope['actor'], data: EventData<T>): void {
    this.t = Math.max(this.t, this.at(hours).getTime());
    this.push(type, this.at(hours), actor, data);
  }

  private push<T extends EventType>(type: T, occurredAt: Date, actor: EventEnvelope['actor'], data: EventData<T>): void {
    this.out.push({
      id: uuidFrom(this.random), type, version: 1, occurredAt: occurredAt.toISOString(), complaintId: this.complaintId,
      reference: this.reference, correlationId: `story-${this.reference}`, actor, data,
    } as EventEnvelope);
  }

  private at(hours: number): Date {
    return new Date(this.receivedAt.getTime() + hours * HOUR);
  }

  private agent(): EventEnvelope['actor'] {
    const id = this.pick(AGENTS);
    return { id, role: id.startsWith('manager') ? 'MANAGER' : 'AGENT' };
  }

  private maybe(probability: number): boolean {
    return this.random() < probability;
  }

  private pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.random() * values.length)];
  }
}
