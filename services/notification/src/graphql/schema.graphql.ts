import { graphqlEnumSdl } from '@redress/contracts';

// The notification subgraph's SDL (SPEC §4).
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
  }

  type Complaint @key(fields: "id") {
    id: ID!
    "oldest first"
    notifications: [Notification!]
  }
`;
