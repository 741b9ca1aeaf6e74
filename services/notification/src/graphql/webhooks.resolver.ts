import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allowed, CurrentIdentity, Roles, type Identity } from '@redress/auth';
import { requestLoader, type GraphqlContext } from '@redress/graphql';
import { TransactionRunner } from '@redress/persistence';
import { ManageWebhooksHandler, type WebhookRow } from '../manage-webhooks/manage-webhooks.handler.js';

interface DeliveryRow { id: string; webhookId: string }

/** Webhook administration and the delivery log (ADMIN only: URLs and failures of other systems). */
@Resolver('Webhook')
@Roles('ADMIN')
export class WebhooksResolver {
  constructor(private readonly webhooks: ManageWebhooksHandler, private readonly transactions: TransactionRunner) {}

  @Query('webhooks')
  @Allowed('webhooks')
  list() {
    return this.webhooks.list();
  }

  @Query('webhook')
  @Allowed('webhook')
  find(@Args('id') id: string) {
    return this.webhooks.find(id);
  }

  @Mutation('registerWebhook')
  @Allowed('registerWebhook')
  register(@Args('url') url: string, @Args('eventTypes') eventTypes: string[], @Args('secret') secret: string, @CurrentIdentity() identity: Identity) {
    return this.webhooks.register({ url, eventTypes, secret }, identity.sub);
  }

  @Mutation('enableWebhook')
  @Allowed('enableWebhook')
  enable(@Args('id') id: string, @CurrentIdentity() identity: Identity) {
    return this.webhooks.enable(id, identity.sub);
  }

  @Mutation('disableWebhook')
  @Allowed('disableWebhook')
  disable(@Args('id') id: string, @CurrentIdentity() identity: Identity) {
    return this.webhooks.disable(id, identity.sub);
  }

  @Mutation('deleteWebhook')
  @Allowed('deleteWebhook')
  remove(@Args('id') id: string, @CurrentIdentity() identity: Identity) {
    return this.webhooks.remove(id, identity.sub);
  }

  @ResolveField('deliveries')
  deliveries(@Parent() webhook: WebhookRow, @Args('first') first: number | null, @Context() context: GraphqlContext) {
    const limit = Math.min(Math.max(first ?? 20, 1), 100);
    return requestLoader(context, `notification.webhookDeliveries.${limit}`, async (ids: readonly string[]) => {
      const rows: DeliveryRow[] = await this.transactions.manager.query(
        `SELECT * FROM (
           SELECT id, webhook_id AS "webhookId", event_id AS "eventId", event_type AS "eventType", complaint_id AS "complaintId", status, attempts,
                  last_status_code AS "lastStatusCode", last_error AS "lastError", created_at AS "createdAt", delivered_at AS "deliveredAt",
                  row_number() OVER (PARTITION BY webhook_id ORDER BY created_at DESC, id) AS position
             FROM webhook_deliveries WHERE webhook_id = ANY($1::uuid[])) log
          WHERE position <= $2 ORDER BY position`,
        [[...ids], limit],
      );
      return ids.map((id) => rows.filter((row) => row.webhookId === id));
    }).load(webhook.id);
  }
}

@Resolver('WebhookDelivery')
@Roles('ADMIN')
export class WebhookDeliveriesResolver {
  constructor(private readonly transactions: TransactionRunner) {}

  @ResolveField('attemptLog')
  attemptLog(@Parent() delivery: DeliveryRow, @Context() context: GraphqlContext) {
    return requestLoader(context, 'notification.webhookAttempts', async (ids: readonly string[]) => {
      const rows: { deliveryId: string }[] = await this.transactions.manager.query(
        `SELECT delivery_id AS "deliveryId", attempt, attempted_at AS "at", status_code AS "statusCode", error, duration_ms AS "durationMs"
           FROM webhook_attempts WHERE delivery_id = ANY($1::uuid[]) ORDER BY attempt`,
        [[...ids]],
      );
      return ids.map((id) => rows.filter((row) => row.deliveryId === id));
    }).load(delivery.id);
  }
}
