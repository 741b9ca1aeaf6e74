import { Inject, Injectable } from '@nestjs/common';
import { REDRESS_CONFIG, type RedressConfig } from '@redress/config';
import { NotificationKind } from '@redress/contracts';
import { BadUserInput, input } from '@redress/errors';
import { customerView, staffView } from '../compose-messages/message-composer.js';
import { PeerLookups } from '../compose-messages/peer-lookups.js';
import { NOTIFICATION_SETTINGS, type NotificationSettings } from '../config/notification-settings.js';
import { KIND_TEMPLATES } from '../domain/notification-plan.js';
import { preferenceToken } from '../domain/preference-token.js';
import { firstNameOf, type MessageModel } from '../templates/message-model.js';
import { TemplateCatalog } from '../templates/template-catalog.js';
import { exampleEventData } from './preview-examples.js';

export interface NotificationPreview {
  kind: NotificationKind;
  locale: string;
  recipient: string;
  subject: string;
  text: string;
  html: string;
}

const DAY_MS = 86_400_000;

/**
 * `previewNotification(kind, complaintId)`: the message as it would be written now for this complaint,
 * with the current templates. Nothing is stored or sent, and no customer link is minted (placeholders).
 */
@Injectable()
export class PreviewNotificationQuery {
  constructor(
    private readonly peers: PeerLookups,
    private readonly catalog: TemplateCatalog,
    @Inject(REDRESS_CONFIG) private readonly config: RedressConfig,
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
  ) {}

  async execute(rawKind: string, rawComplaintId: string, rawLocale?: string | null): Promise<NotificationPreview | null> {
    const kind = input.oneOf('kind', rawKind, NotificationKind);
    const complaintId = input.uuid('complaintId', rawComplaintId);
    const locale = input.optional('locale', rawLocale, 20);
    if (locale && !/^[a-z]{2}(-[A-Z]{2})?$/.test(locale)) throw new BadUserInput('locale', 'must look like en or en-GB');
    const state = await this.peers.complaintState(complaintId);
    if (!state) return null;
    const { template, audience } = KIND_TEMPLATES[kind];
    const base = { event: exampleEventData(kind, state), links: { track: `${this.config.publicUrl}/track` } as MessageModel['links'] };
    let model: MessageModel;
    if (audience === 'CUSTOMER') {
      const contact = await this.peers.complaintContact(complaintId);
      if (!contact) return null;
      const links = {
        ...base.links,
        preferences: `${this.config.publicUrl}/preferences?token=${preferenceToken(contact.customerId, this.config.linkSecret)}`,
        respond: `${this.config.publicUrl}/respond?token=PREVIEW`,
        feedback: `${this.config.publicUrl}/feedback?token=PREVIEW`,
        linkExpiresAt: new Date(Date.now() + (kind === 'FOLLOW_UP_SURVEY' ? 30 : 14) * DAY_MS).toISOString(),
      };
      model = { ...base, links, recipient: { email: contact.email, name: contact.customerName, firstName: firstNameOf(contact.customerName) }, complaint: customerView(contact) };
    } else {
      const email = audience === 'MANAGERS' ? this.settings.managerEmails.join(', ') : 'the assigned investigator';
      const name = audience === 'ASSIGNEE' ? 'Investigator' : null;
      model = { ...base, recipient: { email, name, firstName: name }, complaint: kind === 'TREND_ALERT' ? null : staffView(state) };
    }
    const message = this.catalog.render(template, locale ?? this.settings.defaultLocale, model);
    return { kind, locale: message.locale, recipient: model.recipient.email, subject: message.subject, text: message.text, html: message.html };
  }
}
