import { readFileSync } from 'node:fs';
import { GATEWAY_NODE_FLAGS } from './gateway-node-flags.mjs';

describe('the gateway runs with the same V8 flags everywhere', () => {
  const expected = GATEWAY_NODE_FLAGS.join(' ');

  it('in the Kubernetes Deployment', () => {
    const manifest = readFileSync(new URL('../k8s/base/gateway.yaml', import.meta.url), 'utf8');
    expect(manifest).toMatch(new RegExp(`- name: NODE_OPTIONS\\s+value: ${expected}\\s`));
  });

  it('in docker-compose.yml', () => {
    const compose = readFileSync(new URL('../docker-compose.yml', import.meta.url), 'utf8');
    const gateway = compose.slice(compose.indexOf('\n  gateway:'));
    expect(gateway).toContain(`NODE_OPTIONS: ${expected}`);
  });
});
