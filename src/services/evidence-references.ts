/**
 * Evidence by reference: an office's own document cited by type, number/symbol,
 * date and issuer ("Kế hoạch số 15/KH-UBND ngày 20/01/2026 của UBND xã Gio
 * Sơn"), the way the CCHC self-assessment cites it, instead of an uploaded file.
 */
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { evidenceReferences, milestoneEvents } from "../../db/schema.js";
import { formatVietnameseDate, type IsoDate, isRealDate, toIsoDate } from "../domain/calendar/index.js";
import type { ActionContext } from "./milestones/milestone-actions.js";
import { authorizeMilestone, type MilestoneView } from "./milestones/milestone-view.js";
import type { Viewer } from "./people/viewer.js";

/** A document as an office cites it. */
export interface DocumentReference {
  /** "Kế hoạch", "Quyết định", "Công văn"… */
  documentType: string;
  /** Số/ký hiệu: "15/KH-UBND". */
  numberSymbol: string;
  issuedOn: IsoDate;
  issuer: string;
}

export type ParseReferenceResult =
  | { ok: true; reference: DocumentReference }
  | { ok: false; reason: "no-number" | "no-date" | "impossible-date" | "no-issuer" };

/** Kinds of documents by the abbreviation Decree 30/2020 gives them in the symbol. */
const TYPE_BY_ABBREVIATION: Record<string, string> = {
  KH: "Kế hoạch",
  QĐ: "Quyết định",
  BC: "Báo cáo",
  TB: "Thông báo",
  TTR: "Tờ trình",
  CT: "Chỉ thị",
  NQ: "Nghị quyết",
  HD: "Hướng dẫn",
  BB: "Biên bản",
  QC: "Quy chế",
  QY: "Quy định",
  CTR: "Chương trình",
  GM: "Giấy mời",
  TTRA: "Thông tri",
};
const TYPES = [...new Set(Object.values(TYPE_BY_ABBREVIATION)), "Công văn", "Văn bản", "Thông tư", "Nghị định"];
const fold = (text: string) => text.normalize("NFC").toLocaleLowerCase("vi");

// "15/KH-UBND", "123/QĐ-UBND", "45/UBND-VP" (a công văn carries no type abbreviation), "07/2025/QĐ-UBND".
const NUMBER_SYMBOL =
  /(?<![\p{L}\d])(\d{1,5}[a-z]?)\s*\/\s*((?:\d{4}\s*\/\s*)?[\p{Lu}Đ][\p{Lu}Đ\d]*(?:\s*-\s*[\p{Lu}Đ][\p{Lu}Đ\d]*)*)/u;
const NUMERIC_DATE = /(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)/u;
const WORDED_DATE = /(?<!\d)(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})(?!\d)/iu;

/** Reads a typed reference; the number/symbol, a real date and the issuer are all required. */
export function parseDocumentReference(text: string): ParseReferenceResult {
  const clean = text.normalize("NFC").replace(/\s+/g, " ").trim();
  const number = NUMBER_SYMBOL.exec(clean);
  if (!number) return { ok: false, reason: "no-number" };
  const numberSymbol = `${number[1]}/${(number[2] as string).replace(/\s+/g, "")}`;
  const rest =
    clean.slice(0, number.index) + " ".repeat(number[0].length) + clean.slice(number.index + number[0].length);
  const date = WORDED_DATE.exec(rest) ?? NUMERIC_DATE.exec(rest);
  if (!date) return { ok: false, reason: "no-date" };
  const [day, month, year] = [Number(date[1]), Number(date[2]), Number(date[3])];
  if (!isRealDate(year, month, day) || year < 1945) return { ok: false, reason: "impossible-date" };
  const issuer = issuerOf(clean, [number.index + number[0].length, date.index + date[0].length]);
  if (!issuer) return { ok: false, reason: "no-issuer" };
  return {
    ok: true,
    reference: {
      documentType: typeOf(clean, numberSymbol),
      numberSymbol,
      issuedOn: toIsoDate(year, month, day),
      issuer,
    },
  };
}

function typeOf(text: string, numberSymbol: string): string {
  const folded = fold(text);
  const named = TYPES.map((type) => ({ type, at: folded.indexOf(fold(type)) }))
    .filter((candidate) => candidate.at >= 0)
    .sort((a, b) => a.at - b.at)[0];
  if (named) return named.type;
  const symbol = numberSymbol.split("/").at(-1) as string;
  const abbreviation = (symbol.split("-")[0] as string).toLocaleUpperCase("vi");
  if (symbol.includes("-") && TYPE_BY_ABBREVIATION[abbreviation]) return TYPE_BY_ABBREVIATION[abbreviation];
  return "Công văn";
}

/** The issuer follows "của", else whatever follows the number and the date after a separator. */
function issuerOf(text: string, ends: number[]): string | null {
  const of = /\bcủa\s+(.+)$/iu.exec(text);
  const tail = of ? (of[1] as string) : text.slice(Math.max(...ends)).replace(/^[\s,;:–-]+/u, "");
  const issuer = tail.replace(/[\s.,;]+$/u, "").trim();
  return /\p{L}{2,}/u.test(issuer) ? issuer : null;
}

/** "Kế hoạch số 15/KH-UBND ngày 20/01/2026 của UBND xã Gio Sơn": how reports cite it. */
export function citeReference(reference: DocumentReference): string {
  return `${reference.documentType} số ${reference.numberSymbol} ngày ${formatVietnameseDate(reference.issuedOn)} của ${reference.issuer}`;
}

export type AddReferenceResult =
  | { kind: "not-found" }
  | { kind: "not-allowed" }
  | { kind: "closed"; milestone: MilestoneView }
  | { kind: "saved"; milestone: MilestoneView; duplicate: boolean };

/** Stores a confirmed reference beside the milestone's evidence files; the same number/symbol twice is kept once. */
export async function addEvidenceReference(
  db: Database,
  viewer: Viewer,
  milestoneId: string,
  input: { reference: DocumentReference; typedText: string },
  context: ActionContext,
): Promise<AddReferenceResult> {
  const authorized = await authorizeMilestone(db, viewer, milestoneId);
  if (authorized.kind !== "ok") return authorized;
  const { milestone } = authorized;
  if (milestone.state === "done" || milestone.state === "cancelled") return { kind: "closed", milestone };
  const { reference } = input;
  const duplicate = await db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: evidenceReferences.id })
      .from(evidenceReferences)
      .where(
        and(
          eq(evidenceReferences.milestoneId, milestone.id),
          eq(evidenceReferences.numberSymbol, reference.numberSymbol),
          eq(evidenceReferences.issuedOn, reference.issuedOn),
        ),
      );
    if (existing) return true;
    await tx.insert(evidenceReferences).values({
      organizationId: milestone.organizationId,
      milestoneId: milestone.id,
      createdByPersonId: viewer.personId,
      ...reference,
      typedText: input.typedText.slice(0, 1000),
      createdAt: context.now,
    });
    await tx.insert(milestoneEvents).values({
      organizationId: milestone.organizationId,
      milestoneId: milestone.id,
      actorPersonId: viewer.personId,
      at: context.now,
      action: "evidence-referenced",
      details: { ...reference },
      telegramChatId: context.source?.chatId ?? null,
      telegramMessageId: context.source?.messageId ?? null,
    });
    return false;
  });
  return {
    kind: "saved",
    milestone: { ...milestone, evidenceCount: milestone.evidenceCount + (duplicate ? 0 : 1) },
    duplicate,
  };
}
