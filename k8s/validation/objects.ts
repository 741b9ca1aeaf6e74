// Typed views of rendered objects, for the assertions an operator relies on.
import type { K8sObject } from './kustomize.js';

export interface Probe { httpGet?: { path: string; port: string | number } }
export interface Container {
  name: string;
  image: string;
  command?: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: { name: string; value?: string }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  startupProbe?: Probe;
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: {
    allowPrivilegeEscalation?: boolean;
    readOnlyRootFilesystem?: boolean;
    runAsNonRoot?: boolean;
    capabilities?: { drop?: string[] };
  };
  volumeMounts?: { name: string; mountPath: string }[];
}
export interface PodSpec {
  serviceAccountName?: string;
  automountServiceAccountToken?: boolean;
  terminationGracePeriodSeconds?: number;
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number; seccompProfile?: { type: string } };
  topologySpreadConstraints?: { maxSkew: number; topologyKey: string; whenUnsatisfiable: string; labelSelector?: { matchLabels?: Record<string, string> } }[];
  restartPolicy?: string;
  containers: Container[];
  volumes?: { name: string; emptyDir?: object; configMap?: { name: string } }[];
}
export interface Deployment extends K8sObject {
  spec: { replicas?: number; selector: { matchLabels: Record<string, string> }; template: { metadata: { labels: Record<string, string> }; spec: PodSpec } };
}
export interface Job extends K8sObject {
  spec: { backoffLimit?: number; template: { metadata: { labels: Record<string, string> }; spec: PodSpec } };
}
export interface Service extends K8sObject {
  spec: { selector: Record<string, string>; ports: { name?: string; port: number; targetPort?: string | number }[] };
}
export interface IngressPath { path: string; pathType: string; backend: { service?: { name: string; port?: { name?: string; number?: number } } } }
export interface Ingress extends K8sObject {
  spec: { ingressClassName?: string; tls?: { hosts?: string[]; secretName?: string }[]; rules: { host?: string; http: { paths: IngressPath[] } }[] };
}
export interface NetworkPolicyPeer { podSelector?: { matchLabels?: Record<string, string> }; namespaceSelector?: { matchLabels?: Record<string, string> } }
export interface NetworkPolicyRule {
  from?: NetworkPolicyPeer[];
  to?: NetworkPolicyPeer[];
  ports?: { protocol?: string; port?: number; endPort?: number }[];
}
export interface NetworkPolicy extends K8sObject {
  spec: { podSelector: { matchLabels?: Record<string, string> }; policyTypes: string[]; ingress?: NetworkPolicyRule[]; egress?: NetworkPolicyRule[] };
}

export interface ScaledObject extends K8sObject {
  spec: {
    scaleTargetRef: { name: string; kind?: string };
    minReplicaCount?: number;
    maxReplicaCount?: number;
    triggers: { type: string; metadata: Record<string, string>; metricType?: string; authenticationRef?: { name: string } }[];
  };
}
export interface TriggerAuthentication extends K8sObject {
  spec: { secretTargetRef: { parameter: string; name: string; key: string }[] };
}
export interface HorizontalPodAutoscaler extends K8sObject {
  spec: { scaleTargetRef: { kind: string; name: string }; minReplicas?: number; maxReplicas: number; metrics?: { type: string; resource?: { name: string } }[] };
}

export const ofKind = <T extends K8sObject>(objects: K8sObject[], kind: string) => objects.filter((o) => o.kind === kind) as T[];
export const named = <T extends K8sObject>(objects: K8sObject[], kind: string, name: string) => ofKind<T>(objects, kind).find((o) => o.metadata.name === name);

/** Whether a label selector (matchLabels only) selects these labels; an empty selector selects all. */
export const selects = (selector: Record<string, string> | undefined, labels: Record<string, string>) =>
  Object.entries(selector ?? {}).every(([key, value]) => labels[key] === value);

/** The environment a container starts with: envFrom ConfigMaps and Secrets, then `env`. */
export function environmentOf(container: Container, objects: K8sObject[], missingSecret: (name: string) => Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    if (source.configMapRef) {
      const map = named(objects, 'ConfigMap', source.configMapRef.name);
      if (!map) throw new Error(`ConfigMap ${source.configMapRef.name} is not rendered`);
      Object.assign(env, map.data);
    }
    if (source.secretRef) {
      const secret = named(objects, 'Secret', source.secretRef.name);
      const data = secret ? Object.entries(secret.data as Record<string, string>).map(([k, v]) => [k, Buffer.from(v, 'base64').toString()]) : null;
      Object.assign(env, data ? Object.fromEntries(data) : missingSecret(source.secretRef.name));
    }
  }
  for (const variable of container.env ?? []) if (variable.value !== undefined) env[variable.name] = variable.value;
  return env;
}

/** Whether a policy rule lets TCP traffic through to `port` (a rule without ports allows every port). */
export const allowsPort = (rule: NetworkPolicyRule, port: number) =>
  !rule.ports?.length || rule.ports.some((p) => (p.protocol ?? 'TCP') === 'TCP' && p.port !== undefined && port >= p.port && port <= (p.endPort ?? p.port));
