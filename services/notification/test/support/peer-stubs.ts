import { randomUUID } from 'node:crypto';
import amqp, { type Channel, type ChannelModel, type ConsumeMessage } from 'amqplib';
import {
  ASSIGNEE_CONTACT, COMPLAINT_CONTACT, COMPLAINT_STATE, CUSTOMER_LINK,
  type AssigneeContact, type ComplaintContact, type ComplaintState, type CustomerLinkRequest,
} from '@redress/contracts';

interface Complaint {
  contact: ComplaintContact;
  state: ComplaintState;
}

/**
 * Stand-ins for intake, investigation and resolution on the test's own vhost: they answer notification's
 * request/reply questions exactly as the contracts in libs/contracts/src/rpc.ts describe, from data the test sets.
 */
export class PeerStubs {
  readonly complaints = new Map<string, Complaint>();
  readonly assignees = new Map<string, AssigneeContact>();
  readonly linkRequests: CustomerLinkRequest[] = [];
  private constructor(private readonly connection: ChannelModel, private readonly channel: Channel) {}

  static async start(rabbitmqUrl: string): Promise<PeerStubs> {
    const connection = await amqp.connect(rabbitmqUrl);
    const channel = await connection.createChannel();
    const stubs = new PeerStubs(connection, channel);
    for (const queue of ['intake.rpc', 'investigation.rpc', 'resolution.rpc']) {
      await channel.consume(queue, (message) => message && stubs.answer(message), { noAck: true });
    }
    return stubs;
  }

  /** A complaint intake knows, with its customer. */
  addComplaint(overrides: { name?: string; email?: string; customerId?: string; category?: string | null } = {}): Complaint {
    const complaintId = randomUUID();
    const reference = `CMP-2026-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
    const customerId = overrides.customerId ?? randomUUID();
    const times = { receivedAt: '2026-03-01T10:00:00.000Z', acknowledgementDueAt: '2026-03-02T10:00:00.000Z', resolutionDueAt: '2026-03-11T10:00:00.000Z' };
    const complaint = {
      contact: { complaintId, reference, customerId, customerName: overrides.name ?? 'Ada Lovelace', email: overrides.email ?? `ada.${complaintId.slice(0, 8)}@example.com`, phone: null, status: 'RECEIVED', cycle: 0, ...times },
      state: { complaintId, reference, customerId, status: 'RECEIVED', cycle: 0, escalated: false, category: overrides.category ?? 'BILLING', severity: 'HIGH', priority: 'P2', receivedAt: times.receivedAt, resolutionDueAt: times.resolutionDueAt },
    };
    this.complaints.set(complaintId, complaint);
    return complaint;
  }

  async close(): Promise<void> {
    await this.connection.close().catch(() => undefined);
  }

  private answer(message: ConsumeMessage): void {
    const request = JSON.parse(message.content.toString('utf8'));
    const pattern = String(message.properties.type);
    let reply: { kind: 'result' | 'error'; body: unknown };
    try {
      reply = { kind: 'result', body: this.reply(pattern, request) };
    } catch (error) {
      reply = { kind: 'error', body: { error: { code: (error as { code?: string }).code ?? 'INTERNAL', message: (error as Error).message } } };
    }
    this.channel.sendToQueue(message.properties.replyTo, Buffer.from(JSON.stringify(reply.body)), {
      correlationId: message.properties.correlationId, contentType: 'application/json', type: reply.kind,
    });
  }

  private reply(pattern: string, request: Record<string, unknown>): unknown {
    const notFound = (what: string) => Object.assign(new Error(`${what} does not exist`), { code: 'NOT_FOUND' });
    switch (pattern) {
      case COMPLAINT_CONTACT:
      case COMPLAINT_STATE: {
        const complaint = this.complaints.get(String(request.complaintId));
        if (!complaint) throw notFound('Complaint');
        return pattern === COMPLAINT_CONTACT ? complaint.contact : complaint.state;
      }
      case ASSIGNEE_CONTACT: {
        const assignee = this.assignees.get(String(request.investigationId));
        if (!assignee) throw notFound('Investigation');
        return assignee;
      }
      case CUSTOMER_LINK: {
        this.linkRequests.push(request as unknown as CustomerLinkRequest);
        const path = request.purpose === 'RESPOND' ? 'respond' : 'feedback';
        return { url: `https://complaints.example.com/${path}?token=${path}.${randomUUID()}`, expiresAt: '2026-03-25T10:00:00.000Z' };
      }
      default:
        throw new Error(`No handler for request ${pattern}`);
    }
  }
}
