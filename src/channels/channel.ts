/**
 * What every channel is to the delivery service: how it reaches an address,
 * within which limits, how its failures read, and what it can show. The
 * delivery service (services/delivery/) owns the one retry loop, the
 * once-only records and the unreachable marks; a channel only formats and
 * sends one message and says how a failure must be treated, by throwing a
 * NotifierError whose kind is permanent (`unreachable`, `rejected`),
 * passing (`transient`, `rate-limited`) or `unknown` (may have arrived).
 */
import type { SendRateLimiter } from "../services/delivery/rate-limiter.js";
import type { InlineButton } from "../services/notifier.js";

/** The channels a person can be reached on; a person's address on each is a `person_channels` row. */
export type ChannelName = "telegram" | "zalo" | "email";

export interface ChannelCapabilities {
  /** Inline buttons under a message (else each task carries its signed web link). */
  buttons: boolean;
  /** Files attached to a message. */
  files: boolean;
  /** A picture sent with the message (the digest chart). */
  photos: boolean;
  /**
   * The picture goes inside a long text (an email's inline image); false: a
   * picture is a message of its own under a short caption (Telegram), so the
   * digest goes as its text, then its chart.
   */
  photoInText: boolean;
}

/** What is sent, before the channel fits it to its limits. */
export interface ChannelMessage {
  /** A notice of an event, a reminder, the weekly digest (and its chart), or a channel's own mail (a confirmation). */
  kind: "notice" | "reminder" | "digest" | "chart" | "confirmation";
  text: string;
  /** Rows of buttons, on channels that have them; elsewhere the text goes alone. */
  buttons: InlineButton[][];
  /** The digest chart: a photo on Telegram, an inline image in email, left off on Zalo (the text links the page). */
  photo?: { png: Buffer; fileName: string };
  /** A subject line, for channels that have one (email); else the first line of the text. */
  subject?: string;
  /** One-click unsubscribe from digests (email's List-Unsubscribe), and the words of its link in the body. */
  unsubscribe?: { url: string; label: string };
}

export interface DeliveryChannel {
  readonly name: ChannelName;
  readonly capabilities: ChannelCapabilities;
  /** This channel's own pace: a 429 from one platform never holds up another. */
  readonly limiter: SendRateLimiter;
  /** A signed link to a task's page for this person: what a channel without buttons puts under each task. */
  taskLink?: (personId: string, milestoneId: string) => string;
  /** A link to a page of the web app (`/overview`), for what this channel cannot show itself (Zalo: the chart). */
  pageLink?: (path: string) => string;
  /** The one-click link that stops digests to this channel row (email's List-Unsubscribe). */
  unsubscribeUrl?: (channelRowId: string) => string;
  /**
   * Sends `message` to `address` from part `alreadySent` on (a channel that
   * splits a long text resumes there); resolves with the platform's message
   * id, or throws a NotifierError classifying the failure.
   */
  send(address: string, message: ChannelMessage, options: { alreadySent: number }): Promise<{ messageId: string }>;
}
