export interface SubgraphSdl {
  name: string;
  url: string;
  sdl: string;
}
export declare const SUPERGRAPH_FILE: URL;
export declare function composeSupergraph(subgraphs: SubgraphSdl[]): string;
export interface RedressSubgraph extends SubgraphSdl {
  /** The service's own typeDefs, before the shared header and base types. */
  typeDefs: string;
}
export declare function redressSubgraphs(from?: 'src' | 'dist'): Promise<RedressSubgraph[]>;
