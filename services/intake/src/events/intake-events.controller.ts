import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope } from '@redress/contracts';
import { AcknowledgeComplaintHandler } from '../acknowledge-complaint/acknowledge-complaint.handler.js';
import { ProjectStatusHandler } from '../status-projection/project-status.handler.js';

/** Everything intake consumes (its row of SUBSCRIPTIONS in @redress/contracts), one handler each. */
@Controller()
export class IntakeEventsController {
  constructor(private readonly acknowledge: AcknowledgeComplaintHandler, private readonly projectStatus: ProjectStatusHandler) {}

  @EventPattern('notification.sent')
  onNotificationSent(@Payload() event: EventEnvelope<'notification.sent'>) {
    return this.acknowledge.execute(event);
  }

  @EventPattern([
    'investigation.started', 'resolution.proposed', 'resolution.accepted', 'resolution.rejected',
    'resolution.implemented', 'followup.recorded', 'complaint.closed',
  ])
  onLifecycleEvent(@Payload() event: EventEnvelope) {
    return this.projectStatus.execute(event);
  }
}
