import { startService } from '@redress/runtime';
import { ReportingModule } from './reporting.module.js';

await startService('reporting', (config) => ReportingModule.forRoot(config));
