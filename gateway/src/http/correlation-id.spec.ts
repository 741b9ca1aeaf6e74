import { acceptCorrelationId } from './correlation-id.js';

describe('acceptCorrelationId', () => {
  it("keeps a caller's well-formed id", () => {
    expect(acceptCorrelationId('portal-7f3a9c21')).toBe('portal-7f3a9c21');
    expect(acceptCorrelationId('0b6f0f7e-1d0c-4a43-9d7c-9f8f3f2e9a10')).toBe('0b6f0f7e-1d0c-4a43-9d7c-9f8f3f2e9a10');
  });

  it.each([undefined, '', 'short', 'x'.repeat(129), 'has spaces in it', 'line\nbreak-injection', '<script>alert(1)</script>'])(
    'replaces %p with a fresh UUID',
    (header) => {
      expect(acceptCorrelationId(header)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    },
  );
});
