/**
 * The Zalo front end: what a person types to the Zalo bot. Zalo has no
 * buttons, so a few typed phrases (src/domain/messages/text-commands.ts) stand
 * in for them, and every task in an answer carries a signed link to its page
 * in the web app, where the buttons are. A stranger's message that holds a
 * code binds their chat: an invite code (a new person) or the link code
 * `/zalo` gives on Telegram (someone already there).
 */
import { createHash } from "node:crypto";
import { DateTime } from "luxon";
import type { Database } from "../../../db/client.js";
import type { ZaloUpdate } from "../../channels/zalo/zalo-client.js";
import { parseTextCommand, type TaskReference } from "../../domain/messages/index.js";
import { translatorFor, type Translator } from "../../i18n/i18n.js";
import { DEFAULT_TIME_ZONE, localDay } from "../../domain/planning/index.js";
import type { Logger } from "../../logger.js";
import { capabilitiesOf, isRefused } from "../../services/access.js";
import { loadShownList, saveShownList } from "../../services/delivery/shown-list.js";
import { zaloChannel } from "../../channels/zalo/zalo-channel.js";
import { sendOnChannel, type ZaloChannelDeps } from "../../services/delivery/deliver.js";
import { markDone } from "../../services/milestones/milestone-actions.js";
import { listOpenMilestones, type MilestoneView } from "../../services/milestones/milestone-view.js";
import { findZaloViewer, markZaloChatReachable } from "../../services/people/channel-links.js";
import { type CodeRefused, INVITE_GUESS_LIMIT, redeemInviteOnZalo } from "../../services/people/invites.js";
import { findViewerById, type Viewer } from "../../services/people/viewer.js";
import { claimUpdate } from "../../services/processed-updates.js";
import { createSignInLink } from "../../services/web/sessions.js";
import { refusalText } from "../refusals.js";
import { milestoneLine, numberOf, titleOf } from "../views.js";

export interface ZaloBotDeps {
  db: Database;
  logger: Logger;
  now: () => Date;
  zalo: ZaloChannelDeps;
}

/** Tasks listed with a link each: a Zalo message stays short enough to read on a phone. */
const LIST_LIMIT = 15;

/** Zalo message ids are strings; the once-only table keys updates by a number, so a stable 48-bit hash stands in. */
export function zaloUpdateKey(update: ZaloUpdate): number | null {
  const id = update.message?.message_id;
  if (!id) return null;
  return parseInt(createHash("sha256").update(`${update.message?.chat.id}:${id}`).digest("hex").slice(0, 12), 16);
}

/** How the Zalo bot words a code it could not take: it also points to /zalo, which makes link codes. */
const CODE_REFUSED_KEYS: Record<CodeRefused["reason"], string> = {
  "code-unknown": "zalo-link-unknown",
  "code-used": "zalo-link-used",
  "code-expired": "zalo-link-expired",
  "chat-bound": "zalo-link-already-bound",
};

/** What the handler's parts share: the dependencies and a reply to a chat that logs what was not delivered. */
interface ZaloKit {
  deps: ZaloBotDeps;
  reply: (chatId: string, text: string) => Promise<void>;
}

function listText(
  { deps }: ZaloKit,
  t: Translator["t"],
  viewer: Viewer,
  views: MilestoneView[],
  today: string,
  title: string,
): string {
  const lines = [title];
  views.slice(0, LIST_LIMIT).forEach((view, i) => {
    lines.push("", milestoneLine(t, view, i + 1, today, capabilitiesOf(viewer).readOrganization));
    lines.push(t("zalo-task-link", { url: deps.zalo.taskLink(viewer.personId, view.id) }));
  });
  if (views.length > LIST_LIMIT) lines.push("", t("zalo-list-more", { count: views.length - LIST_LIMIT }));
  lines.push("", t("zalo-list-hint"));
  return lines.join("\n");
}

async function resolveTask(
  { deps }: ZaloKit,
  viewer: Viewer,
  reference: TaskReference,
  today: string,
): Promise<string | null> {
  const open = await listOpenMilestones(deps.db, viewer, { today });
  if (reference.kind === "task-number") return open.find((view) => numberOf(view) === reference.number)?.id ?? null;
  // The position in the last list this person was sent; their open tasks when none was.
  const shown = (await loadShownList(deps.db, viewer.personId)) ?? open.map((view) => view.id);
  return shown[reference.position - 1] ?? null;
}

/** A code sent as the first message: an invite (or a link code from the web) binds the chat to a person. */
async function bindWithCode(kit: ZaloKit, chatId: string, code: string, displayName: string): Promise<void> {
  const { deps, reply } = kit;
  const now = deps.now();
  const result = await redeemInviteOnZalo(deps.db, { code, chatId, displayName, now });
  if (isRefused(result)) {
    const t = translatorFor("vi", { office: "officeName" in result ? result.officeName : null }).t;
    if (result.reason === "too-many-attempts") {
      const minutes = Math.max(1, Math.ceil((result.retryAt.getTime() - now.getTime()) / 60_000));
      await reply(
        chatId,
        t("invite-too-many-attempts", {
          attempts: INVITE_GUESS_LIMIT.attempts,
          window: INVITE_GUESS_LIMIT.windowMinutes,
          time: DateTime.fromJSDate(result.retryAt, { zone: DEFAULT_TIME_ZONE }).toFormat("HH:mm"),
          minutes,
        }),
      );
      return;
    }
    await reply(chatId, t(CODE_REFUSED_KEYS[result.reason]));
    return;
  }
  const viewer = await findViewerById(deps.db, result.personId);
  const t = translatorFor(viewer?.locale, { office: viewer?.officeName ?? null }).t;
  if (result.via === "link-code") {
    deps.logger.info({ personId: result.personId, channel: "zalo" }, "zalo chat linked to a person");
    await reply(chatId, t("zalo-welcome-linked", { name: result.fullName, organization: result.organizationName }));
    return;
  }
  const unit = result.unitName ? t("unit-suffix", { unit: result.unitName }) : "";
  const welcome = t("welcome", {
    name: viewer?.fullName ?? displayName,
    organization: result.organizationName,
    role: t("role-name", { role: result.role }),
    unit,
  });
  await reply(chatId, [welcome, t("zalo-help")].join("\n\n"));
  deps.logger.info({ personId: result.personId, role: result.role, channel: "zalo" }, "invite redeemed on zalo");
}

/** "xong 2": the same service as the Telegram button, so the same checks and the same approval request. */
async function reportDone(kit: ZaloKit, chatId: string, viewer: Viewer, reference: TaskReference, today: string) {
  const { deps, reply } = kit;
  const { t } = translatorFor(viewer.locale, { office: viewer.officeName });
  const milestoneId = await resolveTask(kit, viewer, reference, today);
  if (!milestoneId) {
    const shown = reference.kind === "position" ? String(reference.position) : reference.number;
    await reply(chatId, t("zalo-done-no-such", { reference: shown }));
    return;
  }
  const result = await markDone(deps.db, viewer, milestoneId, { now: deps.now() });
  if (isRefused(result)) {
    await reply(chatId, refusalText(t, result));
    return;
  }
  const title = titleOf(result.milestone);
  if (result.kind === "needs-evidence") {
    const url = deps.zalo.taskLink(viewer.personId, milestoneId);
    await reply(chatId, t("zalo-done-needs-evidence", { title, product: result.milestone.product ?? "", url }));
    return;
  }
  if (result.kind === "already-submitted") return reply(chatId, t("completion-already-submitted", { title }));
  if (result.kind === "done") return reply(chatId, t("completion-done", { title }));
  if (result.kind !== "submitted") return;
  await reply(chatId, t("completion-submitted", { title }));
}

/**
 * Handles updates from Zalo: `once` skips an update seen before (polling);
 * `now` handles it as is (the webhook endpoint claimed it already).
 */
export function createZaloUpdateHandler(deps: ZaloBotDeps): {
  once: (update: ZaloUpdate) => Promise<void>;
  now: (update: ZaloUpdate) => Promise<void>;
} {
  const reply = async (chatId: string, text: string) => {
    const outcome = await sendOnChannel(zaloChannel(deps.zalo), chatId, { kind: "notice", text, buttons: [] });
    if (outcome.kind !== "sent") deps.logger.warn({ channel: "zalo", outcome }, "zalo reply not delivered");
  };
  const kit: ZaloKit = { deps, reply };

  const handle = async (update: ZaloUpdate) => {
    const message = update.message;
    if (!message || message.chat.chat_type !== "PRIVATE" || message.from.is_bot) return;
    const chatId = message.chat.id;
    const viewer = await findZaloViewer(deps.db, chatId);
    const { t } = translatorFor(viewer?.locale ?? "vi", { office: viewer?.officeName ?? null });
    if (update.event_name !== "message.text.received" || typeof message.text !== "string") {
      await reply(chatId, t(viewer ? "zalo-text-only" : "zalo-not-registered"));
      return;
    }
    const command = parseTextCommand(message.text);
    if (command.kind === "invite-code") return bindWithCode(kit, chatId, command.code, message.from.display_name ?? "");
    if (!viewer) return reply(chatId, t("zalo-not-registered"));
    // They wrote to the bot: a chat once marked unreachable (blocked) is reachable again.
    await markZaloChatReachable(deps.db, chatId);
    const today = localDay(deps.now(), viewer.timeZone);
    switch (command.kind) {
      case "help":
        return reply(chatId, t("zalo-help"));
      case "my-work":
      case "overdue": {
        const overdueOnly = command.kind === "overdue";
        const views = await listOpenMilestones(deps.db, viewer, { today, overdueOnly });
        if (views.length === 0) return reply(chatId, t(overdueOnly ? "overdue-empty" : "tasks-empty"));
        await saveShownList(
          deps.db,
          viewer,
          views.map((view) => view.id),
        );
        const title = t(overdueOnly ? "overdue-title" : "tasks-title", { count: views.length, page: 1, pages: 1 });
        return reply(chatId, listText(kit, t, viewer, views, today, title));
      }
      case "done":
        return reportDone(kit, chatId, viewer, command.task, today);
      case "done-without-task":
        return reply(chatId, t("zalo-done-usage"));
      case "web": {
        const token = await createSignInLink(deps.db, viewer, deps.now());
        return reply(chatId, t("zalo-web-link", { url: `${deps.zalo.publicUrl}/signin/${token}` }));
      }
      default:
        return reply(chatId, t("zalo-unknown"));
    }
  };

  return {
    now: handle,
    async once(update) {
      const key = zaloUpdateKey(update);
      if (key !== null && !(await claimUpdate(deps.db, "zalo", key, deps.now()))) return;
      await handle(update);
    },
  };
}
