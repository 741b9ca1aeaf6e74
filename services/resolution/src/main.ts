import { startService } from '@redress/runtime';
import { ResolutionModule } from './resolution.module.js';

await startService('resolution', (config) => ResolutionModule.forRoot(config));
