import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope } from '@redress/contracts';
import { RecordComplaintHandler } from '../record-complaint/record-complaint.handler.js';
import { UpdateComplaintCopyHandler } from '../record-complaint/update-complaint-copy.handler.js';

/** Everything investigation consumes (its row of SUBSCRIPTIONS in @redress/contracts), one handler each. */
@Controller()
export class InvestigationEventsController {
  constructor(private readonly recordComplaint: RecordComplaintHandler, private readonly updateCopy: UpdateComplaintCopyHandler) {}

  @EventPattern('complaint.received')
  onComplaintReceived(@Payload() event: EventEnvelope<'complaint.received'>) {
    return this.recordComplaint.execute(event);
  }

  @EventPattern('complaint.assessed')
  onComplaintAssessed(@Payload() event: EventEnvelope<'complaint.assessed'>) {
    return this.updateCopy.assessed(event);
  }

  @EventPattern('complaint.reopened')
  onComplaintReopened(@Payload() event: EventEnvelope<'complaint.reopened'>) {
    return this.updateCopy.reopened(event);
  }
}
