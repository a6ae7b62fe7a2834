/**
 * The Telegram bot: one Composer per feature behind an error boundary, a
 * context built once per update (the person, their language, their session
 * in Postgres, a child logger), and the onboarding gate before everything else.
 */
import { autoRetry } from "@grammyjs/auto-retry";
import { sequentialize } from "@grammyjs/runner";
import { type Api, Bot, type BotConfig } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { DEFAULT_TIME_ZONE, localDay } from "../domain/planning/index.js";
import { loadSession, saveSession } from "./session.js";
import { findViewer } from "../services/people/viewer.js";
import type { BotContext, BotDeps } from "./context.js";
import { approvalsFeature } from "./features/approvals.js";
import { digestFeature } from "./features/digest.js";
import { conversationFeature } from "./features/conversation.js";
import { evidenceReferenceFeature } from "./features/evidence-reference.js";
import { helpFeature } from "./features/help.js";
import { inviteFeature } from "./features/invite.js";
import { languageFeature } from "./features/language.js";
import { milestoneWorkFeature } from "./features/milestone-work.js";
import { isBound, onboardingFeature, refuseStranger } from "./features/onboarding.js";
import { peopleFeature } from "./features/people.js";
import { planImportFeature } from "./features/plan-import.js";
import { reportFeature } from "./features/report.js";
import { reportChoicesFeature } from "./features/report-choices.js";
import { reviewFeature } from "./features/review.js";
import { parFeature } from "./features/par.js";
import { settingsFeature } from "./features/settings.js";
import { registerFeature } from "./features/register.js";
import { taskListsFeature } from "./features/task-lists.js";
import { typedRepliesFeature } from "./features/typed-replies.js";
import { webFeature } from "./features/web.js";
import { zaloLinkFeature } from "./features/zalo-link.js";
import { emailAddressFeature } from "./features/email-address.js";
import { DEFAULT_LOCALE, LOCALES, translatorFor } from "../i18n/i18n.js";

export type { BotDeps } from "./context.js";

export function createBot(deps: BotDeps, options: { botInfo?: UserFromGetMe } = {}): Bot<BotContext> {
  const config: BotConfig<BotContext> = { client: { apiRoot: deps.apiRoot } };
  if (options.botInfo) config.botInfo = options.botInfo;
  const bot = new Bot<BotContext>(deps.token, config);
  // 429s wait out retry_after and 5xx retry, so a busy moment never loses a reply. Network
  // errors are rethrown: the runtime retries them a bounded number of times, with logs.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30, rethrowHttpErrors: true }));

  // Updates of one chat in order (the runner handles chats concurrently): a session is never read while written.
  bot.use(sequentialize((ctx) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));
  const guarded = bot.errorBoundary(async (error) => {
    const ctx = error.ctx;
    ctx.log.error({ err: error.error }, "update failed");
    try {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t("error-generic"), show_alert: true });
      else if (ctx.chat) await ctx.reply(ctx.t("error-generic"));
    } catch {
      // The apology itself failed; the log above is what is left.
    }
  });

  guarded.use(async (ctx, next) => {
    ctx.deps = deps;
    ctx.log = deps.logger.child({ update_id: ctx.update.update_id });
    ctx.viewer = ctx.from ? await findViewer(deps.db, ctx.from.id) : null;
    ctx.translator = translatorFor(
      ctx.viewer?.locale ?? (ctx.from?.language_code?.startsWith("en") ? "en" : DEFAULT_LOCALE),
      { office: ctx.viewer?.officeName ?? null },
    );
    ctx.t = ctx.translator.t;
    ctx.today = localDay(deps.now(), ctx.viewer?.timeZone ?? DEFAULT_TIME_ZONE);
    ctx.session = ctx.viewer ? await loadSession(deps.db, ctx.viewer.personId) : { pending: null };
    const before = JSON.stringify(ctx.session);
    // A new command abandons whatever the bot was waiting for.
    if (ctx.message?.text?.startsWith("/")) ctx.session.pending = null;
    await next();
    if (ctx.viewer && JSON.stringify(ctx.session) !== before) await saveSession(deps.db, ctx.viewer, ctx.session);
  });

  // Group chats are not where people are reminded; the bot works in private chats only.
  const privateChats = guarded.filter((ctx) => ctx.chat?.type === "private" || ctx.callbackQuery !== undefined);
  privateChats.use(onboardingFeature());
  // Past the gate every feature is a Composer<BoundContext>: the viewer is there by type.
  const bound = privateChats.filter(isBound);
  bound.use(helpFeature());
  bound.use(languageFeature());
  bound.use(taskListsFeature());
  bound.use(registerFeature());
  bound.use(approvalsFeature());
  bound.use(digestFeature());
  bound.use(reportChoicesFeature());
  bound.use(reportFeature());
  bound.use(inviteFeature());
  bound.use(peopleFeature());
  bound.use(planImportFeature());
  bound.use(reviewFeature());
  bound.use(parFeature());
  bound.use(webFeature());
  bound.use(settingsFeature());
  bound.use(zaloLinkFeature());
  bound.use(emailAddressFeature());
  bound.use(milestoneWorkFeature());
  bound.use(evidenceReferenceFeature());
  bound.use(conversationFeature());
  bound.use(typedRepliesFeature());
  // A press nobody recognized: a forged or outdated payload.
  bound.on("callback_query:data", async (ctx) => {
    ctx.log.warn({ data: ctx.callbackQuery.data }, "unknown button payload");
    await ctx.answerCallbackQuery({ text: ctx.t("button-stale"), show_alert: true });
  });
  privateChats.use(refuseStranger);
  return bot;
}

/** The command menu in both languages; Telegram shows the one matching the user's app language. */
export async function registerCommands(api: Api): Promise<void> {
  for (const locale of LOCALES) {
    const { t } = translatorFor(locale);
    const commands = [
      { command: "viec", description: t("cmd-viec") },
      { command: "quahan", description: t("cmd-quahan") },
      { command: "canduyet", description: t("cmd-canduyet") },
      { command: "tonghop", description: t("cmd-tonghop") },
      { command: "baocao", description: t("cmd-baocao") },
      { command: "moi", description: t("cmd-moi") },
      { command: "nguoi", description: t("cmd-nguoi") },
      { command: "rasoat", description: t("cmd-rasoat") },
      { command: "nhiemvu", description: t("cmd-nhiemvu") },
      { command: "caidat", description: t("cmd-caidat") },
      { command: "chiso", description: t("cmd-chiso") },
      { command: "web", description: t("cmd-web") },
      { command: "ngonngu", description: t("cmd-ngonngu") },
      { command: "help", description: t("cmd-help") },
    ];
    if (locale === DEFAULT_LOCALE) await api.setMyCommands(commands);
    await api.setMyCommands(commands, { language_code: locale });
  }
}
