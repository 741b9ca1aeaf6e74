import { validateRegistration, type ResolveHost } from './webhook-registration.js';

const SECRET = 'whsec-0123456789abcdef';
const names: Record<string, string[]> = { 'hooks.example.com': ['93.184.216.34'], 'rebound.example.com': ['93.184.216.34', '10.0.0.7'], 'gone.example.com': [] };
const resolve: ResolveHost = async (host) => {
  if (!(host in names)) throw new Error('ENOTFOUND');
  return names[host];
};
const register = (url: string, privateNetworks = false) =>
  validateRegistration({ url, eventTypes: ['complaint.closed'], secret: SECRET }, { production: true, privateNetworks }, resolve);
const refusal = (url: string) => register(url).then(() => 'accepted', (error: Error) => error.message);

describe('registerWebhook: where a webhook may point', () => {
  it('accepts a public https host', async () => {
    await expect(register('https://hooks.example.com/redress')).resolves.toMatchObject({ url: 'https://hooks.example.com/redress' });
  });

  it.each(['https://127.0.0.1/x', 'https://169.254.169.254/latest/meta-data', 'https://[::1]/', 'https://[fd00::5]/', 'https://localhost/', 'https://metadata.google.internal/', 'https://rebound.example.com/', 'https://gone.example.com/'])(
    'refuses %s, naming the url', async (url) => {
      expect(await refusal(url)).toMatch(/^url: must point to a public host/);
    },
  );

  it('says when a host does not resolve', async () => {
    expect(await refusal('https://nowhere.example.com/')).toBe('url: host nowhere.example.com does not resolve');
  });

  it('allows internal hosts when private networks are allowed', async () => {
    await expect(register('https://10.0.0.8/hook', true)).resolves.toMatchObject({ url: 'https://10.0.0.8/hook' });
  });
});
