import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allowed, CurrentIdentity, type Identity } from '@redress/auth';
import { ManagePreferencesHandler } from '../manage-preferences/manage-preferences.handler.js';
import { PreviewNotificationQuery } from '../preview-notification/preview-notification.query.js';
import { RetryNotificationHandler } from '../retry-notification/retry-notification.handler.js';

/** Staff previews and retries; the customer's preferences through their signed link. */
@Resolver()
export class NotificationOperationsResolver {
  constructor(
    private readonly preview: PreviewNotificationQuery,
    private readonly retry: RetryNotificationHandler,
    private readonly preferences: ManagePreferencesHandler,
  ) {}

  // The preview shows the customer's name and address: the roles that may read contact details.
  @Query('previewNotification')
  @Allowed('previewNotification')
  previewNotification(@Args('kind') kind: string, @Args('complaintId') complaintId: string, @Args('locale') locale: string | null) {
    return this.preview.execute(kind, complaintId, locale);
  }

  @Mutation('retryNotification')
  @Allowed('retryNotification')
  retryNotification(@Args('id') id: string, @CurrentIdentity() identity: Identity) {
    return this.retry.execute(id, identity.sub);
  }

  @Query('notificationPreferences')
  @Allowed('notificationPreferences')
  notificationPreferences(@Args('token') token: string) {
    return this.preferences.read(token);
  }

  @Mutation('updateNotificationPreferences')
  @Allowed('updateNotificationPreferences')
  updateNotificationPreferences(@Args('token') token: string, @Args('surveys') surveys: boolean) {
    return this.preferences.update(token, surveys);
  }
}
