import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@redress/contracts';
import { MessageComposer } from '../compose-messages/message-composer.js';
import { NotificationStore } from '../delivery/notification-store.js';
import { planMessages } from '../domain/notification-plan.js';

/**
 * Every message an event calls for, in the event's inbox transaction: plan (which kinds, for whom),
 * compose (recipients, links, templates), store with unique cause keys; delivery starts after commit.
 */
@Injectable()
export class NotifyOnEventHandler {
  constructor(private readonly composer: MessageComposer, private readonly store: NotificationStore) {}

  async execute(event: EventEnvelope): Promise<void> {
    const intents = planMessages(event);
    if (!intents.length) return;
    const drafts = [];
    for (const intent of intents) drafts.push(...(await this.composer.compose(event, intent)));
    await this.store.store(drafts);
  }
}
