/**
 * The email side of a process, when SMTP_URL and EMAIL_FROM are set: the
 * channel the delivery service sends through (its own limiter, signed task
 * and unsubscribe links) and the secret those links are checked with.
 * Without them nothing here runs.
 */
import { createHash } from "node:crypto";
import { createEmailChannel, type EmailChannel } from "../channels/email/email-channel.js";
import { createTaskLinkMac } from "../channels/task-link-mac.js";
import type { Config } from "../config.js";
import { signTaskLink, signUnsubscribeToken, type TaskLinkMac } from "../domain/links/index.js";
import type { SendRateLimiter } from "../services/delivery/rate-limiter.js";
import { EMAIL_CONFIRM_PATH, EMAIL_UNSUBSCRIBE_PATH } from "../web/email-routes.js";
import { TASK_LINK_VALID_MS } from "./zalo.js";

export interface EmailSide {
  channel: EmailChannel;
  /** The public link that confirms an address, from its one-time token. */
  confirmUrl: (token: string) => string;
  /** Signs and checks the task links and the unsubscribe links of the mails. */
  mac: TaskLinkMac;
  /** The bearer secret of POST /email/bounce (EMAIL_BOUNCE_SECRET), when set. */
  bounceSecret?: string | undefined;
}

/** TASK_LINK_SECRET, else one derived from the Zalo token or, failing that, the SMTP URL (its password). */
export function emailLinkMacFor(config: Pick<Config, "taskLinkSecret" | "zaloBotToken" | "smtpUrl">): TaskLinkMac {
  if (config.taskLinkSecret) return createTaskLinkMac(config.taskLinkSecret);
  const seed = config.zaloBotToken
    ? `nhacviec-task-links:${config.zaloBotToken}`
    : `nhacviec-email-links:${config.smtpUrl}`;
  return createTaskLinkMac(createHash("sha256").update(seed).digest("hex"));
}

/** The email channel of this process, or null when email is not configured. */
export function createEmailSide(
  config: Partial<
    Pick<Config, "smtpUrl" | "emailFrom" | "publicUrl" | "taskLinkSecret" | "zaloBotToken" | "emailBounceSecret">
  >,
  deps: { limiter: SendRateLimiter; now: () => Date; timeoutMs?: number },
): EmailSide | null {
  const { smtpUrl, emailFrom, publicUrl } = config;
  if (!smtpUrl || !emailFrom || !publicUrl) return null;
  const mac = emailLinkMacFor({
    smtpUrl,
    taskLinkSecret: config.taskLinkSecret,
    zaloBotToken: config.zaloBotToken,
  });
  const channel = createEmailChannel({
    smtpUrl,
    from: emailFrom,
    limiter: deps.limiter,
    ...(deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {}),
    taskLink: (personId, milestoneId) =>
      `${publicUrl}/t/${signTaskLink(
        { personId, milestoneId, expiresAt: new Date(deps.now().getTime() + TASK_LINK_VALID_MS) },
        mac,
      )}`,
    unsubscribeUrl: (rowId) => `${publicUrl}${EMAIL_UNSUBSCRIBE_PATH}/${signUnsubscribeToken(rowId, mac)}`,
  });
  return {
    channel,
    mac,
    confirmUrl: (token) => `${publicUrl}${EMAIL_CONFIRM_PATH}/${token}`,
    bounceSecret: config.emailBounceSecret,
  };
}
