/**
 * How a message reaches a person. The Telegram implementation lives in
 * src/bot/; tests use the same one against a fake Bot API server.
 */
export interface InlineButton {
  text: string;
  callbackData: string;
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
  ) {
    super(message);
  }
}
