import { createHmac } from "node:crypto";
import type { TaskLinkMac } from "../domain/links/index.js";

/**
 * The HMAC-SHA256 the domain's task links are signed with, keyed by the
 * office's link secret. The secret must be long and random (32 bytes or more):
 * whoever knows it can make a link for anyone.
 */
export function createTaskLinkMac(secret: string): TaskLinkMac {
  if (secret.length < 32) throw new RangeError("the task link secret must have 32 characters or more");
  return (payload) => createHmac("sha256", secret).update(payload).digest();
}
