// Who the benchmark calls as, and the data its queries read: staff tokens for the gateways, the signed
// identity header a subgraph expects straight from the gateway, and a few complaints with an
// investigation and notifications for the join.
import { loadConfig } from '../../libs/config/dist/index.js';
import { signIdentity } from '../../libs/auth/dist/index.js';
import { SignJWT } from 'jose';
import { ENV, GATEWAY_URL } from './system.mjs';

export const config = loadConfig(ENV);

export function staffToken(sub, roles) {
  return new SignJWT({ roles, name: `Bench ${roles[0]}`, email: `${sub}@redress.local` })
    .setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setIssuedAt().setExpirationTime('3h')
    .sign(new TextEncoder().encode(config.jwtSecret));
}

/**
 * The `x-redress-identity` header for a direct subgraph call, as the gateway would sign it. It lives 60 s,
 * so `current()` re-signs every 20 s in the background.
 */
export async function signedIdentity(identity) {
  let value = await signIdentity(identity, 'bench', config.internalSecret);
  const timer = setInterval(async () => { value = await signIdentity(identity, 'bench', config.internalSecret); }, 20_000);
  timer.unref();
  return { current: () => value, stop: () => clearInterval(timer) };
}

export async function call(url, token, query, variables = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(body.errors)}`);
  return body.data;
}

export const SUBMIT = 'mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) { id reference } }';

export function submission(tag, i) {
  return {
    channel: 'PHONE', category: 'BILLING',
    customer: { name: `Bench Customer ${i}`, email: `${tag}.${i}@example.com` },
    subject: `Charged twice ${i}`, description: `Complaint ${i} of benchmark run ${tag}: my card was charged twice.`,
  };
}

/** `count` complaints, each with the acknowledgement notification and a started investigation. */
export async function seedComplaints(count, tokens) {
  const tag = `seed${Date.now()}`;
  await call(GATEWAY_URL, tokens.manager, `mutation { upsertInvestigator(input: { id: "bench-investigator", name: "Bench", email: "bench@redress.local", categories: [BILLING], capacity: 1000 }) { id } }`);
  const ids = [];
  for (let i = 0; i < count; i += 1) ids.push((await call(GATEWAY_URL, tokens.agent, SUBMIT, { input: submission(tag, i) })).submitComplaint.id);
  for (const id of ids) {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await call(GATEWAY_URL, tokens.agent, 'mutation($id: ID!) { startInvestigation(complaintId: $id) { id } }', { id });
        break;
      } catch (error) {
        if (attempt > 100) throw error; // the investigation service learns of the complaint from the broker
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }
  return ids;
}
