/**
 * A document's identity from the Decree 30/2020 layout: the issuing body under
 * the body above it, "Số: 25/TB-UBND", "Gio Sơn, ngày 02 tháng 12 năm 2026",
 * the kind ("THÔNG BÁO") and its summary line, "V/v …" for a letter, the signer
 * under "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", and the "Nơi nhận" list.
 */
import { withoutNationalMotto } from "../interpret/heading-case.js";
import type { DocumentKind } from "../plan-draft.js";
import { isPersonName, isRecipientsHeading, isSignatureLine, markerOf, type ProseLine } from "../prose/prose-lines.js";

export interface DocumentIdentity {
  kind: DocumentKind | null;
  number: string | null;
  issuedOn: string | null;
  place: string | null;
  issuer: string | null;
  parentIssuer: string | null;
  /** The summary line(s) under the kind, or the letter's "V/v …". */
  summary: string | null;
  signer: string | null;
  /** "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH". */
  signerTitle: string | null;
  recipients: string[];
  /** How many leading lines the heading block, kind and summary take. */
  headingLines: number;
}

const KINDS: ReadonlyArray<readonly [string, DocumentKind]> = [
  ["KẾ HOẠCH", "Kế hoạch"],
  ["THÔNG BÁO", "Thông báo"],
  ["CÔNG VĂN", "Công văn"],
  ["CHỈ THỊ", "Chỉ thị"],
  ["QUYẾT ĐỊNH", "Quyết định"],
  ["BÁO CÁO", "Báo cáo"],
  ["GIẤY MỜI", "Giấy mời"],
  ["TỜ TRÌNH", "Tờ trình"],
  ["HƯỚNG DẪN", "Hướng dẫn"],
  ["CHƯƠNG TRÌNH", "Chương trình"],
  ["CÔNG ĐIỆN", "Công điện"],
  ["NGHỊ QUYẾT", "Nghị quyết"],
];

/** The symbol in a number names the kind when no kind line does: "25/TB-UBND" is a Thông báo. */
const KIND_OF_SYMBOL: Record<string, DocumentKind> = {
  KH: "Kế hoạch",
  TB: "Thông báo",
  CT: "Chỉ thị",
  QĐ: "Quyết định",
  BC: "Báo cáo",
  GM: "Giấy mời",
  TTr: "Tờ trình",
  HD: "Hướng dẫn",
  CTr: "Chương trình",
  CĐ: "Công điện",
  NQ: "Nghị quyết",
};

const LEVELS =
  /^(?:UBND|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN)\s+(TỈNH|THÀNH PHỐ|HUYỆN|THỊ XÃ|QUẬN|XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU)\s+(.+)$/u;
const BODY =
  /^(SỞ|BAN|PHÒNG|VĂN PHÒNG|THANH TRA|CÔNG AN|BỘ CHỈ HUY|BAN CHỈ HUY|TRUNG TÂM|CHI CỤC|CỤC|BỘ|HỘI ĐỒNG NHÂN DÂN|BAN CHỈ ĐẠO)\s+(.+)$/u;

const lower = (text: string): string => text.toLocaleLowerCase("vi");
const capitalise = (text: string): string => text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);
const titleCase = (words: string): string => lower(words).split(/\s+/).map(capitalise).join(" ");

/** "UBND XÃ GIO SƠN" → "UBND xã Gio Sơn"; "SỞ NỘI VỤ" → "Sở Nội vụ"; null for other lines. */
function bodyName(line: string): { name: string; level: "local" | "body" } | null {
  const local = LEVELS.exec(line);
  if (local) return { name: `UBND ${lower(local[1] as string)} ${titleCase(local[2] as string)}`, level: "local" };
  const body = BODY.exec(line);
  if (body && line === line.toLocaleUpperCase("vi")) {
    return { name: `${capitalise(lower(body[1] as string))} ${capitalise(lower(body[2] as string))}`, level: "body" };
  }
  return null;
}

/** The issuer (lowest body) and the body above it, from the heading's upper-case lines. */
function readIssuer(head: string[]): { issuer: string | null; parentIssuer: string | null } {
  const names: Array<{ name: string; level: "local" | "body" }> = [];
  for (let i = 0; i < head.length; i++) {
    const line = withoutNationalMotto(head[i] as string);
    if (line === "" || /^Số\s*:/u.test(line)) continue;
    const joined = /^(UBND|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN)$/u.test(line)
      ? `${line} ${withoutNationalMotto(head[i + 1] ?? "")}`
      : line;
    const found = bodyName(joined.trim());
    if (found) {
      names.push(found);
      if (joined !== line) i++;
    }
  }
  const lowest = names[names.length - 1];
  if (!lowest) return { issuer: null, parentIssuer: null };
  const parent = names.length > 1 ? (names[names.length - 2] as { name: string }).name : null;
  // "SỞ TƯ PHÁP" under "UBND TỈNH GIA LAI" is "Sở Tư pháp tỉnh Gia Lai".
  const province = parent ? /^UBND (tỉnh|thành phố) (.+)$/u.exec(parent) : null;
  const issuer =
    lowest.level === "body" && province && /^Sở /u.test(lowest.name)
      ? `${lowest.name} ${province[1]} ${province[2]}`
      : lowest.name;
  return { issuer, parentIssuer: parent };
}

const KIND_LINE = new RegExp(`^(${KINDS.map(([k]) => k).join("|")})(?:\\s+(\\p{Lu}[\\p{Lu}\\s,]*))?$`, "u");

/** Reads the identity of a document from its lines; fields it does not find are null. */
export function readDocumentIdentity(lines: ProseLine[]): DocumentIdentity {
  const texts = lines.map((l) => l.text);
  const kindAt = texts.slice(0, 25).findIndex((t) => KIND_LINE.test(t));
  const letterAt = texts.slice(0, 25).findIndex((t) => /^(V\/v|V\/V|Về việc)\s/u.test(t));
  const headEnd = kindAt >= 0 ? kindAt : letterAt >= 0 ? letterAt : Math.min(texts.length, 10);
  const head = texts.slice(0, Math.max(headEnd, 0) + 1);
  const numberMatch = texts
    .slice(0, 25)
    .map((t) => /^Số\s*:\s*([\p{L}\d][\p{L}\d/.\-–]*)/u.exec(t))
    .find((m) => m !== null);
  const number = numberMatch ? (numberMatch[1] as string).replace(/[.–]$/u, "") : null;
  const dated = texts
    .slice(0, 25)
    .map((t) => /^([\p{Lu}][\p{L} .'-]*?),\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u.exec(t))
    .find((m) => m !== null);
  const issuedOn = dated
    ? `${dated[4]}-${String(dated[3]).padStart(2, "0")}-${String(dated[2]).padStart(2, "0")}`
    : null;

  let kind: DocumentKind | null = null;
  let summaryLines: string[] = [];
  let headingLines = headEnd + 1;
  if (kindAt >= 0) {
    const match = KIND_LINE.exec(texts[kindAt] as string) as RegExpExecArray;
    kind = (KINDS.find(([k]) => k === match[1]) as readonly [string, DocumentKind])[1];
    if (match[2]) summaryLines.push(capitalise(lower(match[2])));
    for (let i = kindAt + 1; i < Math.min(texts.length, kindAt + 4); i++) {
      const text = texts[i] as string;
      if (
        /^(căn cứ|kính gửi|thực hiện|xét|để|ngày|vào|sáng|chiều|hôm|trong|theo|qua|năm|chủ tịch|ủy ban|uỷ ban)(?=\s|$)/iu.test(
          text,
        )
      )
        break;
      if (/^[-–_]{3,}$/.test(text)) break;
      // A summary is a title: a line that ends a sentence, opens a list or is the recipients' is the body.
      if (/[.:;]$/u.test(text) || markerOf(text) !== null || isRecipientsHeading(text) || text.length > 200) break;
      summaryLines.push(text);
      headingLines = i + 1;
      if (text.length > 60 || /\d{4}\)?$/.test(text)) break;
    }
  } else if (letterAt >= 0) {
    summaryLines = [(texts[letterAt] as string).replace(/^(V\/v|V\/V|Về việc)\s+/u, "về việc ")];
    headingLines = letterAt + 1;
  }
  if (!kind) {
    const symbol = number ? /^[^/]*\/(?:\d{4}\/)?([\p{L}]+)/u.exec(number)?.[1] : undefined;
    kind = (symbol ? KIND_OF_SYMBOL[symbol] : undefined) ?? (letterAt >= 0 || number ? "Công văn" : null);
  }
  const { issuer, parentIssuer } = readIssuer(head);
  const recipientsAt = texts.findIndex(isRecipientsHeading);
  const recipients: string[] = [];
  if (recipientsAt >= 0) {
    const first = (texts[recipientsAt] as string).replace(/^nơi nhận\s*:?\s*/iu, "");
    for (const text of [first, ...texts.slice(recipientsAt + 1)]) {
      if (text.length === 0) continue;
      if (isSignatureLine(text) || (!/^[-+•]/u.test(text) && recipients.length > 0)) break;
      recipients.push(text.replace(/^[-+•]\s*/u, "").replace(/[;.,]+$/u, ""));
    }
  }
  const { signer, signerTitle } = readSigner(texts);
  return {
    kind,
    number,
    issuedOn,
    place: dated ? (dated[1] as string).trim() : null,
    issuer,
    parentIssuer,
    summary: summaryLines.length > 0 ? summaryLines.join(" ") : null,
    signer,
    signerTitle,
    recipients,
    headingLines,
  };
}

/** The capacity lines of the signature ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH") and the name under them. */
function readSigner(texts: string[]): { signer: string | null; signerTitle: string | null } {
  const capacity: string[] = [];
  let signer: string | null = null;
  for (let i = texts.length - 1; i >= 0 && i >= texts.length - 14; i--) {
    const text = texts[i] as string;
    if (signer === null && isPersonName(text) && !isSignatureLine(text)) signer = text;
    else if (isSignatureLine(text) && !/^\(|^\[/u.test(text) && signer !== null) {
      if (/^TM\.?\s/u.test(text)) break;
      capacity.unshift(text);
    } else if (signer !== null && capacity.length > 0) break;
  }
  return { signer, signerTitle: capacity.length > 0 ? capacity.join(" / ") : null };
}
