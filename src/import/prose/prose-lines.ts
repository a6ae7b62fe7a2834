/**
 * The lines of a document written as prose, and the parts of a Decree 30
 * layout that are never work: the heading block, "Căn cứ …", "Nơi nhận:" and
 * the signature. Shared by the prose plan reader and the directive interpreter.
 */
import { foldVietnamese } from "../../domain/deadline/cell-text.js";
import { plainCell } from "../interpret/cells.js";
import type { SourceDocument } from "../source-document.js";

/** One non-empty paragraph with the line (or paragraph number) that cites it. */
export interface ProseLine {
  text: string;
  line: number;
}

/**
 * The document's non-empty paragraphs, cleaned, each with its line of a .txt or
 * its paragraph number. A Word document's heading and signature sit in
 * borderless tables: their cells are read in place, column by column, so the
 * issuer's lines stay together; lines are then numbered in reading order.
 */
export function proseLinesOf(document: SourceDocument): ProseLine[] {
  const lines: ProseLine[] = [];
  const placed = document.tables.filter((t) => t.paragraphsBefore !== undefined);
  if (placed.length === 0) {
    document.paragraphs.forEach((paragraph, i) => {
      const text = plainCell(paragraph);
      if (text.length > 0) lines.push({ text, line: document.paragraphLines?.[i] ?? i + 1 });
    });
    return lines;
  }
  const texts: string[] = [];
  const tableText = (at: number): void => {
    for (const table of placed.filter((t) => t.paragraphsBefore === at)) {
      const width = Math.max(0, ...table.rows.map((r) => r.cells.length));
      for (let c = 0; c < width; c++) {
        for (const row of table.rows) {
          if (row.covered?.[c] || row.inherited?.[c]) continue;
          texts.push(...(row.cells[c] ?? "").split(/\n|<\/p>|<br\s*\/?>/u));
        }
      }
    }
  };
  document.paragraphs.forEach((paragraph, i) => {
    tableText(i);
    texts.push(paragraph);
  });
  tableText(document.paragraphs.length);
  for (const raw of texts) {
    const text = plainCell(raw);
    if (text.length > 0) lines.push({ text, line: lines.length + 1 });
  }
  return lines;
}

export const fold = (text: string): string => foldVietnamese(text.normalize("NFC")).toLowerCase();

/** "Nơi nhận:" opens the distribution list. */
export const isRecipientsHeading = (text: string): boolean => /^nơi nhận\s*:?/iu.test(text);

/** Signature block lines: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "(Đã ký)", "(ký, đóng dấu)". */
export function isSignatureLine(text: string): boolean {
  return (
    /^(TM|KT|TL|TUQ|Q|QUYỀN)\.?\s+\p{Lu}/u.test(text) ||
    /^(CHỦ TỊCH|PHÓ CHỦ TỊCH|GIÁM ĐỐC|PHÓ GIÁM ĐỐC|TRƯỞNG PHÒNG|PHÓ TRƯỞNG PHÒNG|CHÁNH VĂN PHÒNG|PHÓ CHÁNH VĂN PHÒNG|BÍ THƯ|TRƯỞNG BAN|THỦ TRƯỞNG)$/u.test(
      text,
    ) ||
    /^\((đã ký|ký|ký tên|ký,|ký và)[^)]*\)$/iu.test(text) ||
    /^\[?(chữ ký|ký số|đã ký)/iu.test(text)
  );
}

/** A person's name alone on a line: two to five capitalised words, no digits or marks. */
export const isPersonName = (text: string): boolean =>
  /^(?:\p{Lu}[\p{Ll}\p{M}]*\s+){1,4}\p{Lu}[\p{Ll}\p{M}]*$/u.test(text) && text.split(/\s+/).length >= 2;

/** The heading block of the Decree 30 layout: issuer, motto, number, place and date, kind. */
export function isHeadingBlockLine(text: string): boolean {
  return (
    /^(CỘNG HÒA|CỘNG HOÀ|Độc lập|ĐỘC LẬP)/u.test(text) ||
    /^[-–_=]{3,}$/.test(text) ||
    /^Số\s*:/u.test(text) ||
    /^[\p{Lu}][\p{L} .'-]+,\s*ngày\s/u.test(text) ||
    (/^[\p{Lu}\d\s,–-]+$/u.test(text) && text.length < 90 && /\p{Lu}/u.test(text))
  );
}

/** Item markers in the order offices nest them. */
export type MarkerKind = "num1" | "num2" | "num3" | "num4" | "letter" | "dash" | "plus" | "bullet" | "roman" | "upper";

export interface Marker {
  kind: MarkerKind;
  /** "1", "1.2", "a", "II", "A"; "" for a bullet. */
  label: string;
  /** The line without its marker. */
  rest: string;
}

/** The list marker a line starts with, if any. */
export function markerOf(text: string): Marker | null {
  const dotted = /^(\d{1,2}(?:\.\d{1,2}){1,3})\.?\s+(\S.*)$/u.exec(text);
  if (dotted) {
    const label = dotted[1] as string;
    return { kind: `num${label.split(".").length}` as MarkerKind, label, rest: dotted[2] as string };
  }
  const numbered = /^(\d{1,2})\s*[.)/]\s*(\S.*)$/u.exec(text);
  if (numbered) return { kind: "num1", label: numbered[1] as string, rest: numbered[2] as string };
  const part = /^(?:PHẦN|Phần)\s+([IVX]{1,5}|\d{1,2}|thứ\s+\S+|THỨ\s+\S+)\s*[.:–-]?\s*(\S.*)$/u.exec(text);
  if (part) return { kind: "roman", label: part[1] as string, rest: part[2] as string };
  const roman = /^([IVX]{1,5})\s*[.)/]\s*(\S.*)$/u.exec(text);
  if (roman) return { kind: "roman", label: roman[1] as string, rest: roman[2] as string };
  const upper = /^([A-HK-UWYZ])\s*[.)/]\s+(\S.*)$/u.exec(text);
  if (upper) return { kind: "upper", label: upper[1] as string, rest: upper[2] as string };
  const letter = /^([a-zđ])\s*[).]\s*(\S.*)$/u.exec(text);
  if (letter) return { kind: "letter", label: letter[1] as string, rest: letter[2] as string };
  const bullet = /^([-–]|\+|[•*·●▪◦])\s*(\S.*)$/u.exec(text);
  if (bullet) {
    const mark = bullet[1] as string;
    const kind: MarkerKind = mark === "-" || mark === "–" ? "dash" : mark === "+" ? "plus" : "bullet";
    return { kind, label: "", rest: bullet[2] as string };
  }
  return null;
}
