import { formatVietnameseDate } from "../../domain/calendar/index.js";
import { productIsDocument } from "../../domain/milestones/index.js";
import type { Translator } from "../../i18n/i18n.js";
import type { MilestoneDetail } from "../../services/web/plan-board.js";
import { type Html, html } from "../html.js";
import {
  csrfField,
  decisionForms,
  evidencePreviews,
  extensionText,
  sizeText,
  statusBadge,
  timeText as dateOf,
} from "./work-parts.js";

type T = Translator["t"];

export interface MilestonePageOptions {
  csrfToken: string;
  timeZone: string;
  dateText?: string;
  /** The units a coordinator may make the lead (empty for everyone else). */
  leadChoices?: Array<{ id: string; name: string }>;
  /** Whether files can be received here (the evidence folder is configured). */
  uploads?: boolean;
  /** A document reference typed and refused, kept in its field. */
  referenceText?: string;
  /** An extension request typed and refused, kept; the days an ambiguous text may mean, as buttons. */
  extension?: { text: string; reason: string; choices: string[] };
}

/**
 * Everything about one milestone, in the order it is decided: what waits for
 * the viewer's decision beside its evidence, then what the viewer can do,
 * then the facts, the coordinator's changes and the history.
 */
export function milestonePage(t: T, detail: MilestoneDetail, options: MilestonePageOptions): Html {
  const { milestone, row } = detail;
  const number = milestone.section ? `${milestone.section}.${milestone.stt ?? ""}` : (milestone.stt ?? "");
  return html`${
      detail.overseen
        ? html`<p>
              <a href="/province/communes/${detail.overseen.organizationId}">← ${detail.overseen.organizationName}</a>
            </p>
            <p class="muted" role="note">
              ${t("web-milestone-overseen", { organization: detail.overseen.organizationName })}
            </p>`
        : html`<p>
            <a href="/"
              >← ${t(detail.may.approve || detail.may.decideExtension ? "web-nav-attention" : "web-nav-mine")}</a
            >
            · <a href="/plan">${t("web-nav-plan")}</a>
          </p>`
    }
    <h1>${number} ${milestone.title}${milestone.label ? ` (${milestone.label})` : ""}</h1>
    <p class="summary">
      ${row ? statusBadge(t, row) : milestone.state}
      <span>${milestone.due ? t("web-due-on", { date: formatVietnameseDate(milestone.due) }) : t("due-none")}</span>
      <span>${milestone.leadUnitNames.join(", ") || t("no-unit")}</span>
    </p>
    ${decisionSections(t, detail, options)}
    ${
      // The lead unit's people do their work first; the office decides and corrects first, its own work after.
      detail.may.coordinate
        ? html`${factsSection(t, detail)} ${coordinatorSections(t, detail, options)} ${workSections(t, detail, options)}`
        : html`${workSections(t, detail, options)} ${factsSection(t, detail)} ${coordinatorSections(t, detail, options)}`
    }
    ${historySections(t, detail, options)}`;
}

/** What the milestone is: its state, dates, units, product and progress. */
function factsSection(t: T, detail: MilestoneDetail): Html {
  const { milestone, row } = detail;
  return html` <section class="card c-${row?.colour ?? "grey"}" aria-labelledby="facts-h">
    <h2 id="facts-h">${t("web-schedule")}</h2>
    <dl class="facts">
      <dt>${t("web-col-state")}</dt>
      <dd>${row ? statusBadge(t, row) : milestone.state}</dd>
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

/** The completion or extension waiting for this viewer's decision: what was sent beside the buttons. */
function decisionSections(t: T, detail: MilestoneDetail, options: MilestonePageOptions): Html {
  const { milestone, may } = detail;
  const completion = detail.pending.find((p) => p.kind === "completion");
  const extension = detail.pending.find((p) => p.kind === "extension");
  return html` ${
    completion && may.approve
      ? html`<section class="card decision" aria-labelledby="approve-h">
          <h2 id="approve-h">${t("web-pending-completion-title")}</h2>
          <div class="decision-body">
            <div>
              <p>
                ${t("web-pending-completion", {
                  person: completion.requesterName,
                  date: dateOf(completion.createdAt, options.timeZone),
                  evidence: detail.evidence.length + detail.references.length,
                })}
              </p>
              ${evidencePreviews(t, milestone.id, detail.evidence, detail.references)}
            </div>
            ${decisionForms(t, { ...completion, milestoneId: milestone.id }, options.csrfToken, null)}
          </div>
        </section>`
      : null
  }
  ${
    extension && may.decideExtension
      ? html`<section class="card decision" aria-labelledby="ext-h">
          <h2 id="ext-h">${t("web-pending-extension-title")}</h2>
          <div class="decision-body">
            <p>${extensionText(t, extension)}</p>
            ${decisionForms(t, { ...extension, milestoneId: milestone.id }, options.csrfToken, null)}
          </div>
        </section>`
      : null
  }`;
}

/**
 * What the lead unit's people do, as the chat's buttons do it: report done,
 * send evidence (files or a document's reference), report progress, ask for
 * more time. Only while the work is open and theirs.
 */
function workSections(t: T, detail: MilestoneDetail, options: MilestonePageOptions): Html {
  const { milestone, may } = detail;
  if (!may.act || milestone.state === "done" || milestone.state === "cancelled") return html``;
  const action = (verb: string) => `/m/${milestone.id}/${verb}`;
  const waiting = milestone.state === "submitted";
  const needsDocument = productIsDocument(milestone.product) && detail.evidence.length + detail.references.length === 0;
  const extension = options.extension;
  return html`<section class="card" aria-labelledby="work-h">
    <h2 id="work-h">${t("web-work-title")}</h2>
    ${waiting ? html`<p class="muted">${t("completion-already-submitted", { title: milestone.title })}</p>` : null}
    <div class="actions-grid">
      ${
        waiting
          ? null
          : html`<form method="post" action="${action("done")}" class="stack">
              ${csrfField(options.csrfToken)}
              <h3>${t("web-work-done")}</h3>
              ${
                needsDocument
                  ? html`<p class="muted">${t("web-work-done-needs", { product: milestone.product ?? "" })}</p>`
                  : null
              }
              <p><button type="submit">${t("web-work-done-button")}</button></p>
            </form>`
      }
      ${
        options.uploads
          ? html`<form method="post" action="${action("evidence")}" enctype="multipart/form-data" class="stack">
              ${csrfField(options.csrfToken)}
              <h3>${t("web-work-evidence")}</h3>
              <label for="evidence-files">${t("web-work-evidence-files")}</label>
              <input id="evidence-files" name="files" type="file" multiple required />
              ${
                waiting
                  ? null
                  : html`<label class="check"
                      ><input type="checkbox" name="then" value="done" /> ${t("web-work-then-done")}</label
                    >`
              }
              <p><button type="submit">${t("web-work-evidence-button")}</button></p>
            </form>`
          : null
      }
      <form method="post" action="${action("reference")}" class="stack">
        ${csrfField(options.csrfToken)}
        <h3>${t("web-work-reference")}</h3>
        <label for="reference-text">${t("web-work-reference-hint")}</label>
        <input id="reference-text" name="reference" required maxlength="1000" value="${options.referenceText ?? ""}" />
        <p><button type="submit">${t("web-work-reference-button")}</button></p>
      </form>
      <form method="post" action="${action("progress")}" class="stack">
        ${csrfField(options.csrfToken)}
        <h3>${t("web-work-progress")}</h3>
        <label for="progress-percent">${t("web-work-percent")}</label>
        <input
          id="progress-percent"
          name="percent"
          type="number"
          min="0"
          max="100"
          step="5"
          required
          value="${milestone.progressPercent ?? ""}"
          inputmode="numeric"
        />
        <label for="progress-note">${t("web-work-note")}</label>
        <textarea id="progress-note" name="note" rows="2" maxlength="2000"></textarea>
        <p><button type="submit">${t("web-work-progress-button")}</button></p>
      </form>
      <form method="post" action="${action("extend")}" class="stack">
        ${csrfField(options.csrfToken)}
        <h3>${t("web-work-extend")}</h3>
        <label for="extend-date">${t("web-work-extend-date")}</label>
        <input
          id="extend-date"
          name="date"
          required
          maxlength="100"
          autocomplete="off"
          value="${extension?.text ?? ""}"
        />
        ${
          extension && extension.choices.length > 0
            ? html`<fieldset class="choices">
                <legend>${t("web-work-extend-choose")}</legend>
                ${extension.choices.map(
                  (choice) =>
                    html`<button class="secondary" type="submit" name="chosen" value="${choice}">${choice}</button>`,
                )}
              </fieldset>`
            : null
        }
        <label for="extend-reason">${t("web-work-extend-reason")}</label>
        <textarea id="extend-reason" name="reason" rows="2" required maxlength="2000">
${extension?.reason ?? ""}</textarea>
        <p><button type="submit">${t("web-work-extend-button")}</button></p>
      </form>
    </div>
  </section>`;
}

/** A coordinator's changes: the date and the lead unit. */
function coordinatorSections(t: T, detail: MilestoneDetail, options: MilestonePageOptions): Html {
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

/** What happened so far: evidence, progress notes and the event log. */
function historySections(t: T, detail: MilestoneDetail, options: { timeZone: string }): Html {
  const notes = detail.events.filter((e) => e.action === "progress-note" || e.action === "progress");
  // Previewed above beside the approval buttons: here a list of the files is enough.
  const previewedAbove = detail.may.approve && detail.pending.some((p) => p.kind === "completion");
  return html` <section class="card" aria-labelledby="evidence-h">
      <h2 id="evidence-h">${t("web-evidence")}</h2>
      ${
        previewedAbove
          ? html`<ul>
              ${detail.evidence.map(
                (file) =>
                  html`<li>
                    <a href="/m/${detail.milestone.id}/files/${file.id}" download>${file.fileName}</a>
                    <span class="muted"
                      >(${sizeText(file.sizeBytes)}, ${dateOf(file.createdAt, options.timeZone)})</span
                    >
                  </li>`,
              )}
              ${detail.references.map((citation) => html`<li>📄 ${citation}</li>`)}
            </ul>`
          : evidencePreviews(t, detail.milestone.id, detail.evidence, detail.references)
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
