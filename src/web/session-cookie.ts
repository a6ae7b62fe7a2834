/** The session cookie and the Origin check, both following the address people open. */
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { SESSION_TTL_MS, type WebSession } from "../services/web/sessions.js";
import { sessionCookieName } from "./security.js";

export interface SessionCookie {
  /** The token the browser sent, if any. */
  read(c: Context): string | undefined;
  start(c: Context, session: WebSession): void;
  clear(c: Context): void;
  /** A browser's cross-site POST says where it came from; anything but our origin is refused. */
  foreignOrigin(c: Context): boolean;
}

export function sessionCookie(publicUrl: string): SessionCookie {
  const url = new URL(publicUrl);
  const secure = url.protocol === "https:";
  const name = sessionCookieName(secure);
  return {
    read: (c) => getCookie(c, name),
    start(c, session) {
      setCookie(c, name, session.token, {
        path: "/",
        httpOnly: true,
        secure,
        sameSite: "Lax",
        maxAge: Math.floor(SESSION_TTL_MS / 1000),
      });
    },
    clear: (c) => deleteCookie(c, name, { path: "/", secure }),
    foreignOrigin(c) {
      if (c.req.header("sec-fetch-site") === "cross-site") return true;
      const origin = c.req.header("origin");
      return origin !== undefined && origin !== "null" && origin !== url.origin;
    },
  };
}
