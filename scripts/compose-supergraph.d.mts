export interface SubgraphSdl {
  name: string;
  url: string;
  sdl: string;
}
export declare const SUPERGRAPH_FILE: URL;
export declare function composeSupergraph(subgraphs: SubgraphSdl[]): string;
export declare function redressSubgraphs(from?: 'src' | 'dist'): Promise<SubgraphSdl[]>;
