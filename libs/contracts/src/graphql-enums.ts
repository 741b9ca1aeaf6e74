import * as enums from './enums.js';

export const GRAPHQL_ENUM_NAMES = [
  'Channel', 'Category', 'Severity', 'Priority', 'ComplaintStatus', 'InvestigationStatus', 'NoteKind',
  'RootCauseCategory', 'ProposalStatus', 'RemedyType', 'NotificationChannel', 'NotificationKind',
  'DeliveryStatus', 'TrendInterval', 'EscalationCause', 'SlaClock',
] as const;
export type GraphqlEnumName = (typeof GRAPHQL_ENUM_NAMES)[number];

/** SDL of the named shared enums, identical in every subgraph that declares them. */
export function graphqlEnumSdl(...names: GraphqlEnumName[]): string {
  return names.map((name) => `enum ${name} { ${(enums[name] as readonly string[]).join(' ')} }`).join('\n');
}
