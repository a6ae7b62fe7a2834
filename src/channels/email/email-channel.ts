/**
 * The email channel: one SMTP server (SMTP_URL) sends every message as plain
 * text plus simple HTML, in the person's language; a task carries its signed
 * web link (email has no buttons); the digest chart rides inline (a cid
 * image); a digest carries List-Unsubscribe (one click, RFC 8058). SMTP's
 * answers are classified for the one retry loop: a 5xx at RCPT or DATA means
 * the address will not take mail (unreachable), 4xx and timeouts pass.
 */
import nodemailer from "nodemailer";
import type { SendRateLimiter } from "../../services/delivery/rate-limiter.js";
import { NotifierError, type NotifierFailure } from "../../services/notifier.js";
import type { ChannelMessage, DeliveryChannel } from "../channel.js";
import { emailHtml, subjectOf } from "./email-format.js";

export interface EmailChannelOptions {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://…:465. */
  smtpUrl: string;
  /** The From of every message, e.g. "Nhắc việc UBND xã <nhacviec@xa.gov.vn>". */
  from: string;
  limiter: SendRateLimiter;
  taskLink: (personId: string, milestoneId: string) => string;
  /** The public one-click link that stops digests to a person_channels row. */
  unsubscribeUrl: (channelRowId: string) => string;
  /** How long one SMTP step may wait for an answer. */
  timeoutMs?: number;
}

export interface EmailChannel extends DeliveryChannel {
  /** Closes the SMTP connections (a pooled transport keeps them open). */
  close(): void;
}

/** SMTP commands after which a 5xx speaks about the recipient or the message, not the server. */
const ADDRESS_COMMANDS = new Set(["RCPT TO", "DATA"]);
/** Network errors of nodemailer that mean the message never reached the server's acceptance. */
const PASSING_CODES = new Set(["ECONNECTION", "ETIMEDOUT", "ESOCKET", "EDNS", "ECONNREFUSED", "ECONNRESET"]);

/** How the one retry loop must treat an SMTP failure. */
export function emailFailureOf(error: unknown): NotifierFailure {
  const { responseCode, code, command } = (error ?? {}) as {
    responseCode?: number;
    code?: string;
    command?: string;
  };
  if (typeof responseCode === "number") {
    if (responseCode >= 500) {
      return ADDRESS_COMMANDS.has(command ?? "") || code === "EENVELOPE"
        ? { kind: "unreachable" }
        : { kind: "rejected" };
    }
    if (responseCode >= 400) return { kind: "transient" };
  }
  // SMTP only delivers after the server's 250 to the final dot: a cut or a timeout before it left nothing delivered.
  if (code && PASSING_CODES.has(code)) return { kind: "transient" };
  return { kind: "unknown" };
}

export function createEmailChannel(options: EmailChannelOptions): EmailChannel {
  const timeout = options.timeoutMs ?? 30_000;
  const transport = nodemailer.createTransport(options.smtpUrl, {
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  } as Parameters<typeof nodemailer.createTransport>[1]);
  return {
    name: "email",
    capabilities: { buttons: false, files: true, photos: true, photoInText: true },
    limiter: options.limiter,
    taskLink: options.taskLink,
    unsubscribeUrl: options.unsubscribeUrl,
    async send(address: string, message: ChannelMessage) {
      const cid = message.photo ? `chart-${Date.now()}@nhacviec` : undefined;
      try {
        const info = (await transport.sendMail({
          from: options.from,
          to: address,
          subject: subjectOf(message),
          text: message.text,
          html: emailHtml(message, cid),
          ...(message.photo && cid
            ? {
                attachments: [
                  {
                    filename: message.photo.fileName,
                    content: message.photo.png,
                    contentType: "image/png",
                    cid,
                  },
                ],
              }
            : {}),
          ...(message.unsubscribe
            ? {
                list: { unsubscribe: { url: message.unsubscribe.url, comment: message.unsubscribe.label } },
                headers: { "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
              }
            : {}),
        })) as { messageId?: string };
        return { messageId: info.messageId ?? "" };
      } catch (error) {
        const failure = emailFailureOf(error);
        throw new NotifierError(failure, error instanceof Error ? error.message : String(error));
      }
    },
    close: () => transport.close(),
  };
}
