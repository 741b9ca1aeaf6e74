import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Injectable, type DynamicModule, type INestApplication, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigError, loadConfig, type RedressConfig } from '@redress/config';
import type { ServiceName } from '@redress/contracts';
import { RabbitEventsServer } from '@redress/messaging';
import { JsonLogger, httpTelemetry, labelMetrics, startTracing, stopTracing } from '@redress/observability';

const KNOWN_ROUTES = ['/graphql', '/health/live', '/health/ready', '/metrics'];

/** Exports the spans still buffered when the application shuts down. */
@Injectable()
class TracingShutdown implements OnApplicationShutdown {
  onApplicationShutdown(): Promise<void> {
    return stopTracing();
  }
}

/**
 * Boots one service process: validated configuration, JSON logs, traces (when an OTLP endpoint is set),
 * the HTTP server (GraphQL + health) and the RabbitMQ consumer, with graceful shutdown on SIGTERM.
 */
export async function startService(service: ServiceName, moduleFor: (config: RedressConfig) => DynamicModule): Promise<INestApplication | never> {
  const config = loadConfigOrExit(service);
  const logger = new JsonLogger(service, config.logLevel);
  if (process.argv.includes('--migrate')) return migrateAndExit(service, moduleFor(config), logger);
  try {
    labelMetrics(service);
    startTracing(service, config.tracing, logger);
    const root = moduleFor(config);
    const app = await NestFactory.create({ ...root, providers: [...(root.providers ?? []), TracingShutdown] }, { logger, abortOnError: false });
    app.use(httpTelemetry(KNOWN_ROUTES));
    app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
    app.connectMicroservice({ strategy: app.get(RabbitEventsServer) }, { inheritAppConfig: true });
    await app.startAllMicroservices();
    await app.listen(config.servicePorts[service], '0.0.0.0');
    logger.log({ msg: `${service} ready to serve`, port: config.servicePorts[service] });
    return app;
  } catch (error) {
    logger.error({ msg: `${service} could not start: ${(error as Error).message}` });
    process.exit(1);
  }
}

/**
 * `node dist/main.js --migrate` (a Kubernetes Job before a rollout): creates the database if missing,
 * runs the migrations under the advisory lock, and exits without serving.
 */
async function migrateAndExit(service: ServiceName, module: DynamicModule, logger: JsonLogger): Promise<never> {
  try {
    const context = await NestFactory.createApplicationContext(module, { logger, abortOnError: false });
    await context.close();
    logger.log({ msg: `${service} database migrated` });
    process.exit(0);
  } catch (error) {
    logger.error({ msg: `${service} migration failed: ${(error as Error).message}` });
    process.exit(1);
  }
}

function loadConfigOrExit(service: string): RedressConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${service}: ${error.message}\n`);
    process.exit(1);
  }
}
