import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope } from '@redress/contracts';
import { RecordComplaintHandler } from '../record-complaint/record-complaint.handler.js';

/** Everything resolution consumes (its row of SUBSCRIPTIONS in @redress/contracts), one handler each. */
@Controller()
export class ResolutionEventsController {
  constructor(private readonly recordComplaint: RecordComplaintHandler) {}

  @EventPattern('complaint.received')
  onComplaintReceived(@Payload() event: EventEnvelope<'complaint.received'>) {
    return this.recordComplaint.execute(event);
  }
}
