import { subgraphGraphqlConfig } from './subgraph-graphql.module.js';

const typeDefs = 'type Query { ping: String }';

describe('subgraphGraphqlConfig', () => {
  it('serves the federation header, the shared base types and the DateTime scalar', () => {
    const options = subgraphGraphqlConfig({ typeDefs }, { production: false, nodeEnv: 'development' });
    expect(options.typeDefs).toMatch(/^extend schema @link\(url: "https:\/\/specs.apollo.dev\/federation\/v2.3"/);
    expect(options.typeDefs).toContain('type PageInfo @shareable');
    expect(options.typeDefs).toContain(typeDefs);
    expect(Object.keys(options.resolvers as object)).toEqual(['DateTime']);
  });

  it('guards field and reference resolvers too, and never sends stack traces', () => {
    const options = subgraphGraphqlConfig({ typeDefs }, { production: false, nodeEnv: 'development' });
    expect(options.fieldResolverEnhancers).toEqual(['guards']);
    expect(options.includeStacktraceInErrorResponses).toBe(false);
    expect(options.csrfPrevention).toBe(true);
  });

  it('turns introspection off in production', () => {
    expect(subgraphGraphqlConfig({ typeDefs }, { production: true, nodeEnv: 'production' }).introspection).toBe(false);
    expect(subgraphGraphqlConfig({ typeDefs }, { production: false, nodeEnv: 'development' }).introspection).toBe(true);
  });
});
