import { readFileSync } from 'node:fs';
import { SUPERGRAPH_FILE, composeSupergraph, redressSubgraphs } from './compose-supergraph.mjs';

describe('gateway/supergraph.graphql', () => {
  it('equals a fresh composition of the five subgraphs (run `npm run compose:supergraph` when this fails)', async () => {
    const fresh = composeSupergraph(await redressSubgraphs('src'));
    expect(readFileSync(SUPERGRAPH_FILE, 'utf8')).toBe(fresh);
  });

  it('routes to every Redress subgraph and serves the shared types', async () => {
    const supergraph = readFileSync(SUPERGRAPH_FILE, 'utf8');
    for (const name of ['INTAKE', 'INVESTIGATION', 'RESOLUTION', 'NOTIFICATION', 'REPORTING']) expect(supergraph).toContain(`${name} @join__graph`);
    expect(supergraph).toContain('scalar DateTime');
    expect(supergraph).toMatch(/type PageInfo[\s\S]*hasNextPage: Boolean!/);
  });
});

describe('composeSupergraph', () => {
  const header = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])';

  it('names what does not compose', () => {
    expect(() => composeSupergraph([
      { name: 'a', url: 'http://a/graphql', sdl: `${header}\ntype Query { x: Int }\ntype Thing { id: ID! }` },
      { name: 'b', url: 'http://b/graphql', sdl: `${header}\ntype Query { y: Int }\ntype Thing { id: ID! }` },
    ])).toThrow(/do not compose[\s\S]*Thing/);
  });
});
