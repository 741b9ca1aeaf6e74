// Structural checks of the custom resources we ship (KEDA, Prometheus Operator): kubernetes-models
// has no schemas for them, so the fields their CRDs require, and the types they take, are checked here.
import type { K8sObject } from './kustomize.js';

type Check = (spec: Record<string, unknown>) => string[];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown) => typeof value === 'string' && value.length > 0;
const DURATION = /^(\d+(ms|s|m|h|d|w|y))+$/;

/** Fields outside `allowed` (a typo the API server would drop silently for a CRD without pruning). */
const unknownFields = (where: string, value: Record<string, unknown>, allowed: string[]) =>
  Object.keys(value).filter((key) => !allowed.includes(key)).map((key) => `${where}.${key} is not a field`);

const listOf = (where: string, value: unknown, check: (item: Record<string, unknown>, at: string) => string[]) =>
  Array.isArray(value) && value.length > 0
    ? value.flatMap((item, i) => (isRecord(item) ? check(item, `${where}[${i}]`) : [`${where}[${i}] is not an object`]))
    : [`${where} must be a non-empty list`];

const scaledObject: Check = (spec) => [
  ...unknownFields('spec', spec, ['scaleTargetRef', 'minReplicaCount', 'maxReplicaCount', 'pollingInterval', 'cooldownPeriod', 'idleReplicaCount', 'advanced', 'fallback', 'triggers']),
  ...(isRecord(spec.scaleTargetRef) && isText(spec.scaleTargetRef.name) ? [] : ['spec.scaleTargetRef.name is required']),
  ...['minReplicaCount', 'maxReplicaCount', 'pollingInterval', 'cooldownPeriod']
    .filter((key) => spec[key] !== undefined && !Number.isInteger(spec[key]))
    .map((key) => `spec.${key} must be an integer`),
  ...(Number(spec.minReplicaCount ?? 0) <= Number(spec.maxReplicaCount ?? 100) ? [] : ['minReplicaCount > maxReplicaCount']),
  ...listOf('spec.triggers', spec.triggers, (trigger, at) => [
    ...unknownFields(at, trigger, ['type', 'name', 'metadata', 'metricType', 'authenticationRef', 'useCachedMetrics']),
    ...(isText(trigger.type) ? [] : [`${at}.type is required`]),
    ...(isRecord(trigger.metadata) && Object.values(trigger.metadata).every((v) => typeof v === 'string')
      ? [] : [`${at}.metadata must map names to strings`]),
    ...(trigger.metricType === undefined || ['AverageValue', 'Value', 'Utilization'].includes(trigger.metricType as string) ? [] : [`${at}.metricType is invalid`]),
    ...(trigger.authenticationRef === undefined || (isRecord(trigger.authenticationRef) && isText(trigger.authenticationRef.name))
      ? [] : [`${at}.authenticationRef.name is required`]),
  ]),
];

const triggerAuthentication: Check = (spec) => [
  ...unknownFields('spec', spec, ['secretTargetRef', 'env', 'hashiCorpVault', 'podIdentity']),
  ...listOf('spec.secretTargetRef', spec.secretTargetRef, (ref, at) =>
    ['parameter', 'name', 'key'].filter((key) => !isText(ref[key])).map((key) => `${at}.${key} is required`)),
];

const podMonitor: Check = (spec) => [
  ...unknownFields('spec', spec, ['selector', 'namespaceSelector', 'podMetricsEndpoints', 'jobLabel', 'podTargetLabels']),
  ...(isRecord(spec.selector) ? [] : ['spec.selector is required']),
  ...listOf('spec.podMetricsEndpoints', spec.podMetricsEndpoints, (endpoint, at) => [
    ...unknownFields(at, endpoint, ['port', 'path', 'interval', 'scrapeTimeout', 'relabelings', 'metricRelabelings', 'honorLabels']),
    ...(isText(endpoint.port) ? [] : [`${at}.port (a container port name) is required`]),
    ...['interval', 'scrapeTimeout'].filter((key) => endpoint[key] !== undefined && !DURATION.test(String(endpoint[key]))).map((key) => `${at}.${key} is not a duration`),
  ]),
];

const prometheusRule: Check = (spec) => [
  ...unknownFields('spec', spec, ['groups']),
  ...listOf('spec.groups', spec.groups, (group, at) => [
    ...(isText(group.name) ? [] : [`${at}.name is required`]),
    ...listOf(`${at}.rules`, group.rules, (rule, ruleAt) => [
      ...unknownFields(ruleAt, rule, ['alert', 'record', 'expr', 'for', 'labels', 'annotations']),
      ...(isText(rule.alert) !== isText(rule.record) ? [] : [`${ruleAt} needs exactly one of alert or record`]),
      ...(isText(rule.expr) ? [] : [`${ruleAt}.expr is required`]),
      ...(rule.for === undefined || DURATION.test(String(rule.for)) ? [] : [`${ruleAt}.for is not a duration`]),
      ...['labels', 'annotations'].filter((key) => rule[key] !== undefined && !(isRecord(rule[key]) && Object.values(rule[key]).every((v) => typeof v === 'string')))
        .map((key) => `${ruleAt}.${key} must map names to strings`),
    ]),
  ]),
];

const CHECKS: Record<string, Check> = {
  'keda.sh/v1alpha1/ScaledObject': scaledObject,
  'keda.sh/v1alpha1/TriggerAuthentication': triggerAuthentication,
  'monitoring.coreos.com/v1/PodMonitor': podMonitor,
  'monitoring.coreos.com/v1/PrometheusRule': prometheusRule,
};

/** The structural problems of a custom resource, or null when this is not a kind checked here. */
export function customResourceProblems(object: K8sObject): string[] | null {
  const check = CHECKS[`${object.apiVersion}/${object.kind}`];
  if (!check) return null;
  const spec = object.spec;
  return isRecord(spec) ? check(spec) : ['spec is required'];
}
