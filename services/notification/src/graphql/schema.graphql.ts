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
  }

  type Mutation {
    "sends a FAILED notification again"
    retryNotification(id: ID!): Notification!
    "from the preferences link in a customer email (no sign-in)"
    updateNotificationPreferences(token: String!, surveys: Boolean!): NotificationPreferences!
  }
`;
