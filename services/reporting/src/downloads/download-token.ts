import { SignJWT, jwtVerify } from 'jose';
import { Unauthenticated } from '@redress/errors';

export type ReportFormat = 'HTML' | 'PDF';

/** What a download link lets its holder fetch, decided (validated and authorised) when the link was made. */
export type DownloadRequest =
  | { kind: 'complaint-log'; from: string; to: string }
  | { kind: 'resolution-report'; complaintId: string; format: ReportFormat }
  | { kind: 'quality-review'; quarter: string; format: ReportFormat };

export const DOWNLOAD_KINDS = ['complaint-log', 'resolution-report', 'quality-review'] as const;

const ISSUER = 'redress-reporting';
const AUDIENCE = 'redress-download';
const key = (secret: string) => new TextEncoder().encode(secret);

/**
 * A short-lived signed link: browsers follow links without an Authorization header, so the token in
 * the URL is the credential, issued only to a caller GraphQL has just authorised.
 */
export async function signDownload(request: DownloadRequest, staffId: string, secret: string, lifetimeSeconds = 300): Promise<{ token: string; expiresAt: Date }> {
  const expiresAt = new Date(Math.floor(Date.now() / 1000) * 1000 + lifetimeSeconds * 1000);
  const token = await new SignJWT({ download: request })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject(staffId)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(key(secret));
  return { token, expiresAt };
}

export async function verifyDownload(token: string | undefined, kind: string, secret: string): Promise<DownloadRequest> {
  try {
    const { payload } = await jwtVerify(token ?? '', key(secret), { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE });
    const request = payload.download as DownloadRequest;
    if (request?.kind !== kind) throw new Error('another kind of download');
    return request;
  } catch {
    throw new Unauthenticated('This download link is invalid or has expired; ask for a new one');
  }
}
