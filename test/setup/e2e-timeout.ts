import { jest } from '@jest/globals';

// End-to-end specs boot the whole system and wait for emails and events.
jest.setTimeout(240_000);
