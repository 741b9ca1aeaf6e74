import { ConfigError } from '@redress/config';
import { loadGatewayConfig } from './gateway-config.js';

describe('loadGatewayConfig', () => {
  it('composes the five subgraphs from their URLs by default', () => {
    const config = loadGatewayConfig({ INTAKE_URL: 'http://intake:4001/graphql' });
    expect(config.subgraphs.map((s) => s.name)).toEqual(['intake', 'investigation', 'resolution', 'notification', 'reporting']);
    expect(config.subgraphs[0].url).toBe('http://intake:4001/graphql');
    expect(config.supergraphPath).toBeUndefined();
    expect(config.supergraphPollIntervalMs).toBe(10_000);
  });

  it('refuses the development secrets in production, naming every problem at once', () => {
    expect(() => loadGatewayConfig({ NODE_ENV: 'production', SUPERGRAPH_PATH: '/nowhere/supergraph.graphql' })).toThrow(ConfigError);
    try {
      loadGatewayConfig({ NODE_ENV: 'production', SUPERGRAPH_PATH: '/nowhere/supergraph.graphql' });
    } catch (error) {
      expect((error as ConfigError).problems).toEqual(expect.arrayContaining([
        expect.stringContaining('JWT_SECRET must be set in production'),
        expect.stringContaining('INTERNAL_SECRET must be set in production'),
        'SUPERGRAPH_PATH="/nowhere/supergraph.graphql" does not exist',
      ]));
    }
  });

  it('reads a static supergraph path and a poll interval', () => {
    const config = loadGatewayConfig({ SUPERGRAPH_PATH: new URL('../../supergraph.graphql', import.meta.url).pathname, SUPERGRAPH_POLL_INTERVAL_MS: '0' });
    expect(config.supergraphPath).toMatch(/gateway\/supergraph\.graphql$/);
    expect(config.supergraphPollIntervalMs).toBe(0);
    expect(() => loadGatewayConfig({ SUPERGRAPH_POLL_INTERVAL_MS: 'often' })).toThrow(/SUPERGRAPH_POLL_INTERVAL_MS/);
  });
});
