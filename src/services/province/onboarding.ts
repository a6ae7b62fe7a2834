/**
 * Onboarding a province's communes from one file (a CSV or an .xlsx sheet of
 * communes with their coordinators): every commune and its coordinator's
 * invite in one transaction, so a file with a bad row writes nothing and says
 * which rows are wrong, in Vietnamese. With the email channel on, the invites
 * of rows with an address are mailed once that transaction has committed.
 */
import ExcelJS from "exceljs";
import type { Database } from "../../../db/client.js";
import { organizations } from "../../../db/schema.js";
import { type CommuneRowError, readCommuneRows } from "../../domain/province/index.js";
import { translatorFor } from "../../i18n/i18n.js";
import { ImportError } from "../../import/import-error.js";
import { parseCsv } from "../../import/readers/csv.js";
import { decodePlanText } from "../../import/readers/encoding.js";
import { isOperator, type Principal, type Refused } from "../access.js";
import { createInvite } from "../people/invites.js";
import { addToCommuneGroups } from "./commune-groups.js";
import { type InviteMailer, type InviteMailStatus, mailCommuneInvites } from "./commune-invites-mail.js";
import { parentToAddUnder } from "./organizations.js";

/** A file that holds no usable list of communes; `errors` name each row and column. */
export class CommuneListError extends Error {
  override readonly name = "CommuneListError";
  constructor(
    readonly file: string,
    readonly errors: readonly CommuneRowError[],
  ) {
    super(errors.map((e) => new ImportError(e.reason, file, { line: e.line, column: e.column }).message).join("\n"));
  }
}

/** The cells of the file's first sheet (xlsx) or its CSV lines, with their line numbers. */
async function tableOf(fileName: string, bytes: Buffer): Promise<Array<{ cells: string[]; line: number }>> {
  if (/\.xlsx$/i.test(fileName)) {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch {
      throw new CommuneListError(fileName, [{ line: 1, reason: "tệp .xlsx bị hỏng hoặc không phải bảng tính Excel" }]);
    }
    const sheet = workbook.worksheets[0];
    const rows: Array<{ cells: string[]; line: number }> = [];
    sheet?.eachRow({ includeEmpty: false }, (row, line) => {
      const cells: string[] = [];
      for (let c = 1; c <= sheet.columnCount; c++) cells.push(row.getCell(c).text ?? "");
      rows.push({ cells, line });
    });
    return rows;
  }
  const decoded = decodePlanText(bytes);
  if (!decoded) throw new CommuneListError(fileName, [{ line: 1, reason: "không đọc được tệp như văn bản CSV" }]);
  return parseCsv(decoded.text);
}

export interface OnboardedCommune {
  slug: string;
  name: string;
  coordinatorName: string | null;
  /** The coordinator's address from the list, where the invite was mailed (see `mail`). */
  email: string | null;
  /** Whether the invite went by mail: "off" when email is not configured, "no-address" when the row had none. */
  mail: InviteMailStatus;
  /** The one-time invite code of the commune's first coordinator; the front end makes it a link. */
  code: string;
  expiresAt: Date;
  /** False when the commune was already under the province (a file sent again): a new invite only. */
  created: boolean;
  /** The province's groups the file puts it in ("Nhóm"); a group the commune was in already stays. */
  groups: string[];
}

/**
 * Reads the file and adds its communes under `parentSlug` with an invite for
 * each one's coordinator. The operator, or the province's coordinators.
 * Throws CommuneListError for a bad file, before anything is written. With
 * `mailer`, each invite whose row has an address is mailed after the commit;
 * a send that fails is reported per commune and undoes nothing.
 */
export async function onboardCommunes(
  db: Database,
  principal: Principal,
  request: { parentSlug: string; fileName: string; bytes: Buffer; now: Date; mailer?: InviteMailer | undefined },
): Promise<
  Refused<"not-found" | "not-allowed"> | { kind: "onboarded"; communes: OnboardedCommune[]; groupMemberships: number }
> {
  const parent = await parentToAddUnder(db, principal, request.parentSlug);
  if (parent.kind !== "ok") return parent;
  const read = readCommuneRows(await tableOf(request.fileName, request.bytes));
  if (!read.ok) throw new CommuneListError(request.fileName, read.errors);
  const stored = await db.transaction(async (tx) => {
    const existing = await tx
      .select({ id: organizations.id, slug: organizations.slug, parentId: organizations.parentId })
      .from(organizations);
    const bySlug = new Map(existing.map((o) => [o.slug, o]));
    const taken = read.rows.filter((row) => {
      const known = bySlug.get(row.slug);
      return known !== undefined && known.parentId !== parent.organizationId;
    });
    if (taken.length > 0) {
      throw new CommuneListError(
        request.fileName,
        taken.map((row) => ({ line: row.line, reason: `mã "${row.slug}" đã là của một tổ chức khác` })),
      );
    }
    const fresh = read.rows.filter((row) => !bySlug.has(row.slug));
    const inserted =
      fresh.length === 0
        ? []
        : await tx
            .insert(organizations)
            .values(
              fresh.map((row) => ({
                slug: row.slug,
                name: row.name,
                kind: "commune" as const,
                parentId: parent.organizationId,
              })),
            )
            .returning({ id: organizations.id, slug: organizations.slug });
    const idOf = new Map([
      ...existing.map((o) => [o.slug, o.id] as const),
      ...inserted.map((o) => [o.slug, o.id] as const),
    ]);
    // The communes just added are under the parent this principal coordinates: it invites into them too.
    const inviter: Principal = isOperator(principal)
      ? principal
      : { ...principal, overseenOrganizationIds: [...(principal.overseenOrganizationIds ?? []), ...idOf.values()] };
    const communes: OnboardedCommune[] = [];
    for (const row of read.rows) {
      const invite = await createInvite(tx, inviter, {
        organizationId: idOf.get(row.slug) as string,
        role: "coordinator",
        fullName: row.coordinatorName,
        now: request.now,
      });
      if (invite.kind !== "created") throw new Error(`invite refused for ${row.slug}: ${invite.kind}`);
      communes.push({
        slug: row.slug,
        name: row.name,
        coordinatorName: row.coordinatorName,
        email: row.email,
        mail: row.email === null ? "no-address" : "off",
        code: invite.code,
        expiresAt: invite.expiresAt,
        created: !bySlug.has(row.slug),
        groups: row.groups,
      });
    }
    const groupMemberships = await addToCommuneGroups(
      tx,
      parent.organizationId,
      read.rows.map((row) => ({ communeId: idOf.get(row.slug) as string, groups: row.groups })),
      request.now,
    );
    return { kind: "onboarded" as const, communes, groupMemberships };
  });
  const statuses = await mailCommuneInvites(
    db,
    request.mailer,
    parent.organizationId,
    stored.communes.map((c) => ({ ...c, communeName: c.name })),
  );
  stored.communes.forEach((commune, i) => (commune.mail = statuses[i] ?? commune.mail));
  return stored;
}

/** The invite links as one CSV (UTF-8 with a BOM, so Excel reads the accents): one row per commune. */
export function inviteLinksCsv(communes: readonly OnboardedCommune[], linkOf: (code: string) => string): string {
  const { t } = translatorFor("vi");
  const quote = (value: string) => (/[",\n;]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const lines = [
    ["Mã", "Tên xã/phường", "Người điều phối", "Liên kết mời", "Hết hạn", "Thư điện tử", "Thư mời"].join(","),
    ...communes.map((c) =>
      [
        c.slug,
        c.name,
        c.coordinatorName ?? "",
        linkOf(c.code),
        c.expiresAt.toISOString(),
        c.email ?? "",
        t("commune-invite-status", { status: c.mail }),
      ]
        .map(quote)
        .join(","),
    ),
  ];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
