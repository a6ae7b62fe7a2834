import { foldVietnamese } from "./text-commands.js";

/** What follows "/tonghop": stop or resume my weekly digest, or nothing (show the digest now). */
export type DigestSwitch = "off" | "on";

const OFF = /^(?:tat|ngung|dung|thoi|huy|off|stop)(?: (?:nhan|gui))?(?: hang tuan| tuan)?$/;
const ON = /^(?:bat|mo|nhan lai|nhan|gui lai|on|start)(?: lai)?(?: hang tuan| tuan)?$/;

/**
 * Reads the words after the digest command, with or without diacritics, in
 * any case: "tắt", "tat", "ngừng nhận", "thôi" stop the weekly digest; "bật",
 * "nhận lại", "mở lại" resume it. Anything else is null: the caller shows the
 * digest, or says which words it takes.
 */
export function readDigestSwitch(text: string): DigestSwitch | null {
  const folded = foldVietnamese(text);
  if (OFF.test(folded)) return "off";
  if (ON.test(folded)) return "on";
  return null;
}
