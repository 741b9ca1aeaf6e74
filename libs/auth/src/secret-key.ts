const keys = new Map<string, Uint8Array>();

/** The HMAC key of a secret; the same object each time, so jose can reuse the key it imports from it. */
export function secretKey(secret: string): Uint8Array {
  let key = keys.get(secret);
  if (!key) {
    key = new TextEncoder().encode(secret);
    keys.set(secret, key);
  }
  return key;
}
