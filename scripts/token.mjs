#!/usr/bin/env node
// Prints a development staff token (HS256, JWT_SECRET or its development default, valid 12 h):
//   npm run token -- --role MANAGER [--role QA] [--sub alice] [--name "Alice Agent"] [--email alice@redress.local]
// Plain .mjs so that it works straight after `npm install`, before anything is built.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SignJWT } from 'jose';

const ROLES = ['AGENT', 'INVESTIGATOR', 'MANAGER', 'QA', 'ADMIN'];
const devSecrets = JSON.parse(readFileSync(new URL('../libs/config/dev-secrets.json', import.meta.url), 'utf8'));

function fail(message) {
  process.stderr.write(`${message}\nusage: npm run token -- --role <${ROLES.join('|')}> [--role …] [--sub id] [--name "Full Name"] [--email address]\n`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true, default: [] },
      sub: { type: 'string' },
      name: { type: 'string' },
      email: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (error) {
  fail(error.message);
}
if (values.help) fail('Prints a development staff token.');

const roles = values.role.map((role) => role.toUpperCase());
const unknown = roles.filter((role) => !ROLES.includes(role));
if (unknown.length) fail(`unknown role ${unknown.join(', ')}`);
if (!roles.length) fail('at least one --role is required');

const sub = values.sub ?? `dev-${roles[0].toLowerCase()}`;
const secret = process.env.JWT_SECRET?.trim() || devSecrets.JWT_SECRET;
const token = await new SignJWT({
  roles,
  name: values.name ?? `Dev ${roles.map((role) => role[0] + role.slice(1).toLowerCase()).join(' ')}`,
  email: values.email ?? `${sub}@redress.local`,
})
  .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
  .setSubject(sub)
  .setIssuedAt()
  .setExpirationTime('12h')
  .setIssuer(process.env.JWT_ISSUER?.trim() || 'redress-dev')
  .setAudience(process.env.JWT_AUDIENCE?.trim() || 'redress')
  .sign(new TextEncoder().encode(secret));

process.stdout.write(`${token}\n`);
