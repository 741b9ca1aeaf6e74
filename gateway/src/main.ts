import { ConfigError } from '@redress/config';
import { JsonLogger, labelMetrics, startTracing, stopTracing } from '@redress/observability';
import { loadGatewayConfig, type GatewayConfig } from './config/gateway-config.js';
import { startGateway } from './gateway-server.js';

function configOrExit(): GatewayConfig {
  try {
    return loadGatewayConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`gateway: ${error.message}\n`);
    process.exit(1);
  }
}

const config = configOrExit();
const logger = new JsonLogger('gateway', config.logLevel);
labelMetrics('gateway');
startTracing('gateway', config.tracing, logger);
const gateway = await startGateway(config, logger).catch((error: Error) => {
  logger.error({ msg: `gateway could not start: ${error.message}` });
  process.exit(1);
});
logger.log({ msg: 'gateway listening', port: gateway.port });

let shuttingDown = false;
gateway.ready.catch((error: Error) => {
  if (shuttingDown) return;
  logger.error({ msg: `gateway could not load a supergraph: ${error.message}` });
  process.exit(1);
});

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.log({ msg: `gateway stopping (${signal})` });
    gateway.stop().then(stopTracing).then(
      () => process.exit(0),
      (error: Error) => {
        logger.error({ msg: `gateway did not stop cleanly: ${error.message}` });
        process.exit(1);
      },
    );
  });
}
