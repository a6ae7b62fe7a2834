/**
 * A small client for Zalo's Bot Platform API (docs/zalo-bot-api.md): every
 * method is `POST {apiRoot}/bot{token}/{method}` with a JSON body, answered
 * `{ ok, result }` or `{ ok: false, error_code, description }`. Failures are
 * sorted into the notifier's vocabulary (rate-limited, unreachable, rejected,
 * transient) so the dispatcher treats a Zalo send like a Telegram one.
 */
import type { NotifierFailure } from "../../services/notifier.js";
import { createUnnamedRateLimitWait } from "./unnamed-wait.js";

export const ZALO_API_ROOT_DEFAULT = "https://bot-api.zaloplatforms.com";

/** `{bot_id}:{secret}`, as Zalo Bot Creator hands it out. */
const BOT_TOKEN = /^\d+:[A-Za-z0-9_-]+$/;

/** Is `token` shaped like a Zalo bot token (a check of form only, before any request). */
export function isZaloBotToken(token: string): boolean {
  return BOT_TOKEN.test(token);
}

export interface ZaloBotInfo {
  id: string;
  account_name: string;
  account_type: string;
  can_join_groups: boolean;
}

/** A message a person sent the bot. Zalo ids are strings; in a private chat `chat.id` is the person's id. */
export interface ZaloMessage {
  message_id: string;
  /** Milliseconds since the epoch. */
  date: number;
  from: { id: string; display_name?: string; is_bot?: boolean };
  chat: { id: string; chat_type: "PRIVATE" | "GROUP" };
  text?: string;
  photo_url?: string;
  caption?: string;
  sticker?: string;
}

/** The documented events; others may come as the platform grows, and are ignored by callers. */
export type ZaloEventName =
  "message.text.received" | "message.image.received" | "message.sticker.received" | "message.unsupported.received";

export interface ZaloUpdate {
  event_name: ZaloEventName | (string & {});
  message?: ZaloMessage;
}

export interface ZaloWebhookInfo {
  /** Empty when no webhook is set. */
  url: string;
  updated_at: number;
}

export interface ZaloSentMessage {
  message_id: string;
  date: number;
}

/** The API answered with `ok: false`. */
export class ZaloApiError extends Error {
  override readonly name = "ZaloApiError";
  constructor(
    readonly method: string,
    readonly errorCode: number,
    readonly description: string,
    /** What the sender should do about it. */
    readonly failure: NotifierFailure,
  ) {
    super(`Zalo ${method} failed (${errorCode}): ${description}`);
  }
}

/** No usable answer: timeout, connection refused or reset, a body that is not the API's JSON. */
export class ZaloNetworkError extends Error {
  override readonly name = "ZaloNetworkError";
  constructor(
    readonly method: string,
    message: string,
    /**
     * Transient when the request surely did not arrive; unknown when it left and
     * no answer came (a timeout): the message may be in the chat, so it is not resent.
     */
    readonly failure: NotifierFailure = { kind: "transient" },
  ) {
    super(`Zalo ${method}: ${message}`);
  }
}

/**
 * Sorts an API error into what the dispatcher does about it. Zalo documents
 * 400 (bad request), 401 (bad token), 403 (its own internal error), 404 (no
 * such resource), 408 (long poll ended empty) and 429 (quota exceeded); it
 * documents no code for a person who blocked the bot or a chat id it does not
 * know, so those are read from 404, and from a 403 whose description says the
 * user blocked the bot (see docs/zalo-bot-api.md, "What we assume").
 */
export function classifyZaloError(
  errorCode: number,
  description: string,
  retryAfterSeconds: number | undefined,
  unnamedWaitSeconds: number,
): NotifierFailure {
  if (errorCode === 429) return { kind: "rate-limited", retryAfterSeconds: retryAfterSeconds ?? unnamedWaitSeconds };
  if (errorCode === 404) return { kind: "unreachable" };
  if (errorCode === 403) return /block|chặn/i.test(description) ? { kind: "unreachable" } : { kind: "transient" };
  if (errorCode === 408 || errorCode >= 500) return { kind: "transient" };
  return { kind: "rejected" };
}

/** What a send failure means for the dispatcher, whatever was thrown. */
export function zaloFailureOf(error: unknown): NotifierFailure {
  if (error instanceof ZaloApiError || error instanceof ZaloNetworkError) return error.failure;
  return { kind: "transient" };
}

/**
 * The update inside a webhook request body. Zalo posts the same envelope
 * getUpdates answers (`{ ok, result: update }`); a bare update is accepted
 * too, since public integrations report both. Null when it is neither.
 */
export function parseZaloWebhookUpdate(body: unknown): ZaloUpdate | null {
  if (body === null || typeof body !== "object") return null;
  const record = body as Record<string, unknown>;
  const candidate =
    record.ok === true && record.result !== null && typeof record.result === "object" ? record.result : record;
  const update = candidate as Partial<ZaloUpdate>;
  return typeof update.event_name === "string" ? (update as ZaloUpdate) : null;
}

export interface ZaloClientOptions {
  /** Another API server (a local emulator in tests and the demo); the official one when unset. */
  apiRoot?: string;
  /** Per request, long polls excepted (they wait their own timeout plus this). */
  timeoutMs?: number;
  /**
   * Zalo's 429 names no wait: a refused request waits 1 s, doubling while
   * refusals go on, up to this (default 30 s; unnamed-wait.ts says why).
   */
  maxUnnamedWaitSeconds?: number;
  fetch?: typeof fetch;
}

export interface ZaloClient {
  getMe(): Promise<ZaloBotInfo>;
  /**
   * Long-polls for what people sent: resolves when something arrives or after
   * `timeoutSeconds` (an empty list). Zalo hands out one update per call and
   * forgets it once handed out; it refuses while a webhook is set.
   */
  getUpdates(options?: { timeoutSeconds?: number; signal?: AbortSignal }): Promise<ZaloUpdate[]>;
  /** Zalo then posts updates to `url` with `secretToken` in the X-Bot-Api-Secret-Token header. */
  setWebhook(url: string, secretToken: string): Promise<ZaloWebhookInfo>;
  deleteWebhook(): Promise<ZaloWebhookInfo>;
  getWebhookInfo(): Promise<ZaloWebhookInfo>;
  /** Text of 1 to 2,000 characters (split longer ones with splitMessage first). */
  sendMessage(chatId: string, text: string): Promise<ZaloSentMessage>;
  /** A picture by URL (Zalo fetches it); the caption, like a message, holds up to 2,000 characters. */
  sendPhoto(chatId: string, photoUrl: string, caption?: string): Promise<ZaloSentMessage>;
  sendChatAction(chatId: string, action: "typing" | "upload_photo"): Promise<void>;
}

interface ApiAnswer {
  ok?: boolean;
  result?: unknown;
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number };
}

/** The header Zalo sets on webhook requests, carrying the secret given to setWebhook. */
export const ZALO_WEBHOOK_SECRET_HEADER = "x-bot-api-secret-token";

/** Makes a client for one bot; the token never appears in errors it throws. */
export function createZaloClient(token: string, options: ZaloClientOptions = {}): ZaloClient {
  const root = (options.apiRoot ?? ZALO_API_ROOT_DEFAULT).replace(/\/+$/, "");
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxUnnamedWaitMs = (options.maxUnnamedWaitSeconds ?? 30) * 1000;
  const unnamedWait = createUnnamedRateLimitWait({
    firstMs: Math.min(1000, maxUnnamedWaitMs),
    maxMs: maxUnnamedWaitMs,
  });
  const unnamedWaitSeconds = (sentAt: number) => unnamedWait.refused(sentAt, Date.now()) / 1000;
  const doFetch = options.fetch ?? fetch;

  async function call<T>(
    method: string,
    body: Record<string, unknown>,
    extra: { timeoutMs?: number; signal?: AbortSignal } = {},
  ): Promise<T> {
    const timeout = AbortSignal.timeout(extra.timeoutMs ?? timeoutMs);
    const signal = extra.signal ? AbortSignal.any([timeout, extra.signal]) : timeout;
    let response: Response;
    let text: string;
    const sentAt = Date.now();
    try {
      response = await doFetch(`${root}/bot${token}/${method}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
        signal,
      });
      text = await response.text();
    } catch (error) {
      // fetch's messages quote the URL, and the token is in it: say only what kind of failure it was.
      const reason = timeout.aborted ? "timed out" : extra.signal?.aborted ? "aborted" : "no answer";
      // A send that timed out may have been delivered (the rule of issue 18): not resent blindly.
      const failure: NotifierFailure =
        timeout.aborted && method.startsWith("send") ? { kind: "unknown" } : { kind: "transient" };
      throw new ZaloNetworkError(method, `${reason} (${error instanceof Error ? error.name : "error"})`, failure);
    }
    let answer: ApiAnswer;
    try {
      answer = JSON.parse(text) as ApiAnswer;
    } catch {
      if (response.status === 429 || response.status >= 400) {
        const wait = response.status === 429 ? unnamedWaitSeconds(sentAt) : 0;
        const failure = classifyZaloError(response.status, text.slice(0, 200), undefined, wait);
        throw new ZaloApiError(method, response.status, `HTTP ${response.status}`, failure);
      }
      throw new ZaloNetworkError(method, `HTTP ${response.status} with a body that is not JSON`);
    }
    if (answer.ok === true) {
      unnamedWait.accepted(sentAt);
      return answer.result as T;
    }
    const errorCode = typeof answer.error_code === "number" ? answer.error_code : response.status;
    const description = answer.description ?? `HTTP ${response.status}`;
    const header = Number(response.headers.get("retry-after"));
    const retryAfter = answer.parameters?.retry_after ?? (Number.isFinite(header) && header > 0 ? header : undefined);
    throw new ZaloApiError(
      method,
      errorCode,
      description,
      classifyZaloError(
        errorCode,
        description,
        retryAfter,
        errorCode === 429 && retryAfter === undefined ? unnamedWaitSeconds(sentAt) : 0,
      ),
    );
  }

  return {
    getMe: () => call<ZaloBotInfo>("getMe", {}),
    async getUpdates({ timeoutSeconds = 30, signal } = {}) {
      try {
        const result = await call<ZaloUpdate | ZaloUpdate[] | null>(
          "getUpdates",
          // The docs type the timeout as a string.
          { timeout: String(timeoutSeconds) },
          { timeoutMs: timeoutSeconds * 1000 + timeoutMs, ...(signal ? { signal } : {}) },
        );
        if (result === null || result === undefined) return [];
        return (Array.isArray(result) ? result : [result]).filter((u) => typeof u?.event_name === "string");
      } catch (error) {
        // 408: the long poll ended with nothing to hand out.
        if (error instanceof ZaloApiError && error.errorCode === 408) return [];
        throw error;
      }
    },
    setWebhook: (url, secretToken) => call<ZaloWebhookInfo>("setWebhook", { url, secret_token: secretToken }),
    deleteWebhook: () => call<ZaloWebhookInfo>("deleteWebhook", {}),
    getWebhookInfo: () => call<ZaloWebhookInfo>("getWebhookInfo", {}),
    sendMessage: (chatId, text) => call<ZaloSentMessage>("sendMessage", { chat_id: chatId, text }),
    sendPhoto: (chatId, photoUrl, caption) =>
      call<ZaloSentMessage>("sendPhoto", { chat_id: chatId, photo: photoUrl, ...(caption ? { caption } : {}) }),
    async sendChatAction(chatId, action) {
      await call<unknown>("sendChatAction", { chat_id: chatId, action });
    },
  };
}
