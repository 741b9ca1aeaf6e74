// A local SMTP server for development: every email the system sends is written to tmp/mail/*.eml
// and announced on the console, so a newcomer sees the acknowledgements without a mail server.
import { SMTPServer } from 'smtp-server';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function startDevMailSink({ port, directory, log = console.log }) {
  mkdirSync(directory, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        count += 1;
        const file = join(directory, `${Date.now()}-${count}.eml`);
        writeFileSync(file, raw);
        const subject = /^Subject: (.*)$/m.exec(raw)?.[1] ?? '(no subject)';
        const to = session.envelope.rcptTo.map((r) => r.address).join(', ');
        log(`mail to ${to}: "${subject}" → ${file}`);
        callback();
      });
    },
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      // A sender that resets mid-message (a service stopped while sending) must not stop the sink.
      server.on('error', (error) => log(`mail sink: ${error.message}`));
      resolve(server);
    });
  });
}
