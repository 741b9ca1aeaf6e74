import { ConfigError, DEV_SECRETS, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('applies the SPEC §7 defaults', () => {
    const config = loadConfig({});
    expect(config.gatewayPort).toBe(4000);
    expect(config.slaAckHours).toBe(24);
    expect(config.slaResolutionHours).toEqual({ CRITICAL: 48, HIGH: 120, MEDIUM: 240, LOW: 360 });
    expect(config.followUpDelayHours).toBe(72);
    expect(config.resolutionApprovalLimit).toBe(500);
    expect(config.mailFrom).toBe('complaints@redress.local');
    expect(config.subgraphUrls.intake).toBe('http://localhost:4001/graphql');
  });

  it('accepts decimal SLA hours', () => {
    expect(loadConfig({ SLA_ACK_HOURS: '0.5' }).slaAckHours).toBe(0.5);
  });

  it('names every bad variable at once', () => {
    try {
      loadConfig({ SLA_ACK_HOURS: 'soon', GATEWAY_PORT: '70000', SLA_RESOLUTION_HOURS: 'CRITICAL=48' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toContain('SLA_ACK_HOURS="soon"');
      expect(message).toContain('GATEWAY_PORT=70000');
      expect(message).toContain('SLA_RESOLUTION_HOURS is missing LOW, MEDIUM, HIGH');
    }
  });

  it('refuses the development secrets and short secrets in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET must be set in production/);
    const strong = 'x'.repeat(40);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'short', INTERNAL_SECRET: strong, LINK_SECRET: strong })).toThrow(
      /JWT_SECRET must be at least 32 bytes/,
    );
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: strong, INTERNAL_SECRET: strong, LINK_SECRET: strong }).production).toBe(true);
  });

  it('runs reporting as its own login on the same server unless REPORTING_DATABASE_URL says otherwise', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://owner:secret@db.internal:5433' }).reportingDatabaseUrl).toBe('postgres://redress_reporting_app:secret@db.internal:5433');
    expect(loadConfig({ REPORTING_DATABASE_URL: 'postgres://reporter:pw@db:5432' }).reportingDatabaseUrl).toBe('postgres://reporter:pw@db:5432');
    expect(() => loadConfig({ REPORTING_DATABASE_URL: 'not a url' })).toThrow(/REPORTING_DATABASE_URL/);
  });

  it('leaves tracing off unless an OTLP endpoint is set, and finds the traces URL as OpenTelemetry does', () => {
    expect(loadConfig({}).tracing).toEqual({ tracesUrl: undefined, serviceName: undefined, batchDelayMs: 5000, sampleRatio: 1 });
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }).tracing.tracesUrl).toBe('http://collector:4318/v1/traces');
    const own = loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://tempo.example.com/otlp/traces' });
    expect(own.tracing.tracesUrl).toBe('https://tempo.example.com/otlp/traces');
    expect(loadConfig({ OTEL_SERVICE_NAME: 'intake-eu', OTEL_BSP_SCHEDULE_DELAY: '200', OTEL_TRACES_SAMPLER_ARG: '0.1' }).tracing).toMatchObject({
      serviceName: 'intake-eu', batchDelayMs: 200, sampleRatio: 0.1,
    });
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector' })).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT="collector" is not a URL/);
    expect(() => loadConfig({ OTEL_TRACES_SAMPLER_ARG: '2' })).toThrow(/OTEL_TRACES_SAMPLER_ARG=2 must be between 0 and 1/);
  });

  it('keeps the dev secrets outside production', () => {
    expect(loadConfig({}).jwtSecret).toBe(DEV_SECRETS.JWT_SECRET);
  });
});
