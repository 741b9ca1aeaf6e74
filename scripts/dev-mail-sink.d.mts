import type { SMTPServer } from 'smtp-server';

/** The SMTP server `npm start` runs when none listens: it writes each message as an `.eml` file. */
export declare function startDevMailSink(options: { port: number; directory: string; log?: (line: string) => void }): Promise<SMTPServer>;
