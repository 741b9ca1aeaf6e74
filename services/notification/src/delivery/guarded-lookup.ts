import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { isPublicAddress } from '../domain/webhook-destination.js';

export class InternalDestinationError extends Error {
  constructor(readonly host: string, readonly address: string) {
    super(`refused: ${host} resolves to the internal address ${address}`);
  }
}

/**
 * A DNS lookup for outgoing webhook connections that refuses internal addresses. Checking at connect
 * time (not only at registration) means a name re-pointed at an internal host later — DNS rebinding —
 * still cannot reach it.
 */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...(options as LookupOptions), all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 0);
    const internal = addresses.find((entry) => !isPublicAddress(entry.address));
    if (internal) return callback(new InternalDestinationError(hostname, internal.address), '', 0);
    if ((options as LookupOptions).all) return (callback as unknown as (e: null, all: LookupAddress[]) => void)(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
};

/** Literal IP hosts skip DNS altogether, so they are checked here. */
export function literalInternalAddress(hostname: string): string | null {
  const bare = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  return isIP(bare) && !isPublicAddress(bare) ? bare : null;
}
