/** Federation 2 header every subgraph SDL starts with. */
export const FEDERATION_LINK_SDL = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])';

/** Types every subgraph declares identically (SPEC §4). */
export const BASE_SDL = /* GraphQL */ `
scalar DateTime

type PageInfo @shareable {
  hasNextPage: Boolean!
  hasPreviousPage: Boolean!
  startCursor: String
  endCursor: String
}
`;

/**
 * The complete SDL of a subgraph from its own typeDefs. Used both by the running subgraph and by the
 * static composition (scripts/compose-supergraph.mjs), so the two cannot drift apart.
 */
export function subgraphSdl(typeDefs: string): string {
  return `${FEDERATION_LINK_SDL}\n${BASE_SDL}\n${typeDefs.trim()}\n`;
}
