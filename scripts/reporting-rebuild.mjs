#!/usr/bin/env node
// Rebuilds reporting's read models (complaint facts, closures, daily rollups) from its event store,
// with a progress bar. The service may keep running: live events are applied beside the rebuild.
// Usage: npm run reporting:rebuild   (the same environment variables as the service)
import { rebuildCommand } from '../services/reporting/dist/cli/rebuild.command.js';

try {
  await rebuildCommand();
} catch (error) {
  process.stderr.write(`reporting:rebuild failed: ${error.message}\n`);
  process.exit(1);
}
