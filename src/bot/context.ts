import type { Context } from "grammy";
import type { PlanReader } from "../services/plans/import-plan-file.js";
import type { Database } from "../../db/client.js";
import type { Logger } from "../logger.js";
import type { ChatSession } from "./session.js";
import type { ZaloChannelDeps } from "../services/delivery/deliver.js";
import type { SendSlot } from "../services/reminders/sync-reminders.js";
import type { EmailChannelAccess } from "../services/people/email-addresses.js";
import type { Viewer } from "../services/people/viewer.js";
import type { Translator } from "../i18n/i18n.js";

/** What every handler gets besides grammY's context, built once per update. */
export interface BotDeps {
  db: Database;
  logger: Logger;
  /** For downloading evidence: `${apiRoot}/file/bot<token>/<path>`. */
  token: string;
  apiRoot: string;
  evidenceDir: string;
  /** The clock: real time in production, a fast one in the demo. */
  now: () => Date;
  /** Queues reminders replanned by a decision now, rather than at the next reconcile (Redis mode). */
  scheduleSlots?: (slots: SendSlot[]) => Promise<void>;
  /** For invite links: https://t.me/<username>?start=<code>. */
  botUsername?: string;
  /** The web app's address (PUBLIC_URL): `/web` links and the Mini App button. */
  publicUrl?: string;
  /** The Zalo channel, when on: notifications to people reach their Zalo chats too. */
  zalo?: ZaloChannelDeps;
  /** The email channel, when on: `/email` sets a person's address. */
  email?: EmailChannelAccess;
  /** The Zalo bot's name, shown by `/zalo` and in invites. */
  zaloBotName?: string;
  /** How a plan file sent in the chat is read: in a child process in production (readPlanFile). */
  planReader?: PlanReader;
}

export interface BotContext extends Context {
  deps: BotDeps;
  log: Logger;
  /** The bound person, or null for a stranger. */
  viewer: Viewer | null;
  translator: Translator;
  t: Translator["t"];
  /** Loaded on first use and saved at the end of the update when changed. */
  session: ChatSession;
  /** The organization's local day, for due dates and overdue counts. */
  today: string;
}

/** The viewer of an update past the onboarding gate. */
export type BoundContext = BotContext & { viewer: Viewer };
