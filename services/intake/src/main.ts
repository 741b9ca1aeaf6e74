import { startService } from '@redress/runtime';
import { IntakeModule } from './intake.module.js';

await startService('intake', (config) => IntakeModule.forRoot(config));
