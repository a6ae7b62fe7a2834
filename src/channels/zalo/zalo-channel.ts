/**
 * Zalo as a channel: its notifier (in parts of 2,000 characters, resuming
 * after the parts that went) under Zalo's own limiter. No buttons: each task
 * carries its signed link; a picture only by a public URL, so the digest
 * chart is left to a link to the overview page.
 */
import type { ZaloChannelDeps } from "../../services/delivery/deliver.js";
import type { DeliveryChannel } from "../channel.js";

export function zaloChannel(zalo: ZaloChannelDeps): DeliveryChannel {
  return {
    name: "zalo",
    capabilities: { buttons: false, files: false, photos: false, photoInText: false },
    limiter: zalo.limiter,
    taskLink: zalo.taskLink,
    pageLink: (path) => `${zalo.publicUrl}${path}`,
    send: (address, message, options) => zalo.notifier.send({ chatId: address, text: message.text }, options),
  };
}
