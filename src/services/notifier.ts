/**
 * How a message reaches a person. The Telegram implementation lives in
 * src/bot/, the Zalo one in src/channels/zalo/; tests use the same ones
 * against the local API emulators.
 */

/** The channels a person may be reached on; each has its own limiter and retry rules. */
export type { ChannelName as Channel } from "../channels/channel.js";
/**
 * What pressing a button of a reminder or a notice does, typed: a service
 * says which action, each channel writes it its own way (Telegram as callback
 * data, src/channels/telegram/callback-data.ts; a channel without buttons
 * leaves it off and links the task instead).
 */
export type ButtonAction =
  | { verb: "done" | "evidence"; milestoneId: string }
  | { verb: "approve" | "return" | "grant" | "deny"; requestId: string };

export interface InlineButton {
  text: string;
  action: ButtonAction;
}

export interface OutgoingMessage {
  chatId: number;
  text: string;
  /** Rows of inline buttons under the message. */
  buttons: InlineButton[][];
  /** A picture (PNG) sent with `text` as its caption: the digest chart. */
  photo?: { png: Buffer; fileName: string };
}

export interface Notifier {
  /** Sends one message; resolves with Telegram's message id, or throws a NotifierError. */
  send(message: OutgoingMessage): Promise<{ messageId: number }>;
}

/** Why a send failed, as the dispatcher must act on it. */
export type NotifierFailure =
  /** Telegram asks to wait (429): nothing is wrong with the message. */
  | { kind: "rate-limited"; retryAfterSeconds: number }
  /** The person blocked the bot or deleted the chat (403): do not retry. */
  | { kind: "unreachable" }
  /** The platform answered 5xx, or the request provably never left (connection refused, no DNS): retry later. */
  | { kind: "transient" }
  /**
   * The request left but no answer came (a timeout, a connection cut mid-way):
   * the person may well have the message. Never resent blindly.
   */
  | { kind: "unknown" }
  /** A request Telegram will never accept (400): do not retry. */
  | { kind: "rejected" };

export class NotifierError extends Error {
  override readonly name = "NotifierError";
  constructor(
    readonly failure: NotifierFailure,
    message: string,
    /** Messages of a multi-part notification (Zalo) already delivered: a retry resumes after them. */
    readonly partsSent = 0,
  ) {
    super(message);
  }
}

/**
 * A message on a channel without buttons (Zalo): the text carries a link per
 * task instead, and a picture goes by URL (the platform fetches it).
 */
export interface PlainMessage {
  chatId: string;
  text: string;
  photoUrl?: string;
}

export interface PlainNotifier {
  /**
   * Sends every part of `message` from part `alreadySent` on; throws a
   * NotifierError whose `partsSent` says how far it got.
   */
  send(message: PlainMessage, options?: { alreadySent?: number }): Promise<{ messageId: string }>;
}
