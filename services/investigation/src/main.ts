import { startService } from '@redress/runtime';
import { InvestigationModule } from './investigation.module.js';

await startService('investigation', (config) => InvestigationModule.forRoot(config));
