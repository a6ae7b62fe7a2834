import { Composer } from "grammy";
import { formatVietnameseDate } from "../../domain/calendar/index.js";
import { splitMessage, TELEGRAM_TEXT_LIMIT } from "../../domain/messages/index.js";
import type { RegisterDocument } from "../../domain/planning/index.js";
import type { Translator } from "../../i18n/i18n.js";
import { standingMark } from "../../i18n/progress-marks.js";
import { loadRegisterTyped } from "../../services/plans/register.js";
import type { BoundContext } from "../context.js";
import { refusalText } from "../refusals.js";

/** A chat shows the newest documents and a few tasks of each; the web page shows everything. */
const MAX_DOCUMENTS = 10;
const MAX_TASKS = 6;

/** The register in the chat's words: a block per document, its completion and its first tasks. */
export function formatRegister(t: Translator["t"], documents: RegisterDocument[], typed: string): string {
  const filter = typed === "" ? "" : t("register-filter", { filter: typed });
  if (documents.length === 0) return `${t("register-empty", { filter })}\n${t("register-hint")}`;
  const lines = [t("register-title", { count: documents.length, filter })];
  for (const document of documents.slice(0, MAX_DOCUMENTS)) {
    lines.push("", t("register-document", { name: document.name }));
    if (document.summary) lines.push(t("register-summary", { summary: document.summary }));
    lines.push(t("register-completion", { done: document.done, total: document.total, overdue: document.overdue }));
    for (const task of document.tasks.slice(0, MAX_TASKS)) {
      lines.push(
        t("register-task", {
          icon: standingMark(task.standing),
          title: task.title.length > 120 ? `${task.title.slice(0, 119)}…` : task.title,
          lead: task.leads.join(", ") || t("register-no-lead"),
          due: task.due ? t("register-task-due", { date: formatVietnameseDate(task.due) }) : "",
        }),
      );
    }
    if (document.tasks.length > MAX_TASKS) {
      lines.push(t("register-more-tasks", { count: document.tasks.length - MAX_TASKS }));
    }
  }
  if (documents.length > MAX_DOCUMENTS) {
    lines.push("", t("register-more-documents", { count: documents.length - MAX_DOCUMENTS }));
  }
  lines.push("", t("register-hint"));
  return lines.join("\n");
}

/** `/nhiemvu [quá hạn | xong | chưa xong] [số văn bản | đơn vị]`: the register of assigned work. */
export function registerFeature(): Composer<BoundContext> {
  const composer = new Composer<BoundContext>();
  composer.command("nhiemvu", async (ctx) => {
    const typed = ctx.match.trim();
    const { viewer } = ctx;
    const register = await loadRegisterTyped(ctx.deps.db, viewer, viewer.organizationSlug, typed, ctx.today);
    if (register.kind !== "ok") return void (await ctx.reply(refusalText(ctx.t, register)));
    for (const part of splitMessage(formatRegister(ctx.t, register.documents, typed), TELEGRAM_TEXT_LIMIT)) {
      await ctx.reply(part);
    }
  });
  return composer;
}
