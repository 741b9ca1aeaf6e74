import { maskRecipient } from './recipient-mask.js';

describe('maskRecipient', () => {
  it('keeps the first letter and the domain only', () => {
    expect(maskRecipient('jane@example.com')).toBe('j***@example.com');
    expect(maskRecipient('https://hooks.example.com/x')).toBe('h***');
  });
});
