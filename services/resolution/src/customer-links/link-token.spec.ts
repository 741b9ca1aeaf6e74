import { signLinkToken, verifyLinkToken } from './link-token.js';

const SECRET = 'a-link-secret-of-at-least-32-bytes!!';
const complaintId = '3f1f1c8e-5d0b-4c55-9a51-0c5b0a0f0001';
const proposalId = '3f1f1c8e-5d0b-4c55-9a51-0c5b0a0f0002';
const at = (iso: string) => new Date(iso);

describe('customer link tokens', () => {
  it('are URL-safe and carry what the link is for', async () => {
    const { token, expiresAt } = await signLinkToken({ purpose: 'RESPOND', complaintId, proposalId }, SECRET, at('2026-11-01T10:00:00Z'));
    expect(token).toMatch(/^[A-Za-z0-9._~-]+$/);
    expect(expiresAt).toEqual(at('2026-11-15T10:00:00Z'));
    const claims = await verifyLinkToken(token, 'RESPOND', SECRET, at('2026-11-14T10:00:00Z'));
    expect(claims).toMatchObject({ purpose: 'RESPOND', complaintId, proposalId, expiresAt });
    expect(claims.tokenId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('give each link its own id, so using one does not use up another', async () => {
    const [a, b] = await Promise.all([1, 2].map(() => signLinkToken({ purpose: 'FEEDBACK', complaintId, cycle: 0 }, SECRET)));
    expect((await verifyLinkToken(a.token, 'FEEDBACK', SECRET)).tokenId).not.toBe((await verifyLinkToken(b.token, 'FEEDBACK', SECRET)).tokenId);
  });

  it('expire after 14 days for a proposal and 30 days for a survey', async () => {
    const issued = at('2026-11-01T10:00:00Z');
    const respond = await signLinkToken({ purpose: 'RESPOND', complaintId, proposalId }, SECRET, issued);
    await expect(verifyLinkToken(respond.token, 'RESPOND', SECRET, at('2026-11-15T10:00:01Z'))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const survey = await signLinkToken({ purpose: 'FEEDBACK', complaintId, cycle: 1 }, SECRET, issued);
    expect((await verifyLinkToken(survey.token, 'FEEDBACK', SECRET, at('2026-11-30T10:00:00Z'))).cycle).toBe(1);
    await expect(verifyLinkToken(survey.token, 'FEEDBACK', SECRET, at('2026-12-01T10:00:01Z'))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuse a tampered token, another secret, or a link for the other purpose', async () => {
    const { token } = await signLinkToken({ purpose: 'RESPOND', complaintId, proposalId }, SECRET);
    const [header, payload, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), pid: complaintId })).toString('base64url');
    for (const bad of [`${header}.${forged}.${signature}`, `${token.slice(0, -2)}xx`, 'not-a-token', '']) {
      await expect(verifyLinkToken(bad, 'RESPOND', SECRET)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    }
    await expect(verifyLinkToken(token, 'RESPOND', 'another-secret-of-at-least-32-bytes!!')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(verifyLinkToken(token, 'FEEDBACK', SECRET)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
