import type { SubmitComplaintInput } from './cfpb-mapping.js';

const SUBMIT = 'mutation Import($input: SubmitComplaintInput!) { submitComplaint(input: $input) { id reference } }';
const RETRYABLE = new Set(['RATE_LIMITED', 'INTERNAL_SERVER_ERROR']);

export class SubmissionRefused extends Error {}

/**
 * Submits through the gateway exactly as an agent's console does. Outages, 5xx answers and rate limits
 * are retried with back-off (the idempotency key makes a retry safe); a refusal of the input is not.
 */
export class GatewaySubmitter {
  constructor(private readonly url: string, private readonly token: string, private readonly attempts = 6) {}

  async submit(input: SubmitComplaintInput): Promise<{ id: string; reference: string }> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.once(input);
      } catch (error) {
        if (error instanceof SubmissionRefused || attempt >= this.attempts) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.min(200 * 2 ** attempt, 10_000)));
      }
    }
  }

  private async once(input: SubmitComplaintInput): Promise<{ id: string; reference: string }> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify({ query: SUBMIT, variables: { input } }),
    });
    const body = (await response.json().catch(() => ({}))) as { data?: { submitComplaint?: { id: string; reference: string } }; errors?: { message: string; extensions?: { code?: string } }[] };
    const error = body.errors?.[0];
    if (body.data?.submitComplaint && !error) return body.data.submitComplaint;
    const code = error?.extensions?.code ?? `HTTP ${response.status}`;
    const message = `${code}: ${error?.message ?? response.statusText}`;
    if (response.status >= 500 || RETRYABLE.has(code) || !error) throw new Error(message);
    throw new SubmissionRefused(message);
  }
}
