import { createHmac } from 'node:crypto';
import { signWebhook, verifyWebhook } from './webhook-signature.js';

const secret = 'whsec-test-0123456789abcdef';
const body = '{"id":"e1","type":"complaint.closed"}';

describe('webhook signatures', () => {
  it('are HMAC-SHA256 over "<timestamp>.<body>", hex, with a version prefix', () => {
    const expected = createHmac('sha256', secret).update(`1767225600.${body}`).digest('hex');
    expect(signWebhook(secret, 1767225600, body)).toBe(`v1=${expected}`);
  });

  it('verify for the receiver: right secret, unchanged body, recent timestamp', () => {
    const now = 1767225600;
    const signature = signWebhook(secret, now, body);
    expect(verifyWebhook(secret, { timestamp: String(now), signature }, body, now + 10)).toBe(true);
    expect(verifyWebhook('another-secret-0123456789', { timestamp: String(now), signature }, body, now)).toBe(false);
    expect(verifyWebhook(secret, { timestamp: String(now), signature }, body.replace('closed', 'received'), now)).toBe(false);
    expect(verifyWebhook(secret, { timestamp: String(now + 1), signature }, body, now)).toBe(false);
    expect(verifyWebhook(secret, { timestamp: String(now), signature }, body, now + 301)).toBe(false);
    expect(verifyWebhook(secret, { timestamp: undefined, signature }, body, now)).toBe(false);
    expect(verifyWebhook(secret, { timestamp: String(now), signature: undefined }, body, now)).toBe(false);
  });
});
