import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope } from '@redress/contracts';
import { AcknowledgeReceiptHandler } from '../acknowledge-receipt/acknowledge-receipt.handler.js';

/** Everything notification consumes (its row of SUBSCRIPTIONS in @redress/contracts), one handler each. */
@Controller()
export class NotificationEventsController {
  constructor(private readonly acknowledgeReceipt: AcknowledgeReceiptHandler) {}

  @EventPattern('complaint.received')
  onComplaintReceived(@Payload() event: EventEnvelope<'complaint.received'>) {
    return this.acknowledgeReceipt.execute(event);
  }
}
