/** `jane@example.com` → `j***@example.com`: QA sees that a message went out, not to whom. */
export function maskRecipient(recipient: string): string {
  const at = recipient.indexOf('@');
  if (at < 1) return `${recipient.slice(0, 1)}***`;
  return `${recipient.slice(0, 1)}***${recipient.slice(at)}`;
}
