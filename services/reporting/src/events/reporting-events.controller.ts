import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { SUBSCRIPTIONS, type EventEnvelope } from '@redress/contracts';
import { RecordEventHandler } from '../record-event/record-event.handler.js';

/** Reporting consumes every event type (its row of SUBSCRIPTIONS in @redress/contracts) into the event store. */
@Controller()
export class ReportingEventsController {
  constructor(private readonly recordEvent: RecordEventHandler) {}

  @EventPattern([...SUBSCRIPTIONS.reporting])
  onEvent(@Payload() event: EventEnvelope) {
    return this.recordEvent.execute(event);
  }
}
