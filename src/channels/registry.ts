/**
 * The channels this process delivers on, built from what config turned on:
 * Telegram always (its limiter and notifier are the process's), Zalo with
 * ZALO_BOT_TOKEN, email with SMTP_URL and EMAIL_FROM. Adding a channel is a
 * line here (see docs/channels.md).
 */
import type { ZaloChannelDeps } from "../services/delivery/deliver.js";
import type { SendRateLimiter } from "../services/delivery/rate-limiter.js";
import type { Notifier } from "../services/notifier.js";
import type { ChannelName, DeliveryChannel } from "./channel.js";
import { telegramChannel } from "./telegram/telegram-channel.js";
import { zaloChannel } from "./zalo/zalo-channel.js";

export interface ChannelParts {
  notifier: Notifier;
  limiter: SendRateLimiter;
  zalo?: ZaloChannelDeps | undefined;
  email?: DeliveryChannel | undefined;
}

export function enabledChannelList(parts: ChannelParts): DeliveryChannel[] {
  return [
    telegramChannel(parts.notifier, parts.limiter),
    ...(parts.zalo ? [zaloChannel(parts.zalo)] : []),
    ...(parts.email ? [parts.email] : []),
  ];
}

/** One enabled channel by name, or undefined when this process does not run it. */
export function channelNamed(parts: ChannelParts, name: ChannelName): DeliveryChannel | undefined {
  return enabledChannelList(parts).find((channel) => channel.name === name);
}
