import { loadConfig } from '@redress/config';
import { openDataSource } from '@redress/persistence';
import { prepareReportingDatabase } from '../persistence/reporting-database.js';
import { reportingPersistence } from '../persistence/reporting-persistence.js';
import { vacuumReadModels } from '../persistence/vacuum-read-models.js';
import { rebuildReadModels } from '../rebuild/rebuild-read-models.js';
import { ProgressBar } from './progress-bar.js';

/** `npm run reporting:rebuild`: the read models again from the event store, as the service's own login. */
export async function rebuildCommand(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const ownerConfig = loadConfig(env);
  const config = await prepareReportingDatabase(ownerConfig);
  const dataSource = await openDataSource(config, reportingPersistence);
  const bar = new ProgressBar('complaints');
  const started = Date.now();
  try {
    const result = await rebuildReadModels(dataSource, ({ complaints, total }) => bar.update(complaints, total));
    await vacuumReadModels(ownerConfig);
    bar.finish(`rebuilt the read models of ${result.complaints.toLocaleString('en-US')} complaints in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await dataSource.destroy();
  }
}
