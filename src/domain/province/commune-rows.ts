/**
 * The province's list of communes for onboarding, as a table (a CSV or a
 * sheet): one row per commune with its name, an optional short name (slug),
 * its coordinator's name and email address and the groups the province puts it
 * in ("Nhóm"). Pure: the reader gives the cells, this finds the
 * columns and says, row by row and in Vietnamese, what is wrong.
 */
import { normalizeEmailAddress } from "../email/email-address.js";
import { communeGroupKey } from "../units/commune-lead.js";
import { unitNameKey } from "../units/unit-names.js";

export interface CommuneRow {
  /** The row's line in the file (1-based), for messages. */
  line: number;
  name: string;
  slug: string;
  coordinatorName: string | null;
  /** The coordinator's address ("Email", "Thư điện tử"), lower-cased; the invite is mailed there when email is on. */
  email: string | null;
  /** The province's groups it is in ("Các xã biên giới", "Cụm 2"), as the file wrote them, each once. */
  groups: string[];
}

export interface CommuneRowError {
  line: number;
  /** The column's heading as the file wrote it; absent for a row-wide error. */
  column?: string;
  reason: string;
}

export type CommuneRowsResult = { ok: true; rows: CommuneRow[] } | { ok: false; errors: CommuneRowError[] };

/** Column headings, folded, by what they hold. */
const COLUMNS = {
  name: /^(?:ten )?(?:xa|phuong|xa phuong|don vi|to chuc|ten don vi|ten xa|ten xa phuong|ten)$|^ten (?:xa|phuong|don vi)/,
  slug: /^(?:ma|ma xa|ma don vi|slug|ten ngan|ten viet tat)$/,
  coordinator: /dieu phoi|can bo|nguoi phu trach|ho ten|ho va ten|dau moi/,
  groups: /^(?:ten |thuoc )?(?:nhom|cum)(?: xa| xa phuong| don vi)?$|^(?:nhom cum|cum nhom)$/,
  // "Email người điều phối" is the address, not the name: looked for before the coordinator's column.
  email: /(?:^| )(?:email|e mail|thu dien tu)(?: |$)/,
};

/** A group's name as a person types it; longer is a sentence in the wrong column. */
const GROUP_NAME_MAX = 100;

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** "Xã Gio Sơn" → "gio-son": the commune's name without its level, folded, dashed. */
export function communeSlug(name: string): string {
  return unitNameKey(name)
    .replace(/^(?:ubnd |uy ban nhan dan )?(?:xa|phuong|thi tran|dac khu) /, "")
    .replace(/ /g, "-")
    .slice(0, 63);
}

function findHeader(table: ReadonlyArray<{ cells: string[]; line: number }>) {
  for (const [index, row] of table.slice(0, 10).entries()) {
    const keys = row.cells.map((cell) => unitNameKey(cell));
    const name = keys.findIndex((k) => COLUMNS.name.test(k));
    if (name < 0) continue;
    const email = keys.findIndex((k) => COLUMNS.email.test(k));
    return {
      index,
      headings: row.cells,
      name,
      slug: keys.findIndex((k) => COLUMNS.slug.test(k)),
      coordinator: keys.findIndex((k, i) => i !== email && COLUMNS.coordinator.test(k)),
      email,
      groups: keys.findIndex((k) => COLUMNS.groups.test(k)),
    };
  }
  return null;
}

/** The groups of one cell, split on ";" and ","; each once (by its key), or the reason one is not a name. */
export function readGroupCell(cell: string): { ok: true; groups: string[] } | { ok: false; reason: string } {
  const groups = new Map<string, string>();
  for (const part of cell.split(/[;,]/)) {
    const name = part.replace(/\s+/g, " ").trim();
    if (name === "") continue;
    const key = communeGroupKey(name);
    if (key === "" || name.length > GROUP_NAME_MAX) {
      return { ok: false, reason: `"${name.slice(0, GROUP_NAME_MAX)}" không phải tên nhóm xã, phường` };
    }
    if (!groups.has(key)) groups.set(key, name);
  }
  return { ok: true, groups: [...groups.values()] };
}

/**
 * The communes of `table`: every error at once (a row's empty name, a short
 * name used twice or not of letters, digits and dashes, an address that is not
 * one), or the rows.
 */
export function readCommuneRows(table: ReadonlyArray<{ cells: string[]; line: number }>): CommuneRowsResult {
  const header = findHeader(table);
  if (!header) {
    return {
      ok: false,
      errors: [{ line: table[0]?.line ?? 1, reason: 'không thấy dòng tiêu đề có cột "Tên xã/phường"' }],
    };
  }
  const errors: CommuneRowError[] = [];
  const rows: CommuneRow[] = [];
  const seen = new Map<string, number>();
  const cell = (cells: string[], index: number) => (index < 0 ? "" : (cells[index] ?? "").trim());
  for (const { cells, line } of table.slice(header.index + 1)) {
    if (cells.every((c) => c.trim() === "")) continue;
    const name = cell(cells, header.name);
    const nameHeading = header.headings[header.name] as string;
    if (name === "") {
      errors.push({ line, column: nameHeading, reason: "để trống tên xã/phường" });
      continue;
    }
    const given = cell(cells, header.slug);
    const slug = given === "" ? communeSlug(name) : given;
    const slugHeading = header.slug >= 0 ? (header.headings[header.slug] as string) : nameHeading;
    if (!SLUG.test(slug)) {
      errors.push({
        line,
        column: slugHeading,
        reason: `mã "${slug}" chỉ được gồm chữ thường không dấu, chữ số và dấu gạch ngang`,
      });
      continue;
    }
    const earlier = seen.get(slug);
    if (earlier !== undefined) {
      errors.push({ line, column: slugHeading, reason: `mã "${slug}" trùng với dòng ${earlier}; hãy ghi cột "Mã"` });
      continue;
    }
    const groups = readGroupCell(cell(cells, header.groups));
    if (!groups.ok) {
      errors.push({ line, column: header.headings[header.groups], reason: groups.reason });
      continue;
    }
    const givenEmail = cell(cells, header.email);
    const email = givenEmail === "" ? null : normalizeEmailAddress(givenEmail);
    if (givenEmail !== "" && email === null) {
      errors.push({
        line,
        column: header.headings[header.email],
        reason: `"${givenEmail.slice(0, 100)}" không phải địa chỉ thư điện tử`,
      });
      continue;
    }
    seen.set(slug, line);
    const coordinatorName = cell(cells, header.coordinator);
    rows.push({
      line,
      name,
      slug,
      coordinatorName: coordinatorName === "" ? null : coordinatorName,
      email,
      groups: groups.groups,
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  if (rows.length === 0)
    return { ok: false, errors: [{ line: table.at(-1)?.line ?? 1, reason: "không có xã/phường nào" }] };
  return { ok: true, rows };
}
