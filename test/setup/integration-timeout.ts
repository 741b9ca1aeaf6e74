import { jest } from '@jest/globals';

// Per-project testTimeout is not honoured inside `projects`; integration specs talk to real servers.
jest.setTimeout(60_000);
