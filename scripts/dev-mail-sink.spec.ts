import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { SMTPServer } from 'smtp-server';
import { startDevMailSink } from './dev-mail-sink.mjs';

describe('the development mail sink of npm start', () => {
  let sink: SMTPServer;
  let directory: string;
  const lines: string[] = [];

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'redress-mail-sink-'));
    sink = await startDevMailSink({ port: 0, directory, log: (line) => lines.push(line) });
  });
  afterAll(() => new Promise<void>((resolve) => sink.close(() => resolve())));

  it('keeps accepting mail after senders reset their connections in the middle of a message (smtp-server reports it as an error event)', async () => {
    const port = (sink.server.address() as AddressInfo).port;
    // Senders killed mid-message: each connection is reset after DATA began.
    for (let sender = 0; sender < 3; sender += 1) await resetMidMessage(port);

    const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
    await transport.sendMail({ from: 'a@example.com', to: 'c@example.com', subject: 'after the reset', text: 'whole' });
    transport.close();

    const files = readdirSync(directory).filter((file) => file.endsWith('.eml'));
    expect(files).toHaveLength(1);
    expect(readFileSync(join(directory, files[0]), 'utf8')).toContain('Subject: after the reset');
    expect(lines.some((line) => line.includes('mail to c@example.com'))).toBe(true);
  });
});

async function resetMidMessage(port: number): Promise<void> {
  const socket = await new Promise<Socket>((resolve) => { const s = connect(port, '127.0.0.1', () => resolve(s)); });
  socket.on('error', () => undefined);
  const reply = () => new Promise<string>((resolve) => socket.once('data', (chunk) => resolve(chunk.toString())));
  await reply(); // greeting
  for (const command of ['EHLO sender', 'MAIL FROM:<a@example.com>', 'RCPT TO:<b@example.com>', 'DATA']) {
    const answer = reply();
    socket.write(`${command}\r\n`);
    await answer;
  }
  socket.write('Subject: cut off\r\n\r\nhalf a');
  await new Promise((r) => setTimeout(r, 50));
  socket.resetAndDestroy();
  await new Promise((r) => setTimeout(r, 100));
}
