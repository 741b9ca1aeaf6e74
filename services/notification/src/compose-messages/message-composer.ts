import { Inject, Injectable, Logger } from '@nestjs/common';
import { REDRESS_CONFIG, type RedressConfig } from '@redress/config';
import type { ComplaintContact, ComplaintState, EventEnvelope } from '@redress/contracts';
import { NOTIFICATION_SETTINGS, type NotificationSettings } from '../config/notification-settings.js';
import type { NotificationDraft } from '../delivery/notification-store.js';
import { causeKey, type MessageIntent } from '../domain/notification-plan.js';
import { preferenceToken } from '../domain/preference-token.js';
import { CustomerPreferences } from '../manage-preferences/customer-preferences.js';
import { firstNameOf, type MessageModel } from '../templates/message-model.js';
import { TemplateCatalog } from '../templates/template-catalog.js';
import { PeerLookups } from './peer-lookups.js';

interface Addressee {
  email: string;
  name: string | null;
  customerId: string | null;
  unsubscribeUrl: string | null;
}

/**
 * Turns one planned message into rendered drafts, one per recipient: finds who it is for (intake,
 * investigation), respects erasure and opt-outs, fetches the customer's link, renders the templates.
 */
@Injectable()
export class MessageComposer {
  private readonly logger = new Logger(MessageComposer.name);

  constructor(
    private readonly peers: PeerLookups,
    private readonly catalog: TemplateCatalog,
    private readonly preferences: CustomerPreferences,
    @Inject(REDRESS_CONFIG) private readonly config: RedressConfig,
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
  ) {}

  async compose(event: EventEnvelope, intent: MessageIntent): Promise<NotificationDraft[]> {
    if (intent.audience === 'CUSTOMER') return this.forCustomer(event, intent);
    const state = event.complaintId ? await this.peers.complaintState(event.complaintId) : null;
    if (event.complaintId && !state) return this.skip(event, intent, 'intake does not know the complaint');
    const addressees = intent.audience === 'MANAGERS' ? this.managers() : await this.assignee(event);
    const links = { track: `${this.config.publicUrl}/track` };
    return addressees.map((to) => this.draft(event, intent, to, { recipient: recipientOf(to), complaint: state && staffView(state), links, event: dataOf(event) }));
  }

  private async forCustomer(event: EventEnvelope, intent: MessageIntent): Promise<NotificationDraft[]> {
    const contact = event.complaintId ? await this.peers.complaintContact(event.complaintId) : null;
    if (!contact) return this.skip(event, intent, 'intake does not know the complaint');
    if (await this.preferences.isErased(contact.customerId)) return this.skip(event, intent, 'the customer was erased');
    if (!intent.essential && !(await this.preferences.wantsSurveys(contact.customerId))) return this.skip(event, intent, 'the customer opted out');
    const preferences = `${this.config.publicUrl}/preferences?token=${preferenceToken(contact.customerId, this.config.linkSecret)}`;
    const links: MessageModel['links'] = { track: `${this.config.publicUrl}/track`, preferences };
    if (intent.link) {
      const data = event.data as { proposalId?: string; cycle?: number };
      const link = await this.peers.customerLink({ complaintId: contact.complaintId, purpose: intent.link, proposalId: data.proposalId, cycle: data.cycle });
      Object.assign(links, { [intent.link === 'RESPOND' ? 'respond' : 'feedback']: link.url, linkExpiresAt: link.expiresAt });
    }
    const to: Addressee = { email: contact.email, name: contact.customerName, customerId: contact.customerId, unsubscribeUrl: preferences };
    return [this.draft(event, intent, to, { recipient: recipientOf(to), complaint: customerView(contact), links, event: dataOf(event) })];
  }

  private managers(): Addressee[] {
    return this.settings.managerEmails.map((email) => ({ email, name: null, customerId: null, unsubscribeUrl: null }));
  }

  private async assignee(event: EventEnvelope): Promise<Addressee[]> {
    const { investigationId, assigneeId } = event.data as { investigationId: string; assigneeId?: string | null };
    const assignee = await this.peers.assigneeContact(investigationId);
    // A later reassignment has its own event and message; this one is no longer true.
    if (!assignee?.email || (assigneeId && assignee.assigneeId !== assigneeId)) {
      this.logger.warn({ msg: 'no assignee to notify', investigationId, assigneeId, current: assignee?.assigneeId ?? null });
      return [];
    }
    return [{ email: assignee.email.toLowerCase(), name: assignee.name, customerId: null, unsubscribeUrl: null }];
  }

  private draft(event: EventEnvelope, intent: MessageIntent, to: Addressee, model: MessageModel): NotificationDraft {
    return {
      complaintId: event.complaintId,
      reference: event.reference,
      kind: intent.kind,
      audience: intent.audience,
      customerId: to.customerId,
      recipient: to.email,
      template: intent.template,
      message: this.catalog.render(intent.template, this.settings.defaultLocale, model),
      unsubscribeUrl: to.unsubscribeUrl,
      causeEventId: event.id,
      causeKey: causeKey(intent, event.complaintId, to.email),
      correlationId: event.correlationId,
    };
  }

  private skip(event: EventEnvelope, intent: MessageIntent, reason: string): NotificationDraft[] {
    this.logger.log({ msg: `no ${intent.kind} message: ${reason}`, complaintId: event.complaintId, eventId: event.id });
    return [];
  }
}

const dataOf = (event: EventEnvelope) => event.data as unknown as Record<string, unknown>;
const recipientOf = (to: Addressee): MessageModel['recipient'] => ({ email: to.email, name: to.name, firstName: firstNameOf(to.name) });

export function customerView(contact: ComplaintContact): MessageModel['complaint'] {
  return {
    id: contact.complaintId, reference: contact.reference, status: contact.status, receivedAt: contact.receivedAt,
    acknowledgementDueAt: contact.acknowledgementDueAt, resolutionDueAt: contact.resolutionDueAt,
  };
}

/** Staff messages carry the facts of the case, never the customer's personal data. */
export function staffView(state: ComplaintState): MessageModel['complaint'] {
  return {
    id: state.complaintId, reference: state.reference, status: state.status, receivedAt: state.receivedAt, resolutionDueAt: state.resolutionDueAt,
    category: state.category, severity: state.severity, priority: state.priority, escalated: state.escalated,
  };
}
