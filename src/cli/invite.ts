import { Api } from "grammy";
import { openMigratedDatabase } from "../../db/client.js";
import { belongsToUnit, type Role } from "../domain/milestones/index.js";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import { OPERATOR, refusedFor } from "../services/access.js";
import { createInvite, inviteLink, listInviteUnits, organizationBySlug } from "../services/people/invites.js";
import { TELEGRAM_API } from "../runtime/bot.js";
import { refusalError, refusalWords, RefusalError } from "./refusals.js";
import { UsageError } from "./usage-error.js";

const ROLES: Role[] = ["member", "unit_head", "coordinator", "chairman"];

function parseInviteArgs(args: string[]) {
  const options: { org?: string; role?: string; unit?: string; name?: string; "org-name"?: string; json: boolean } = {
    json: false,
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--json") options.json = true;
    else if (arg === "--org" || arg === "--role" || arg === "--unit" || arg === "--name" || arg === "--org-name") {
      const value = args[++i];
      if (value === undefined) throw new UsageError(`${arg} cần một giá trị`);
      options[arg.slice(2) as "org"] = value;
    } else throw new UsageError(`không hiểu tham số "${arg}"`);
  }
  if (!options.org) throw new UsageError("invite cần --org <slug>");
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(options.org)) {
    throw new UsageError("--org là tên ngắn gồm chữ thường, chữ số và dấu gạch ngang, ví dụ gio-son");
  }
  if (!options.role || !ROLES.includes(options.role as Role)) {
    throw new UsageError(`invite cần --role, một trong ${ROLES.join(", ")}`);
  }
  if (belongsToUnit(options.role as Role) && !options.unit) {
    throw new UsageError(`vai trò ${options.role} thuộc một bộ phận: hãy thêm --unit "<tên bộ phận>"`);
  }
  return { ...options, org: options.org, role: options.role as Role };
}

/** The bot's @username for the link: configured, or asked from Telegram with the token. */
export async function botUsername(config: Config): Promise<string> {
  if (config.telegramBotUsername) return config.telegramBotUsername;
  if (!config.telegramBotToken) {
    throw new UsageError("liên kết mời cần tên bot: hãy đặt TELEGRAM_BOT_USERNAME hoặc TELEGRAM_BOT_TOKEN");
  }
  const api = new Api(config.telegramBotToken, { apiRoot: config.telegramApiRoot ?? TELEGRAM_API });
  const me = await api.getMe();
  return me.username;
}

/**
 * `invite --org <slug> [--org-name "<name>"] --role <role> [--unit <unit>] [--name "<full name>"] [--json]`:
 * a one-time link valid 7 days; `--org-name` creates the organization for its first coordinator.
 */
export async function runInvite(args: string[], config: Config, logger: Logger, out: (line: string) => void) {
  const options = parseInviteArgs(args);
  const username = await botUsername(config);
  const client = await openMigratedDatabase(config, logger, { max: 2 });
  try {
    const organization = await organizationBySlug(client.db, options.org, options["org-name"]);
    if (!organization) {
      const words = refusalWords(refusedFor("organization-unknown", options.org));
      throw new RefusalError(`${words}, hoặc thêm --org-name "UBND xã …" để tạo mới`);
    }
    const invite = await createInvite(client.db, OPERATOR, {
      organizationId: organization.id,
      role: options.role,
      unitName: options.unit ?? null,
      fullName: options.name ?? null,
      now: new Date(),
    });
    if (invite.kind !== "created" && invite.reason === "unit-unknown") {
      // Name the units there are, so the next try can be right.
      const known = await listInviteUnits(client.db, OPERATOR, organization.id);
      const names = known.kind === "ok" ? known.units.map((u) => u.name).join(", ") : "";
      throw new RefusalError(`${refusalWords(invite)}; các bộ phận của ${options.org}: ${names}`);
    }
    if (invite.kind !== "created") throw refusalError(`tổ chức "${options.org}"`, invite);
    const link = inviteLink(username, invite.code);
    if (options.json) {
      out(
        JSON.stringify({
          code: invite.code,
          link,
          expiresAt: invite.expiresAt.toISOString(),
          organization: organization.slug,
          role: invite.role,
          unit: invite.unitName,
          name: options.name ?? null,
        }),
      );
    } else {
      out(link);
      out(
        `(${invite.role}${invite.unitName ? `, ${invite.unitName}` : ""}; dùng một lần, hết hạn ${invite.expiresAt.toISOString()})`,
      );
    }
  } finally {
    await client.close();
  }
}
