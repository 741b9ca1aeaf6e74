import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope, EventType } from '@redress/contracts';
import { EraseCustomerHandler } from '../erase-customer/erase-customer.handler.js';
import { FanOutWebhooksHandler } from '../fan-out-webhooks/fan-out-webhooks.handler.js';
import { NotifyOnEventHandler } from '../notify-on-event/notify-on-event.handler.js';

/** Types that cause messages (see domain/notification-plan.ts for which, to whom). */
const MESSAGE_CAUSES: EventType[] = [
  'complaint.received', 'complaint.assessed', 'complaint.escalated', 'complaint.sla_at_risk', 'complaint.sla_breached',
  'investigation.started', 'investigation.reassigned', 'resolution.proposed', 'resolution.implemented',
  'followup.requested', 'complaint.closed', 'complaint.trend_alert',
];

/** Types that only webhooks subscribe to. */
const WEBHOOK_ONLY: EventType[] = [
  'complaint.acknowledged', 'complaint.reopened', 'investigation.note_added', 'investigation.completed',
  'resolution.accepted', 'resolution.rejected', 'followup.recorded', 'notification.sent', 'notification.failed',
];

/**
 * Everything notification consumes (its row of SUBSCRIPTIONS in @redress/contracts): every type goes to
 * the webhooks subscribed to it. Each handler runs in the event's inbox transaction, so its messages and
 * webhook deliveries are stored once however often the event arrives.
 */
@Controller()
export class NotificationEventsController {
  constructor(
    private readonly notify: NotifyOnEventHandler,
    private readonly eraseCustomer: EraseCustomerHandler,
    private readonly webhooks: FanOutWebhooksHandler,
  ) {}

  @EventPattern(MESSAGE_CAUSES)
  async onMessageCause(@Payload() event: EventEnvelope) {
    await this.notify.execute(event);
    await this.webhooks.execute(event);
  }

  @EventPattern('customer.erased')
  async onCustomerErased(@Payload() event: EventEnvelope<'customer.erased'>) {
    await this.eraseCustomer.execute(event);
    await this.webhooks.execute(event);
  }

  @EventPattern(WEBHOOK_ONLY)
  onWebhookOnly(@Payload() event: EventEnvelope) {
    return this.webhooks.execute(event);
  }
}
