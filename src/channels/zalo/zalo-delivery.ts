/**
 * One notification to one Zalo chat, which may take several messages: Zalo
 * takes 2,000 characters per message and has no buttons, so a long reminder
 * goes as consecutive parts (and a digest chart, when there is one, as a
 * photo by URL first). Parts come from the pure splitMessage, so the same text
 * always gives the same parts: a retry after a failure half-way resumes at the
 * first part not sent, and nobody receives a part twice.
 */
import { splitMessage } from "../../domain/messages/index.js";
import type { NotifierFailure } from "../../services/notifier.js";
import { type ZaloClient, zaloFailureOf } from "./zalo-client.js";

export interface ZaloNotification {
  chatId: string;
  text: string;
  /** A picture Zalo fetches by URL (the digest chart served by the web app). */
  photoUrl?: string;
}

/** A delivery that stopped after `partsSent` of `partsTotal` parts; retry with `alreadySent: partsSent`. */
export class ZaloPartialDeliveryError extends Error {
  override readonly name = "ZaloPartialDeliveryError";
  constructor(
    readonly partsSent: number,
    readonly partsTotal: number,
    readonly failure: NotifierFailure,
    options: { cause: unknown },
  ) {
    super(`Zalo delivery stopped after ${partsSent} of ${partsTotal} parts (${failure.kind})`, options);
  }
}

/** How many messages `notification` takes on Zalo: the photo, if any, then the text's parts. */
export function zaloPartsOf(notification: ZaloNotification): Array<{ photoUrl: string } | { text: string }> {
  return [
    ...(notification.photoUrl ? [{ photoUrl: notification.photoUrl }] : []),
    ...splitMessage(notification.text).map((text) => ({ text })),
  ];
}

/**
 * Sends the parts of `notification` from part `alreadySent` on, in order.
 * Resolves with the ids of the messages sent now; throws a
 * ZaloPartialDeliveryError saying how far it got and why it stopped.
 */
export async function deliverZaloNotification(
  client: ZaloClient,
  notification: ZaloNotification,
  options: { alreadySent?: number } = {},
): Promise<{ messageIds: string[]; partsTotal: number }> {
  const parts = zaloPartsOf(notification);
  const messageIds: string[] = [];
  let sent = Math.max(0, Math.min(options.alreadySent ?? 0, parts.length));
  for (const part of parts.slice(sent)) {
    try {
      const message =
        "photoUrl" in part
          ? await client.sendPhoto(notification.chatId, part.photoUrl)
          : await client.sendMessage(notification.chatId, part.text);
      messageIds.push(message.message_id);
      sent++;
    } catch (error) {
      throw new ZaloPartialDeliveryError(sent, parts.length, zaloFailureOf(error), { cause: error });
    }
  }
  return { messageIds, partsTotal: parts.length };
}
