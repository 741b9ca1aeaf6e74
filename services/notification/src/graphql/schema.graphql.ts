import { graphqlEnumSdl } from '@redress/contracts';

// The notification subgraph's SDL (SPEC §4, plus previews, retries, preferences and webhooks).
export const notificationTypeDefs = /* GraphQL */ `
  ${graphqlEnumSdl('NotificationChannel', 'NotificationKind', 'DeliveryStatus')}

  type Notification {
    id: ID!
    complaintId: ID!
    kind: NotificationKind!
    channel: NotificationChannel!
    recipient: String!
    status: DeliveryStatus!
    attempts: Int!
    createdAt: DateTime!
    sentAt: DateTime
    lastError: String
    "the subject line as sent"
    subject: String
  }

  "A message as it would be written now; nothing is stored or sent. Customer links are placeholders, and details only the causing event knows (options, amounts, which deadline) are examples."
  type NotificationPreview {
    kind: NotificationKind!
    "the language the templates were found in"
    locale: String!
    recipient: String!
    subject: String!
    text: String!
    html: String!
  }

  "A customer's choices about non-essential messages; messages about the complaint itself always go."
  type NotificationPreferences {
    "satisfaction surveys"
    surveys: Boolean!
  }

  "A receiver of events over HTTPS, for systems that cannot bind to RabbitMQ. Its secret is never shown again."
  type Webhook {
    id: ID!
    url: String!
    "event types (e.g. complaint.closed) posted to it"
    eventTypes: [String!]!
    "false once switched off, by an administrator or after repeated failures"
    active: Boolean!
    consecutiveFailures: Int!
    disabledAt: DateTime
    disabledReason: String
    createdAt: DateTime!
    "newest first; first ≤ 100"
    deliveries(first: Int = 20): [WebhookDelivery!]!
  }

  "One event posted to one webhook: SENT on a 2xx answer, FAILED after the last retry"
  type WebhookDelivery {
    id: ID!
    eventId: ID!
    eventType: String!
    complaintId: ID
    status: DeliveryStatus!
    attempts: Int!
    lastStatusCode: Int
    lastError: String
    createdAt: DateTime!
    deliveredAt: DateTime
    "every attempt, oldest first"
    attemptLog: [WebhookAttempt!]!
  }

  type WebhookAttempt {
    attempt: Int!
    at: DateTime!
    "the receiver's HTTP status; null when it did not answer"
    statusCode: Int
    error: String
    durationMs: Int!
  }

  type Complaint @key(fields: "id") {
    id: ID!
    "oldest first"
    notifications: [Notification!]
  }

  type Query {
    "null for an unknown complaint; locale like en or en-GB (default: the service's)"
    previewNotification(kind: NotificationKind!, complaintId: ID!, locale: String): NotificationPreview
    "the token of the preferences link in a customer email; null unless it is valid"
    notificationPreferences(token: String!): NotificationPreferences
    "ADMIN"
    webhooks: [Webhook!]!
    "ADMIN; null for an unknown id"
    webhook(id: ID!): Webhook
  }

  type Mutation {
    "sends a FAILED notification again"
    retryNotification(id: ID!): Notification!
    "from the preferences link in a customer email (no sign-in)"
    updateNotificationPreferences(token: String!, surveys: Boolean!): NotificationPreferences!
    "ADMIN: posts each event of these types to url, signed with HMAC-SHA256 (see docs/notifications.md)"
    registerWebhook(url: String!, eventTypes: [String!]!, secret: String!): Webhook!
    "ADMIN: on again, with its failure count reset"
    enableWebhook(id: ID!): Webhook!
    "ADMIN"
    disableWebhook(id: ID!): Webhook!
    "ADMIN: removes it with its delivery log"
    deleteWebhook(id: ID!): Boolean!
  }
`;
