import { startService } from '@redress/runtime';
import { NotificationModule } from './notification.module.js';

await startService('notification', (config) => NotificationModule.forRoot(config));
