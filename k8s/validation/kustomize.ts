// A small renderer for the part of kustomize that k8s/ uses, so the manifests can be checked on a
// machine without `kubectl`. Where kubectl exists, k8s.spec.ts proves both render the same objects.
// It refuses any kustomization field it does not implement rather than render something else.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; [key: string]: unknown };
  [key: string]: unknown;
}

interface Generator { name: string; behavior?: 'create' | 'merge'; literals?: string[]; files?: string[]; options?: { labels?: Record<string, string> } }
interface Kustomization {
  resources?: string[];
  components?: string[];
  namespace?: string;
  configMapGenerator?: Generator[];
  secretGenerator?: Generator[];
  images?: { name: string; newName?: string; newTag?: string }[];
  replicas?: { name: string; count: number }[];
}

const SUPPORTED = new Set(['apiVersion', 'kind', 'resources', 'components', 'namespace', 'configMapGenerator', 'secretGenerator', 'images', 'replicas']);
const generated = new WeakSet<K8sObject>();

/** Renders a kustomization folder to its objects, with kustomize's name hashes for generated ones. */
export function renderKustomization(dir: string): K8sObject[] {
  const objects = accumulate(dir);
  return nameGeneratedObjects(objects);
}

function accumulate(dir: string): K8sObject[] {
  const k = parse(readFileSync(join(dir, 'kustomization.yaml'), 'utf8')) as Kustomization;
  const unsupported = Object.keys(k).filter((key) => !SUPPORTED.has(key));
  if (unsupported.length) throw new Error(`${dir}/kustomization.yaml: the offline renderer does not support ${unsupported.join(', ')}`);
  const objects = (k.resources ?? []).flatMap((entry) => readResource(join(dir, entry)));
  for (const component of k.components ?? []) objects.push(...accumulate(join(dir, component)));
  for (const g of k.configMapGenerator ?? []) generate(objects, 'ConfigMap', g, readEntries(dir, g));
  for (const g of k.secretGenerator ?? []) {
    const entries = Object.fromEntries(Object.entries(readEntries(dir, g)).map(([key, v]) => [key, Buffer.from(v).toString('base64')]));
    generate(objects, 'Secret', g, entries);
  }
  for (const object of objects) transform(object, k);
  return objects;
}

function readResource(path: string): K8sObject[] {
  if (statSync(path).isDirectory()) return accumulate(path);
  return parseAllDocuments(readFileSync(path, 'utf8')).map((doc) => doc.toJS() as K8sObject).filter(Boolean);
}

function readEntries(dir: string, g: Generator): Record<string, string> {
  const literals = (g.literals ?? []).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]);
  const files = (g.files ?? []).map((f) => [basename(f), readFileSync(join(dir, f), 'utf8')]);
  return Object.fromEntries([...literals, ...files]);
}

function generate(objects: K8sObject[], kind: 'ConfigMap' | 'Secret', g: Generator, data: Record<string, string>): void {
  if (g.behavior === 'merge') {
    const base = objects.find((o) => o.kind === kind && o.metadata.name === g.name && generated.has(o));
    if (!base) throw new Error(`${kind} ${g.name}: nothing to merge into`);
    base.data = { ...(base.data as Record<string, string>), ...data };
    return;
  }
  const unsupported = Object.keys(g.options ?? {}).filter((key) => key !== 'labels');
  if (unsupported.length) throw new Error(`${kind} ${g.name}: the offline renderer does not support options ${unsupported.join(', ')}`);
  const metadata = { name: g.name, ...(g.options?.labels && { labels: { ...g.options.labels } }) };
  const object: K8sObject = { apiVersion: 'v1', kind, metadata, data, ...(kind === 'Secret' && { type: 'Opaque' }) };
  generated.add(object);
  objects.push(object);
}

function transform(object: K8sObject, k: Kustomization): void {
  if (k.namespace && object.kind !== 'Namespace') object.metadata.namespace = k.namespace;
  const spec = object.spec as { replicas?: number; template?: { spec: { containers: { image: string }[] } } } | undefined;
  const replicas = k.replicas?.find((r) => r.name === object.metadata.name);
  if (replicas && object.kind === 'Deployment' && spec) spec.replicas = replicas.count;
  for (const container of spec?.template?.spec.containers ?? []) {
    const [name, tag] = container.image.split(':');
    const image = k.images?.find((i) => i.name === name);
    const newTag = image?.newTag ?? tag;
    if (image) container.image = `${image.newName ?? name}${newTag ? `:${newTag}` : ''}`;
  }
}

/** kustomize's suffix: sha256 of Go's JSON encoding of {data, kind, name: "", type}, first 10 hex digits, re-lettered. */
export function kustomizeHash(object: K8sObject): string {
  const fields = { data: sortKeys(object.data as Record<string, string>), kind: object.kind, name: '', ...(object.kind === 'Secret' && { type: object.type }) };
  const goJson = JSON.stringify(fields).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const hex = createHash('sha256').update(goJson).digest('hex').slice(0, 10);
  return hex.replace(/[013ae]/g, (c) => ({ '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' })[c as '0']);
}

const sortKeys = (record: Record<string, string>) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)));

function nameGeneratedObjects(objects: K8sObject[]): K8sObject[] {
  const renamed = new Map<string, string>();
  for (const object of objects.filter((o) => generated.has(o))) {
    const name = `${object.metadata.name}-${kustomizeHash(object)}`;
    renamed.set(`${object.kind}/${object.metadata.name}`, name);
    object.metadata.name = name;
  }
  const rename = (kind: string, name: string) => renamed.get(`${kind}/${name}`) ?? name;
  for (const object of objects.filter((o) => o.kind === 'Deployment' || o.kind === 'Job')) {
    const pod = (object.spec as { template: { spec: PodSpec } }).template.spec;
    for (const container of pod.containers) {
      for (const source of container.envFrom ?? []) {
        if (source.configMapRef) source.configMapRef.name = rename('ConfigMap', source.configMapRef.name);
        if (source.secretRef) source.secretRef.name = rename('Secret', source.secretRef.name);
      }
    }
    for (const volume of pod.volumes ?? []) if (volume.configMap) volume.configMap.name = rename('ConfigMap', volume.configMap.name);
  }
  return objects;
}

interface PodSpec {
  containers: { envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[] }[];
  volumes?: { configMap?: { name: string } }[];
}
