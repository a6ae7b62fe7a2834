/**
 * A message's email form: the same text as the chat's (the locale files'
 * words), its subject, and a simple HTML body where links are clickable and
 * the chart sits inline. No styles a mail client might strip matter.
 */
import type { ChannelMessage } from "../channel.js";

/** Subjects longer than this are cut: mail clients show about this much. */
const SUBJECT_MAX = 120;

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The subject given, else the text's first line without chat symbols (emoji), cut to a readable length. */
export function subjectOf(message: Pick<ChannelMessage, "subject" | "text">): string {
  const line = (message.subject ?? message.text.split("\n").find((l) => l.trim() !== "") ?? "Nhắc việc")
    .replace(/[\p{Extended_Pictographic}\uFE0F]/gu, "")
    .trim();
  return line.length > SUBJECT_MAX ? `${line.slice(0, SUBJECT_MAX - 1)}…` : line;
}

/** The text as HTML: escaped, line breaks kept, http(s) links made clickable; the chart (by `cid`) after it. */
export function emailHtml(message: Pick<ChannelMessage, "text" | "photo" | "unsubscribe">, cid?: string): string {
  const body = escapeHtml(message.text)
    .replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`)
    .replace(/\n/g, "<br>\n");
  const chart = message.photo && cid ? `<p><img src="cid:${cid}" alt="${escapeHtml(message.photo.fileName)}"></p>` : "";
  const unsubscribe = message.unsubscribe
    ? `<p style="font-size:small"><a href="${escapeHtml(message.unsubscribe.url)}">${escapeHtml(message.unsubscribe.label)}</a></p>`
    : "";
  return `<!doctype html><html lang="vi"><meta charset="utf-8"><body><p>${body}</p>${chart}${unsubscribe}</body></html>`;
}
