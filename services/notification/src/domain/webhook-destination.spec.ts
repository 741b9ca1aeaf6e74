import { internalHostName, isPublicAddress } from './webhook-destination.js';

describe('webhook destinations: which addresses a webhook may reach', () => {
  it.each([
    '127.0.0.1', '127.8.9.10', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0',
    '224.0.0.1', '255.255.255.255', '::1', '::', 'fe80::1', 'fd00::1', 'fc12::3', '::ffff:127.0.0.1', '::ffff:10.0.0.1', '[::1]', 'not-an-ip',
  ])('%s is internal', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['8.8.8.8', '93.184.216.34', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '::ffff:8.8.4.4', '[2a00:1450:4007::200e]'])('%s is public', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it('knows names that always mean an internal host', () => {
    for (const name of ['localhost', 'LOCALHOST.', 'api.localhost', 'printer.local', 'metadata.google.internal', 'intranet']) expect(internalHostName(name)).toBe(true);
    for (const name of ['hooks.example.com', 'quality.acme.co.uk', '8.8.8.8']) expect(internalHostName(name)).toBe(false);
  });
});
