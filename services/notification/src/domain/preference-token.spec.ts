import { customerOfPreferenceToken, preferenceToken } from './preference-token.js';

const customer = '1b1f0c2a-2f6b-4d1e-9c59-7f6b6d5c1c3e';
const secret = 'a-link-secret-of-enough-length-0123456789';

describe('preference tokens', () => {
  it('are URL-safe and name the customer they were made for', () => {
    const token = preferenceToken(customer, secret);
    expect(token).toMatch(/^[A-Za-z0-9._~-]+$/);
    expect(customerOfPreferenceToken(token, secret)).toBe(customer);
  });

  it('refuse another secret, another customer, an altered signature and garbage', () => {
    const token = preferenceToken(customer, secret);
    const other = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
    expect(customerOfPreferenceToken(token, 'another-secret-of-enough-length-01234')).toBeNull();
    expect(customerOfPreferenceToken(token.replace(customer, other), secret)).toBeNull();
    expect(customerOfPreferenceToken(`${token.slice(0, -2)}xx`, secret)).toBeNull();
    for (const bad of ['', 'p1', 'p1..', `p1.${customer}`, `p2.${customer}.x`, `${token}.extra`]) expect(customerOfPreferenceToken(bad, secret)).toBeNull();
  });
});
