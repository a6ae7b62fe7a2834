/**
 * What counts as an email address here: one rule for the people page, the
 * chat's /email and the province's list of communes.
 */

/** Deliberately plain (RFC 5322 allows much more): one @, a dot in the domain, no spaces, as official mailboxes are. */
const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

/** Lower-cased and trimmed, or null when it is not an address. */
export function normalizeEmailAddress(input: string): string | null {
  const address = input.trim().toLowerCase();
  return address.length <= 254 && EMAIL.test(address) ? address : null;
}
