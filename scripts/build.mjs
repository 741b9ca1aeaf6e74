// Builds every library, service and the gateway with swc (each `src` → its `dist`), in one process.
// Type-checking is separate (`npm run typecheck`): swc only strips types.
import { readdirSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { transformFile } from '@swc/core';
import { mkdir, writeFile, readFile, readdir, stat } from 'node:fs/promises';

const root = new URL('..', import.meta.url).pathname;
const swcrc = JSON.parse(await readFile(join(root, '.swcrc'), 'utf8'));
delete swcrc.$schema;

// `node scripts/build.mjs libs/config services/intake` builds only those.
const projects = [
  ...readdirSync(join(root, 'libs')).map((name) => join('libs', name)),
  ...readdirSync(join(root, 'services')).map((name) => join('services', name)),
  'gateway',
].filter((dir) => existsSync(join(root, dir, 'src')))
  .filter((dir) => process.argv.length <= 2 || process.argv.slice(2).includes(dir));

async function* sources(dir) {
  for (const entry of await readdir(dir)) {
    const path = join(dir, entry);
    if ((await stat(path)).isDirectory()) yield* sources(path);
    else if (path.endsWith('.ts') && !path.endsWith('.spec.ts') && !path.endsWith('.d.ts')) yield path;
  }
}

async function buildProject(dir) {
  const src = join(root, dir, 'src');
  const dist = join(root, dir, 'dist');
  rmSync(dist, { recursive: true, force: true });
  let count = 0;
  for await (const file of sources(src)) {
    const out = join(dist, file.slice(src.length)).replace(/\.ts$/, '.js');
    const { code, map } = await transformFile(file, { ...swcrc, swcrc: false, sourceMaps: true, sourceFileName: file, outputPath: out });
    await mkdir(join(out, '..'), { recursive: true });
    await writeFile(out, `${code}\n//# sourceMappingURL=${out.split('/').pop()}.map\n`);
    if (map) await writeFile(`${out}.map`, map);
    count += 1;
  }
  return count;
}

const started = Date.now();
const counts = await Promise.all(projects.map(buildProject));
console.log(`built ${projects.length} projects (${counts.reduce((a, b) => a + b, 0)} files) in ${Date.now() - started} ms`);
