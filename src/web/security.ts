/** The web app's defences: response headers, the session cookie, CSRF, and a limit on sign-in attempts. */
import { timingSafeEqual } from "node:crypto";

/**
 * Script and style from our own origin only, no inline script, nothing
 * framed except by Telegram's web client (the Mini App runs in its iframe).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self' https://web.telegram.org",
].join("; ");

export const SECURITY_HEADERS: Record<string, string> = {
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "x-content-type-options": "nosniff",
  // Sign-in tokens travel in paths: never hand them to another site (same-origin keeps the Origin header on our POSTs).
  "referrer-policy": "same-origin",
  "cross-origin-opener-policy": "same-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=()",
};

/** The cookie's name: `__Host-` pins it to our origin over https; plain http (development) cannot use the prefix. */
export function sessionCookieName(secure: boolean): string {
  return secure ? "__Host-nhacviec" : "nhacviec";
}

/** Equal strings, compared in constant time. */
export function sameSecret(a: string | undefined | null, b: string): boolean {
  if (typeof a !== "string") return false;
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * A fixed window per key (the client's address): enough to stop guessing
 * tokens, kept in memory because one process serves the web app.
 */
export function createRateLimiter(options: { max: number; windowMs: number }) {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    /** True when one more attempt is allowed now. */
    take(key: string, now: number): boolean {
      const window = windows.get(key);
      if (!window || now - window.start >= options.windowMs) {
        if (windows.size > 10_000) windows.clear();
        windows.set(key, { start: now, count: 1 });
        return true;
      }
      window.count += 1;
      return window.count <= options.max;
    },
  };
}
