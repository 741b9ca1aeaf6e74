/**
 * The V8 flags the gateway runs with. A larger young generation lets the many short-lived objects of
 * each request die young instead of being promoted, so full collections of the heap that holds the
 * supergraph and the plan caches come less often (docs/performance.md, P7). Deployments set the same
 * as NODE_OPTIONS (k8s/base/gateway.yaml, docker-compose.yml); a spec keeps them in step.
 */
export const GATEWAY_NODE_FLAGS = ['--max-semi-space-size=32'];
