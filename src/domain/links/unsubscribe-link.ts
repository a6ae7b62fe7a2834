/**
 * The token of a one-click unsubscribe link: the id of a person's channel row
 * and a MAC over it, so the public route needs no stored secret per address
 * and nobody can unsubscribe someone else's row by guessing an id.
 */
import { type TaskLinkMac, toBase64Url } from "./task-link.js";

const PURPOSE = "digest-unsubscribe:";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function signatureOf(channelRowId: string, mac: TaskLinkMac): string {
  return toBase64Url(mac(new TextEncoder().encode(PURPOSE + channelRowId)).subarray(0, 16));
}

/** `<row id>.<signature>`: safe in a URL path. */
export function signUnsubscribeToken(channelRowId: string, mac: TaskLinkMac): string {
  return `${channelRowId}.${signatureOf(channelRowId, mac)}`;
}

/** The channel row the token names, or null when it is not one we made. */
export function verifyUnsubscribeToken(token: string, mac: TaskLinkMac): string | null {
  const [id, signature, ...rest] = token.split(".");
  if (rest.length > 0 || !id || !signature || !UUID.test(id)) return null;
  const expected = signatureOf(id, mac);
  // Equal lengths by construction; a plain loop keeps the comparison's time independent of where they differ.
  if (signature.length !== expected.length) return null;
  let difference = 0;
  for (let i = 0; i < expected.length; i++) difference |= expected.charCodeAt(i) ^ signature.charCodeAt(i);
  return difference === 0 ? id : null;
}
