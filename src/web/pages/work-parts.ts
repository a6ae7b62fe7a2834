/**
 * Pieces the "Cần xử lý" page and the milestone page share: a milestone's
 * state word, its evidence with previews, and the decision buttons, so a
 * decision looks and posts the same wherever it is taken.
 */
import { formatVietnameseDate } from "../../domain/calendar/index.js";
import type { Translator } from "../../i18n/i18n.js";
import { titleOf } from "../../services/milestones/milestone-view.js";
import type { PlanBoardRow } from "../../services/web/plan-board.js";
import { type Html, html } from "../html.js";

type T = Translator["t"];

/** The state word the chat and the reports use for the same milestone, with its colour dot. */
export function statusBadge(t: T, row: Pick<PlanBoardRow, "shown" | "colour" | "daysLate">): Html {
  return html`<span class="state c-${row.colour}"
    ><span class="dot" aria-hidden="true"></span>${t("state-label", { state: row.shown, days: row.daysLate })}</span
  >`;
}

/** "II.3 Title (Quý II)": how a milestone is named in a list. */
export function milestoneName(row: Pick<PlanBoardRow, "section" | "stt" | "title" | "label">): string {
  const number = row.section ? `${row.section}.${row.stt ?? ""}` : (row.stt ?? "");
  return `${number} ${titleOf(row)}`.trim();
}

/** A moment in the office's time zone: "15/07/2025 09:00". */
export const timeText = (at: Date, timeZone: string): string =>
  new Intl.DateTimeFormat("vi-VN", {
    timeZone,
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(at);

export const csrfField = (token: string) => html`<input type="hidden" name="_csrf" value="${token}" />`;

export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Images shown in the page: the kinds a browser draws safely (no SVG, which can carry script). */
export const PREVIEW_IMAGE_TYPES = new Set(["image/jpeg", "image/png", "image/gif", "image/webp"]);
export const PDF_TYPE = "application/pdf";

export interface EvidenceItem {
  id: string;
  fileName: string;
  mimeType: string | null;
  sizeBytes: number;
}

/**
 * The evidence as an approver reads it before deciding: images drawn, PDFs
 * framed (with a link, since phones do not draw a framed PDF), other files
 * and cited documents as links and text.
 */
export function evidencePreviews(t: T, milestoneId: string, files: EvidenceItem[], references: string[]): Html {
  if (files.length === 0 && references.length === 0) return html`<p class="muted">${t("web-evidence-none")}</p>`;
  const url = (file: EvidenceItem) => `/m/${milestoneId}/files/${file.id}`;
  return html`<ul class="evidence">
    ${files.map((file) => {
      const link = html`<a href="${url(file)}" download>${file.fileName}</a>
        <span class="muted">(${sizeText(file.sizeBytes)})</span>`;
      const line = (more: Html | null) => html`<span>${link}${more}</span>`;
      if (file.mimeType && PREVIEW_IMAGE_TYPES.has(file.mimeType))
        return html`<li class="preview">
          <a href="${url(file)}?inline=1"
            ><img src="${url(file)}?inline=1" alt="${t("web-evidence-image", { file: file.fileName })}" loading="lazy"
          /></a>
          ${line(null)}
        </li>`;
      if (file.mimeType === PDF_TYPE)
        return html`<li class="preview">
          <iframe
            src="${url(file)}?inline=1#page=1&view=FitH&navpanes=0"
            title="${t("web-evidence-pdf", { file: file.fileName })}"
            loading="lazy"
          ></iframe>
          ${line(html` · <a href="${url(file)}?inline=1" target="_blank" rel="noopener">${t("web-evidence-open")}</a>`)}
        </li>`;
      return html`<li>${link}</li>`;
    })}
    ${references.map((citation) => html`<li>📄 ${citation}</li>`)}
  </ul>`;
}

export interface WaitingDecision {
  requestId: string;
  kind: "completion" | "extension";
  milestoneId: string;
}

/**
 * The two buttons of a decision. `back` is where to land after it ("/" from
 * "Cần xử lý"); ids make the labels unique when a page lists several.
 */
export function decisionForms(t: T, request: WaitingDecision, csrfToken: string, back: string | null): Html {
  const [yes, no] = request.kind === "completion" ? ["approve", "return"] : ["grant", "deny"];
  const action = `/m/${request.milestoneId}/decide`;
  const hidden = (decision: string) =>
    html`${csrfField(csrfToken)}<input type="hidden" name="request" value="${request.requestId}" /><input
        type="hidden"
        name="decision"
        value="${decision}"
      />${back ? html`<input type="hidden" name="back" value="${back}" />` : null}`;
  const commentId = `comment-${request.requestId}`;
  return html`<div class="decide">
    <form method="post" action="${action}">
      ${hidden(yes)}
      <button type="submit">${t(yes === "approve" ? "web-approve" : "web-grant")}</button>
    </form>
    <form method="post" action="${action}" class="stack">
      ${hidden(no)}
      <label for="${commentId}">${t(no === "return" ? "web-return-comment" : "web-comment")}</label>
      <textarea
        id="${commentId}"
        name="comment"
        rows="2"
        maxlength="2000"
        ${no === "return" ? html`required` : null}
      ></textarea>
      <button class="secondary" type="submit">${t(no === "return" ? "web-return" : "web-deny")}</button>
    </form>
  </div>`;
}

/** "Xin gia hạn đến 30/09/2025. Lý do: …" as the approver reads it. */
export function extensionText(
  t: T,
  request: { requesterName: string; requestedDue: string | null; reason: string | null },
): string {
  return t("web-pending-extension", {
    person: request.requesterName,
    date: request.requestedDue ? formatVietnameseDate(request.requestedDue) : "",
    reason: request.reason ?? "",
  });
}
