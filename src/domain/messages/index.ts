export { splitMessage, TELEGRAM_TEXT_LIMIT, ZALO_TEXT_LIMIT } from "./split-message.js";
export { foldVietnamese, parseTextCommand, type TaskReference, type TextCommand } from "./text-commands.js";
export { type DigestSwitch, readDigestSwitch } from "./digest-switch.js";
