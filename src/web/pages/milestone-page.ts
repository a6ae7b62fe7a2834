import { formatVietnameseDate } from "../../domain/calendar/index.js";
import type { Translator } from "../../i18n/i18n.js";
import type { MilestoneDetail } from "../../services/web/plan-board.js";
import { type Html, html } from "../html.js";
import { stateCell } from "./plan-page.js";

const dateOf = (at: Date, timeZone: string): string =>
  new Intl.DateTimeFormat("vi-VN", {
    timeZone,
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(at);

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const csrfField = (token: string) => html`<input type="hidden" name="_csrf" value="${token}" />`;

/** Everything about one milestone, and the decisions the viewer may take on it. */
export function milestonePage(
  t: Translator["t"],
  detail: MilestoneDetail,
  options: {
    csrfToken: string;
    timeZone: string;
    dateText?: string;
    /** The units a coordinator may make the lead (empty for everyone else). */
    leadChoices?: Array<{ id: string; name: string }>;
  },
): Html {
  const { milestone } = detail;
  const number = milestone.section ? `${milestone.section}.${milestone.stt ?? ""}` : (milestone.stt ?? "");
  return html`<p><a href="/plan">← ${t("web-nav-plan")}</a></p>
    <h1>${number} ${milestone.title}${milestone.label ? ` (${milestone.label})` : ""}</h1>
    ${factsSection(t, detail)} ${decisionSections(t, detail, options)} ${coordinatorSections(t, detail, options)}
    ${historySections(t, detail, options)}`;
}

/** What the milestone is: its state, dates, units, product and progress. */
function factsSection(t: Translator["t"], detail: MilestoneDetail): Html {
  const { milestone, row } = detail;
  return html` <section class="card c-${row?.colour ?? "grey"}" aria-labelledby="facts-h">
    <h2 id="facts-h">${t("web-schedule")}</h2>
    <dl class="facts">
      <dt>${t("web-col-state")}</dt>
      <dd>${row ? stateCell(t, row) : milestone.state}</dd>
      <dt>${t("web-col-deadline")}</dt>
      <dd id="due">${milestone.due ? formatVietnameseDate(milestone.due) : t("due-none")}</dd>
      ${
        milestone.start
          ? html`<dt>${t("web-start")}</dt>
              <dd>${formatVietnameseDate(milestone.start)}</dd>`
          : null
      }
      <dt>${t("web-written")}</dt>
      <dd>${(row?.deadlineTexts ?? []).join(" · ")}</dd>
      <dt>${t("web-col-lead")}</dt>
      <dd>${milestone.leadUnitNames.join(", ") || t("no-unit")}</dd>
      <dt>${t("web-col-support")}</dt>
      <dd>${(row?.supportUnits ?? []).join(", ")}</dd>
      ${
        milestone.product
          ? html`<dt>${t("web-product")}</dt>
              <dd>${milestone.product}</dd>`
          : null
      }
      ${
        milestone.progressPercent !== null
          ? html`<dt>${t("web-progress")}</dt>
              <dd>${milestone.progressPercent}%</dd>`
          : null
      }
      ${
        row && row.daysLate > 0
          ? html`<dt>${t("web-col-days-late")}</dt>
              <dd>${row.daysLate}</dd>`
          : null
      }
    </dl>
  </section>`;
}

/** The completion or extension waiting for this viewer's decision, with its buttons. */
function decisionSections(
  t: Translator["t"],
  detail: MilestoneDetail,
  options: {
    csrfToken: string;
    timeZone: string;
    dateText?: string;
    leadChoices?: Array<{ id: string; name: string }>;
  },
): Html {
  const { milestone, may } = detail;
  const completion = detail.pending.find((p) => p.kind === "completion");
  const extension = detail.pending.find((p) => p.kind === "extension");
  return html` ${
    completion && may.approve
      ? html`<section class="card" aria-labelledby="approve-h">
          <h2 id="approve-h">${t("web-pending-completion-title")}</h2>
          <p>
            ${t("web-pending-completion", {
              person: completion.requesterName,
              date: dateOf(completion.createdAt, options.timeZone),
              evidence: detail.evidence.length,
            })}
          </p>
          <div class="actions-grid">
            <form method="post" action="/m/${milestone.id}/decide">
              ${csrfField(options.csrfToken)}
              <input type="hidden" name="request" value="${completion.requestId}" /><input
                type="hidden"
                name="decision"
                value="approve"
              />
              <button type="submit">${t("web-approve")}</button>
            </form>
            <form method="post" action="/m/${milestone.id}/decide">
              ${csrfField(options.csrfToken)}
              <input type="hidden" name="request" value="${completion.requestId}" /><input
                type="hidden"
                name="decision"
                value="return"
              />
              <label for="return-comment">${t("web-return-comment")}</label>
              <textarea id="return-comment" name="comment" rows="2" required maxlength="2000"></textarea>
              <button class="secondary" type="submit">${t("web-return")}</button>
            </form>
          </div>
        </section>`
      : null
  }
  ${
    extension && may.decideExtension
      ? html`<section class="card" aria-labelledby="ext-h">
          <h2 id="ext-h">${t("web-pending-extension-title")}</h2>
          <p>
            ${t("web-pending-extension", {
              person: extension.requesterName,
              date: extension.requestedDue ? formatVietnameseDate(extension.requestedDue) : "",
              reason: extension.reason ?? "",
            })}
          </p>
          <div class="actions-grid">
            <form method="post" action="/m/${milestone.id}/decide">
              ${csrfField(options.csrfToken)}
              <input type="hidden" name="request" value="${extension.requestId}" /><input
                type="hidden"
                name="decision"
                value="grant"
              />
              <button type="submit">${t("web-grant")}</button>
            </form>
            <form method="post" action="/m/${milestone.id}/decide">
              ${csrfField(options.csrfToken)}
              <input type="hidden" name="request" value="${extension.requestId}" /><input
                type="hidden"
                name="decision"
                value="deny"
              />
              <label for="deny-comment">${t("web-comment")}</label>
              <textarea id="deny-comment" name="comment" rows="2" maxlength="2000"></textarea>
              <button class="secondary" type="submit">${t("web-deny")}</button>
            </form>
          </div>
        </section>`
      : null
  }`;
}

/** A coordinator's changes: the date and the lead unit. */
function coordinatorSections(
  t: Translator["t"],
  detail: MilestoneDetail,
  options: {
    csrfToken: string;
    timeZone: string;
    dateText?: string;
    leadChoices?: Array<{ id: string; name: string }>;
  },
): Html {
  const { milestone, may } = detail;
  const open = milestone.state !== "done" && milestone.state !== "cancelled";
  return html` ${
    open && may.coordinate
      ? html`<section class="card" aria-labelledby="date-h">
          <h2 id="date-h">${t("web-set-date")}</h2>
          <form method="post" action="/m/${milestone.id}/date">
            ${csrfField(options.csrfToken)}
            <label for="date-text">${t("web-set-date-hint")}</label>
            <input
              id="date-text"
              name="text"
              required
              maxlength="100"
              value="${options.dateText ?? ""}"
              autocomplete="off"
            />
            <p><button type="submit">${t("web-set-date-button")}</button></p>
          </form>
        </section>`
      : null
  }
  ${
    may.coordinate && (options.leadChoices ?? []).length > 0
      ? html`<section class="card" aria-labelledby="lead-h">
          <h2 id="lead-h">${t("web-lead-title")}</h2>
          <form method="post" action="/m/${milestone.id}/lead">
            ${csrfField(options.csrfToken)}
            <label for="lead-unit">${t("web-lead-unit")}</label>
            <select id="lead-unit" name="unit" required>
              ${(options.leadChoices ?? []).map(
                (unit) =>
                  html`<option value="${unit.id}" ${milestone.leadUnitIds.includes(unit.id) ? html` selected` : null}>
                    ${unit.name}
                  </option>`,
              )}
            </select>
            <p><button type="submit">${t("web-lead-button")}</button></p>
          </form>
        </section>`
      : null
  }`;
}

/** What happened so far: evidence files, progress notes and the event log. */
function historySections(t: Translator["t"], detail: MilestoneDetail, options: { timeZone: string }): Html {
  const { milestone } = detail;
  const notes = detail.events.filter((e) => e.action === "progress-note" || e.action === "progress");
  return html` <section class="card" aria-labelledby="evidence-h">
      <h2 id="evidence-h">${t("web-evidence")}</h2>
      ${
        detail.evidence.length === 0
          ? html`<p class="muted">${t("web-evidence-none")}</p>`
          : html`<ul>
              ${detail.evidence.map(
                (file) =>
                  html`<li>
                    <a href="/m/${milestone.id}/files/${file.id}" download>${file.fileName}</a>
                    <span class="muted"
                      >(${sizeText(file.sizeBytes)}, ${dateOf(file.createdAt, options.timeZone)})</span
                    >
                  </li>`,
              )}
            </ul>`
      }
    </section>
    <section class="card" aria-labelledby="notes-h">
      <h2 id="notes-h">${t("web-notes")}</h2>
      ${
        notes.length === 0
          ? html`<p class="muted">${t("web-notes-none")}</p>`
          : html`<ul>
              ${notes.map(
                (e) =>
                  html`<li>
                    ${dateOf(e.at, options.timeZone)} · ${e.actor ?? "—"}:
                    ${
                      e.action === "progress"
                        ? `${String(e.details.percent)}%`
                        : typeof e.details.note === "string"
                          ? e.details.note
                          : ""
                    }
                  </li>`,
              )}
            </ul>`
      }
    </section>
    <section class="card" aria-labelledby="events-h">
      <h2 id="events-h">${t("web-events")}</h2>
      <ol class="events">
        ${detail.events.map(
          (e) =>
            html`<li>
              <span class="muted">${dateOf(e.at, options.timeZone)}</span> ·
              ${t("web-event", {
                action: e.action,
              })}${e.actor ? ` · ${e.actor}` : ""}${eventDetail(e)}
            </li>`,
        )}
      </ol>
    </section>`;
}

function eventDetail(event: { action: string; details: Record<string, unknown> }): string {
  const d = event.details;
  if (event.action === "deadline-moved") {
    const to = (d.to as { due?: string } | undefined)?.due;
    return to ? ` → ${formatVietnameseDate(to)}` : "";
  }
  if (event.action === "completion-returned" && typeof d.comment === "string") return `: ${d.comment}`;
  if (event.action === "evidence-attached" && typeof d.fileName === "string") return `: ${d.fileName}`;
  if (event.action === "extension-requested" && typeof d.to === "string") return ` → ${formatVietnameseDate(d.to)}`;
  if (event.action === "lead-assigned" && typeof d.unit === "string") {
    const previous = Array.isArray(d.previous) ? d.previous.filter((p) => typeof p === "string").join(", ") : "";
    return previous ? `: ${previous} → ${d.unit}` : `: ${d.unit}`;
  }
  return "";
}
