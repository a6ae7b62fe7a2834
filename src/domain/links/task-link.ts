/**
 * A short signed link from a message to one task's page in the web app: on
 * Zalo there are no buttons, so each task line carries a link instead, and
 * opening it must act for the person it was sent to, for that milestone only,
 * for a limited time. The token holds the person id, the milestone id and the
 * expiry, with a truncated HMAC over them; nothing is stored server-side.
 *
 * The HMAC itself is computed outside the domain (it needs the office's
 * secret and node:crypto): callers pass it in as a function.
 */

/** HMAC-SHA256 of `payload` under the link secret (32 bytes; only the first 16 are kept). */
export type TaskLinkMac = (payload: Uint8Array) => Uint8Array;

export interface TaskLinkClaims {
  personId: string;
  milestoneId: string;
  /** Whole seconds: the link stops working at this instant. */
  expiresAt: Date;
}

export type TaskLinkCheck =
  | { ok: true; claims: TaskLinkClaims }
  /** Not a token we could have made (wrong length or alphabet). */
  | { ok: false; reason: "malformed" }
  /** Well formed, but the signature does not match: altered or made without the secret. */
  | { ok: false; reason: "forged" }
  | { ok: false; reason: "expired"; claims: TaskLinkClaims };

/** Raised when claims cannot be put in a link (ids are UUIDs, the expiry a date before 2106). */
export class InvalidTaskLinkClaimsError extends Error {
  override readonly name = "InvalidTaskLinkClaimsError";
  constructor(
    readonly field: keyof TaskLinkClaims,
    message: string,
  ) {
    super(message);
  }
}

/** 128 bits of HMAC: forging one still takes 2^128 tries, and the link stays short. */
export const TASK_LINK_MAC_BYTES = 16;
const ID_BYTES = 16;
const PAYLOAD_BYTES = ID_BYTES * 2 + 4;
const TOKEN_BYTES = PAYLOAD_BYTES + TASK_LINK_MAC_BYTES;
/** base64url without padding: 52 bytes give 70 characters. */
export const TASK_LINK_TOKEN_LENGTH = Math.ceil((TOKEN_BYTES * 4) / 3);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function uuidToBytes(id: string, field: "personId" | "milestoneId", into: Uint8Array, at: number): void {
  if (!UUID.test(id)) throw new InvalidTaskLinkClaimsError(field, `${field} is not a UUID: ${JSON.stringify(id)}`);
  const hex = id.replace(/-/g, "");
  for (let i = 0; i < ID_BYTES; i++) into[at + i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
}

function bytesToUuid(bytes: Uint8Array): string {
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function toBase64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/**
 * Compares two byte strings in time that depends on their length only, not on
 * where they first differ, so a forger cannot find the signature byte by byte.
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= (a[i] as number) ^ (b[i] as number);
  return difference === 0;
}

function signatureOf(payload: Uint8Array, mac: TaskLinkMac): Uint8Array {
  const full = mac(payload);
  if (full.length < TASK_LINK_MAC_BYTES) throw new RangeError(`the MAC gave ${full.length} bytes, need 16 or more`);
  return full.slice(0, TASK_LINK_MAC_BYTES);
}

/** Makes the token for a link to `milestoneId` acting as `personId` until `expiresAt`. */
export function signTaskLink(claims: TaskLinkClaims, mac: TaskLinkMac): string {
  const seconds = Math.floor(claims.expiresAt.getTime() / 1000);
  if (!Number.isFinite(seconds) || seconds < 0 || seconds > 0xffffffff) {
    throw new InvalidTaskLinkClaimsError("expiresAt", `expiresAt is out of range: ${String(claims.expiresAt)}`);
  }
  const token = new Uint8Array(TOKEN_BYTES);
  uuidToBytes(claims.personId, "personId", token, 0);
  uuidToBytes(claims.milestoneId, "milestoneId", token, ID_BYTES);
  new DataView(token.buffer).setUint32(ID_BYTES * 2, seconds);
  token.set(signatureOf(token.subarray(0, PAYLOAD_BYTES), mac), PAYLOAD_BYTES);
  return toBase64Url(token);
}

/**
 * Checks a token from a link: well formed, signed with our secret (compared
 * in constant time), and not expired at `now`. The signature is checked
 * before anything in the token is believed.
 */
export function verifyTaskLink(token: string, mac: TaskLinkMac, now: Date): TaskLinkCheck {
  if (token.length !== TASK_LINK_TOKEN_LENGTH || !/^[A-Za-z0-9_-]+$/.test(token)) {
    return { ok: false, reason: "malformed" };
  }
  const bytes = fromBase64Url(token);
  // The last character carries 2 spare bits: only the canonical spelling is ours.
  if (bytes.length !== TOKEN_BYTES || toBase64Url(bytes) !== token) return { ok: false, reason: "malformed" };
  const payload = bytes.subarray(0, PAYLOAD_BYTES);
  if (!constantTimeEqual(signatureOf(payload, mac), bytes.subarray(PAYLOAD_BYTES))) {
    return { ok: false, reason: "forged" };
  }
  const claims: TaskLinkClaims = {
    personId: bytesToUuid(bytes.subarray(0, ID_BYTES)),
    milestoneId: bytesToUuid(bytes.subarray(ID_BYTES, ID_BYTES * 2)),
    expiresAt: new Date(new DataView(bytes.buffer, bytes.byteOffset).getUint32(ID_BYTES * 2) * 1000),
  };
  if (now.getTime() >= claims.expiresAt.getTime()) return { ok: false, reason: "expired", claims };
  return { ok: true, claims };
}
