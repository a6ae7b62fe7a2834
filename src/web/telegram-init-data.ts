/**
 * Telegram Mini App `initData`, checked as Telegram's docs say: the secret is
 * HMAC-SHA256(key "WebAppData", the bot token), the hash is
 * HMAC-SHA256(secret, the other fields sorted and joined "key=value\n").
 * Fresh only for a short while, so copied data cannot be replayed later.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

/** Telegram sets auth_date when the Mini App opens; we exchange it at once. */
export const INIT_DATA_MAX_AGE_SECONDS = 10 * 60;

export type InitDataResult =
  { ok: true; userId: number; authDate: Date } | { ok: false; reason: "malformed" | "bad-signature" | "expired" };

function dataCheckString(params: URLSearchParams): string {
  return [...params.entries()]
    .filter(([key]) => key !== "hash")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join("\n");
}

/** Signs init data as Telegram would: for tests and the dev tools. */
export function signInitData(fields: Record<string, string>, botToken: string): string {
  const params = new URLSearchParams(fields);
  const secret = createHmac("sha256", "WebAppData").update(botToken).digest();
  params.set("hash", createHmac("sha256", secret).update(dataCheckString(params)).digest("hex"));
  return params.toString();
}

/** Verifies `initData` (the raw query string) against the bot token at `now`. */
export function verifyInitData(initData: string, botToken: string, now: Date): InitDataResult {
  if (initData.length === 0 || initData.length > 8192) return { ok: false, reason: "malformed" };
  const params = new URLSearchParams(initData);
  const hash = params.get("hash");
  if (!hash || !/^[0-9a-f]{64}$/.test(hash)) return { ok: false, reason: "malformed" };
  const secret = createHmac("sha256", "WebAppData").update(botToken).digest();
  const expected = createHmac("sha256", secret).update(dataCheckString(params)).digest();
  if (!timingSafeEqual(expected, Buffer.from(hash, "hex"))) return { ok: false, reason: "bad-signature" };
  const authDate = Number(params.get("auth_date"));
  if (!Number.isSafeInteger(authDate) || authDate <= 0) return { ok: false, reason: "malformed" };
  const age = now.getTime() / 1000 - authDate;
  // A little clock skew forward is tolerated; older than the window is refused.
  if (age > INIT_DATA_MAX_AGE_SECONDS || age < -60) return { ok: false, reason: "expired" };
  let userId: unknown;
  try {
    userId = (JSON.parse(params.get("user") ?? "null") as { id?: unknown } | null)?.id;
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (typeof userId !== "number" || !Number.isSafeInteger(userId)) return { ok: false, reason: "malformed" };
  return { ok: true, userId, authDate: new Date(authDate * 1000) };
}
