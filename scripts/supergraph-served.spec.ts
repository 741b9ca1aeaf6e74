import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ANONYMOUS, AuthModule, IDENTITY_HEADER, signIdentity } from '@redress/auth';
import { ConfigModule, loadConfig } from '@redress/config';
import { SubgraphGraphqlModule } from '@redress/graphql';
import { readFileSync } from 'node:fs';
import { SUPERGRAPH_FILE, composeSupergraph, redressSubgraphs, type RedressSubgraph } from './compose-supergraph.mjs';

const config = loadConfig({});

/** What a subgraph built with SubgraphGraphqlModule answers to the gateway's `_service { sdl }`. */
async function servedSdl({ typeDefs }: RedressSubgraph): Promise<string> {
  @Module({ imports: [ConfigModule.forRoot(config), AuthModule.forRoot(), SubgraphGraphqlModule.forRoot({ typeDefs })] })
  class SchemaOnlySubgraph {}
  const app = await NestFactory.create(SchemaOnlySubgraph, { logger: false });
  try {
    await app.listen(0, '127.0.0.1');
    const response = await fetch(`${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: await signIdentity(ANONYMOUS, 'supergraph-check', config.internalSecret) },
      body: JSON.stringify({ query: '{ _service { sdl } }' }),
    });
    return ((await response.json()) as { data: { _service: { sdl: string } } }).data._service.sdl;
  } finally {
    await app.close();
  }
}

describe('gateway/supergraph.graphql', () => {
  it('equals the composition of what the subgraphs actually serve to the gateway', async () => {
    const served = [];
    for (const subgraph of await redressSubgraphs('src')) served.push({ ...subgraph, sdl: await servedSdl(subgraph) });
    expect(composeSupergraph(served)).toBe(readFileSync(SUPERGRAPH_FILE, 'utf8'));
  });
});
