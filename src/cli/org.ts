/**
 * `nhacviec org`: a province's organizations. `org add` adds one (under a
 * province with --parent); `org import` adds a province's communes from a CSV
 * or .xlsx with their coordinators (and their groups: a "Nhóm" column) and
 * writes the invite links as one CSV, mailing each invite to the address the
 * list gives when SMTP is configured; `org group` lists a province's groups of
 * communes and adds communes to one or takes them out.
 */
import { readFile, writeFile } from "node:fs/promises";
import { basename } from "node:path";
import { openMigratedDatabase } from "../../db/client.js";
import { createMemoryRateLimiter } from "../../jobs/memory-rate-limiter.js";
import type { Config } from "../config.js";
import { ORGANIZATION_KINDS, type OrganizationKind } from "../domain/milestones/index.js";
import type { Logger } from "../logger.js";
import { createEmailSide } from "../runtime/email.js";
import { OPERATOR } from "../services/access.js";
import { inviteLink } from "../services/people/invites.js";
import { translatorFor } from "../i18n/i18n.js";
import { type CommuneGroupView, editCommuneGroup, loadCommuneGroups } from "../services/province/commune-groups.js";
import { inviteLinksCsv, type OnboardedCommune, onboardCommunes } from "../services/province/onboarding.js";
import { addOrganization, SLUG_PATTERN } from "../services/province/organizations.js";
import { botUsername } from "./invite.js";
import { refusalError, refusedError } from "./refusals.js";
import { UsageError } from "./usage-error.js";

type Out = (line: string) => void;

function optionsOf(args: string[], flags: readonly string[]) {
  const values: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--json") values.json = "true";
    else if (flags.includes(arg)) {
      const value = args[++i];
      if (value === undefined) throw new UsageError(`${arg} cần một giá trị`);
      values[arg.slice(2)] = value;
    } else if (arg.startsWith("--")) throw new UsageError(`không hiểu tham số "${arg}"`);
    else positional.push(arg);
  }
  return { values, positional };
}

function checkSlug(slug: string | undefined, what: string): string {
  if (!slug || !SLUG_PATTERN.test(slug)) {
    throw new UsageError(`${what} là tên ngắn gồm chữ thường, chữ số và dấu gạch ngang, ví dụ gio-son`);
  }
  return slug;
}

/** `org add <slug> --name "<n>" [--kind commune|province|department] [--parent <slug>]`. */
async function addOne(args: string[], config: Config, logger: Logger, out: Out) {
  const { values, positional } = optionsOf(args, ["--name", "--kind", "--parent"]);
  const slug = checkSlug(positional[0], "org add <slug>");
  if (!values.name) throw new UsageError('org add cần --name "UBND xã …"');
  const kind = (values.kind ?? (values.parent ? "commune" : "province")) as OrganizationKind;
  if (!ORGANIZATION_KINDS.includes(kind)) throw new UsageError(`--kind là một trong ${ORGANIZATION_KINDS.join(", ")}`);
  const parentSlug = values.parent === undefined ? undefined : checkSlug(values.parent, "--parent");
  const client = await openMigratedDatabase(config, logger, { max: 2 });
  try {
    const result = await addOrganization(client.db, OPERATOR, {
      slug,
      name: values.name,
      kind,
      ...(parentSlug ? { parentSlug } : {}),
    });
    if (!("id" in result)) throw refusalError(`tổ chức "${parentSlug}"`, result.kind);
    if (values.json) out(JSON.stringify({ slug, kind: result.kind, id: result.id }));
    else out(result.kind === "created" ? `Đã thêm ${values.name} (${slug}).` : `Đã có tổ chức ${slug}; giữ nguyên.`);
  } finally {
    await client.close();
  }
}

/** `org import <file.csv|xlsx> --parent <slug> [--out links.csv] [--json]`. */
async function importCommunes(args: string[], config: Config, logger: Logger, out: Out) {
  const { values, positional } = optionsOf(args, ["--parent", "--out"]);
  const path = positional[0];
  if (!path) throw new UsageError("org import cần một tệp .csv hoặc .xlsx: org import <tệp> --parent <slug>");
  const parentSlug = checkSlug(values.parent, "--parent");
  const username = await botUsername(config);
  const bytes = await readFile(path);
  // One run mails a province's list at most: a few a second is what a mail server takes from one sender.
  const email = createEmailSide(config, {
    limiter: createMemoryRateLimiter({ perSecond: 5, perChatIntervalMs: 0 }),
    now: () => new Date(),
  });
  const client = await openMigratedDatabase(config, logger, { max: 2 });
  try {
    const result = await onboardCommunes(client.db, OPERATOR, {
      parentSlug,
      fileName: basename(path),
      bytes,
      now: new Date(),
      ...(email ? { mailer: { channel: email.channel, linkOf: (code: string) => inviteLink(username, code) } } : {}),
    });
    if (result.kind !== "onboarded") throw refusalError(`tổ chức "${parentSlug}"`, result.kind);
    const csv = inviteLinksCsv(result.communes, (code) => inviteLink(username, code));
    if (values.out) await writeFile(values.out, csv);
    const created = result.communes.filter((c) => c.created).length;
    const groups = result.groupMemberships;
    if (values.json) {
      out(
        JSON.stringify({
          communes: result.communes.length,
          created,
          groupMemberships: groups,
          mails: mailCounts(result.communes),
          links: values.out ?? null,
        }),
      );
    } else {
      out(`Đã thêm ${created} xã/phường, tạo ${result.communes.length} liên kết mời người điều phối.`);
      if (groups > 0) out(`Đã xếp ${groups} lượt xã/phường vào nhóm.`);
      mailSummary(result.communes, out);
      if (values.out) out(`Liên kết mời: ${values.out}`);
      else out(csv.replace(/^\uFEFF/, "").trimEnd());
    }
  } finally {
    // A CommuneListError names every bad row and column at once; nothing was written.
    email?.channel.close();
    await client.close();
  }
}

function mailCounts(communes: readonly OnboardedCommune[]) {
  const count = (status: OnboardedCommune["mail"]) => communes.filter((c) => c.mail === status).length;
  return { sent: count("sent"), failed: count("failed"), none: count("no-address"), off: count("off") };
}

/** The invite mails in counts, or that none went because email is not configured. */
function mailSummary(communes: readonly OnboardedCommune[], out: Out) {
  const { t } = translatorFor("vi");
  const counts = mailCounts(communes);
  if (counts.off > 0) out(t("commune-invite-mail-off"));
  else if (counts.sent + counts.failed > 0) out(t("commune-invite-mail-summary", counts));
}

/** `--add a b c --remove d`: each flag takes the words after it up to the next flag; commas split too. */
function groupOptions(args: string[]) {
  const lists: Record<"add" | "remove", string[]> = { add: [], remove: [] };
  const positional: string[] = [];
  let json = false;
  let into: string[] | null = null;
  for (const arg of args) {
    if (arg === "--json") json = true;
    else if (arg === "--add" || arg === "--remove") into = lists[arg === "--add" ? "add" : "remove"];
    else if (arg.startsWith("--")) throw new UsageError(`không hiểu tham số "${arg}"`);
    else if (into) into.push(...arg.split(",").filter((slug) => slug !== ""));
    else positional.push(arg);
  }
  return { ...lists, positional, json };
}

function groupLines(groups: readonly CommuneGroupView[], out: Out) {
  const { t } = translatorFor("vi");
  if (groups.length === 0) out(t("group-none"));
  for (const group of groups) {
    const communes = group.communes.map((c) => `${c.name} (${c.slug})`).join(", ");
    out(t("group-line", { group: group.name, count: group.communes.length, communes }));
  }
}

/** `org group <province> [<group> [--add <slug>…] [--remove <slug>…]] [--json]`: list the groups, or edit one. */
async function editGroup(args: string[], config: Config, logger: Logger, out: Out) {
  const { add, remove, positional, json } = groupOptions(args);
  const province = checkSlug(positional[0], "org group <tỉnh>");
  const name = positional.slice(1).join(" ").trim();
  if (name === "" && add.length + remove.length > 0)
    throw new UsageError('org group <tỉnh> "<tên nhóm>" --add <mã xã>…');
  for (const slug of [...add, ...remove]) checkSlug(slug, "--add/--remove");
  const client = await openMigratedDatabase(config, logger, { max: 2 });
  try {
    if (add.length + remove.length === 0) {
      const listed = await loadCommuneGroups(client.db, OPERATOR, province, name === "" ? undefined : name);
      if (listed.kind !== "ok") {
        throw listed.reason ? refusedError(listed) : refusalError(`tổ chức "${province}"`, listed.kind);
      }
      const shown = listed.groups;
      if (json) out(JSON.stringify(shown));
      else groupLines(shown, out);
      return;
    }
    const edited = await editCommuneGroup(client.db, OPERATOR, {
      provinceSlug: province,
      group: name,
      add,
      remove,
      now: new Date(),
    });
    if (edited.kind !== "edited") {
      throw edited.reason ? refusedError(edited) : refusalError(`tổ chức "${province}"`, edited.kind);
    }
    const { t } = translatorFor("vi");
    const { group } = edited;
    if (json) out(JSON.stringify({ ...group, added: edited.added, removed: edited.removed, deleted: edited.deleted }));
    else if (edited.deleted) out(t("group-deleted", { group: group.name }));
    else {
      out(
        t("group-edited", {
          group: group.name,
          added: edited.added,
          removed: edited.removed,
          count: group.communes.length,
        }),
      );
      groupLines([group], out);
    }
  } finally {
    await client.close();
  }
}

export async function runOrg(args: string[], config: Config, logger: Logger, out: Out): Promise<void> {
  const [sub, ...rest] = args;
  if (sub === "add") return addOne(rest, config, logger, out);
  if (sub === "import") return importCommunes(rest, config, logger, out);
  if (sub === "group" || sub === "groups") return editGroup(rest, config, logger, out);
  throw new UsageError("org cần add, import hoặc group");
}
