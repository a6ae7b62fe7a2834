export { splitMessage, ZALO_TEXT_LIMIT } from "./split-message.js";
export { foldVietnamese, parseTextCommand, type TaskReference, type TextCommand } from "./text-commands.js";
