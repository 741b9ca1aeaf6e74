#!/usr/bin/env node
// Composes the five subgraph SDLs into gateway/supergraph.graphql, the static supergraph the gateway
// serves in Kubernetes (SUPERGRAPH_PATH). Run `npm run compose:supergraph` after changing a subgraph's
// SDL and commit the result; a unit test fails while the checked-in file is stale.
// `node scripts/compose-supergraph.mjs --check` only reports whether the file is current.
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { readFile, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

export const SUPERGRAPH_FILE = new URL('../gateway/supergraph.graphql', import.meta.url);
// kustomize reads only below k8s/, so the manifests keep a copy (k8s/k8s.spec.ts checks they are equal).
export const K8S_SUPERGRAPH_FILE = new URL('../k8s/base/supergraph.graphql', import.meta.url);

/** Composes `{ name, url, sdl }` subgraphs; throws with every composition error. */
export function composeSupergraph(subgraphs) {
  const result = composeServices(subgraphs.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) })));
  if (result.errors) throw new Error(`The subgraphs do not compose:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}`);
  return `${result.supergraphSdl.trim()}\n`;
}

/**
 * The Redress subgraphs exactly as each service serves them (its typeDefs with the shared header and
 * base types of @redress/graphql), at the default URLs; the gateway routes by name to its configured URLs.
 * `from`: 'src' under Jest (TypeScript sources), 'dist' from the command line (after `npm run build`).
 */
export async function redressSubgraphs(from = 'dist') {
  const [{ SERVICES }, { loadConfig }, { subgraphSdl }] = await Promise.all([
    import('@redress/contracts'), import('@redress/config'), import('@redress/graphql'),
  ]);
  const urls = loadConfig({}).subgraphUrls;
  return Promise.all(SERVICES.map(async (name) => {
    const schema = await import(`../services/${name}/${from}/graphql/schema.graphql.js`);
    const typeDefs = schema[`${name}TypeDefs`];
    return { name, url: urls[name], typeDefs, sdl: subgraphSdl(typeDefs) };
  }));
}

async function main() {
  const supergraph = composeSupergraph(await redressSubgraphs('dist'));
  const current = await readFile(SUPERGRAPH_FILE, 'utf8').catch(() => '');
  if (process.argv.includes('--check')) {
    process.stdout.write(current === supergraph ? 'gateway/supergraph.graphql is current\n' : 'gateway/supergraph.graphql is stale: run npm run compose:supergraph\n');
    process.exit(current === supergraph ? 0 : 1);
  }
  await writeFile(SUPERGRAPH_FILE, supergraph);
  await writeFile(K8S_SUPERGRAPH_FILE, supergraph);
  process.stdout.write(`gateway/supergraph.graphql ${current === supergraph ? 'unchanged' : 'written'}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  });
}
