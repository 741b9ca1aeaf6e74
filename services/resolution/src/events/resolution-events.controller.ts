import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope } from '@redress/contracts';
import { EraseCustomerHandler } from '../erase-customer/erase-customer.handler.js';
import { ComplaintReopenedHandler } from '../record-complaint/complaint-reopened.handler.js';
import { RecordComplaintHandler } from '../record-complaint/record-complaint.handler.js';

/** Everything resolution consumes (its row of SUBSCRIPTIONS in @redress/contracts), one handler each. */
@Controller()
export class ResolutionEventsController {
  constructor(
    private readonly recordComplaint: RecordComplaintHandler,
    private readonly complaintReopened: ComplaintReopenedHandler,
    private readonly eraseCustomer: EraseCustomerHandler,
  ) {}

  @EventPattern('complaint.received')
  onComplaintReceived(@Payload() event: EventEnvelope<'complaint.received'>) {
    return this.recordComplaint.execute(event);
  }

  @EventPattern('complaint.reopened')
  onComplaintReopened(@Payload() event: EventEnvelope<'complaint.reopened'>) {
    return this.complaintReopened.execute(event);
  }

  @EventPattern('customer.erased')
  onCustomerErased(@Payload() event: EventEnvelope<'customer.erased'>) {
    return this.eraseCustomer.execute(event);
  }
}
