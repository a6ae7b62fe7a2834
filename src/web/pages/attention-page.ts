import { formatVietnameseDate } from "../../domain/calendar/index.js";
import type { Translator } from "../../i18n/i18n.js";
import { DUE_SOON_DAYS, type NeedsAttention, type WaitingRequest } from "../../services/web/needs-attention.js";
import type { PlanBoardRow } from "../../services/web/plan-board.js";
import { type Html, html } from "../html.js";
import { flash } from "./layout.js";
import { decisionForms, evidencePreviews, extensionText, milestoneName, statusBadge, timeText } from "./work-parts.js";

type T = Translator["t"];

interface AttentionOptions {
  csrfToken: string;
  timeZone: string;
  flash: string | null;
}

/**
 * The landing page. A leader's reads in the order work is done: decisions
 * waiting (each one action away), then overdue work longest late first with
 * its owner, then what falls due within a week. A member's is their units'
 * open work, soonest first.
 */
export function attentionPage(t: T, found: NeedsAttention, options: AttentionOptions): Html {
  if (found.kind === "own-work")
    return html`<h1>${t("web-nav-mine")}</h1>
      ${flash("ok", options.flash)}
      ${found.mine.length === 0 ? html`<p class="muted">${t("web-mine-empty")}</p>` : workList(t, found.mine, "due")}`;
  const waiting = found.requests.length + found.newUnits.length + found.undated.length + found.receipts.length;
  // Overdue work someone already asked more time for says so, with the day asked.
  const asked = new Map(
    found.requests.filter((r) => r.kind === "extension").map((r) => [r.row.milestoneId, r.requestedDue]),
  );
  return html`<h1>${t("web-nav-attention")}</h1>
    ${flash("ok", options.flash)}
    <p class="counts">
      <a class="tile" href="#waiting-h"><strong>${found.requests.length}</strong>${t("web-attention-tile-waiting")}</a>
      <a class="tile c-red" href="#overdue-h"
        ><strong>${found.overdue.length}</strong>${t("web-attention-tile-overdue")}</a
      >
      <a class="tile" href="#soon-h"
        ><strong>${found.dueSoon.length}</strong>${t("web-attention-tile-soon", { days: DUE_SOON_DAYS })}</a
      >
    </p>
    <section aria-labelledby="waiting-h">
      <h2 id="waiting-h">${t("web-attention-waiting", { count: found.requests.length })}</h2>
      ${waiting === 0 ? html`<p class="muted">${t("web-attention-none-waiting")}</p>` : null}
      ${found.requests.map((request) => requestCard(t, request, options))}
      ${
        found.newUnits.length > 0
          ? html`<details class="card">
              <summary>${t("web-attention-new-units", { count: found.newUnits.length })}</summary>
              <p class="muted">${t("web-attention-new-units-hint")}</p>
              <ul>
                ${found.newUnits.map(
                  (unit) =>
                    html`<li>
                      <a href="/people">${unit.name}</a>: ${t("web-attention-tasks", { count: unit.tasks })}
                    </li>`,
                )}
              </ul>
            </details>`
          : null
      }
      ${
        found.receipts.length > 0
          ? html`<details class="card" open>
              <summary>${t("web-receipts-waiting", { count: found.receipts.length })}</summary>
              <ul>
                ${found.receipts.map(
                  (r) =>
                    html`<li>
                      <a href="/register?source=${r.planId}#doc-${r.planId}">${r.document}</a>:
                      ${t("web-receipt-awaiting", { count: r.tasks })}
                    </li>`,
                )}
              </ul>
            </details>`
          : null
      }
      ${
        found.undated.length > 0
          ? html`<details class="card">
              <summary>${t("web-attention-undated", { count: found.undated.length })}</summary>
              <ul>
                ${found.undated.map(
                  (m) => html`<li><a href="/m/${m.milestoneId}">${milestoneName({ ...m, label: null })}</a></li>`,
                )}
              </ul>
            </details>`
          : null
      }
    </section>
    <section aria-labelledby="overdue-h">
      <h2 id="overdue-h">${t("web-attention-overdue", { count: found.overdue.length })}</h2>
      ${found.overdue.length === 0 ? html`<p class="muted">${t("web-overview-none-overdue")}</p>` : workList(t, found.overdue, "late", asked)}
    </section>
    <section aria-labelledby="soon-h">
      <h2 id="soon-h">${t("web-attention-due-soon", { days: DUE_SOON_DAYS, count: found.dueSoon.length })}</h2>
      ${found.dueSoon.length === 0 ? html`<p class="muted">${t("web-attention-none")}</p>` : workList(t, found.dueSoon, "due")}
    </section>`;
}

/** One decision waiting: what was sent, its evidence, and the buttons. */
function requestCard(t: T, request: WaitingRequest, options: AttentionOptions): Html {
  const { row } = request;
  const headingId = `req-${request.requestId}`;
  return html`<article class="card decision c-${row.colour}" aria-labelledby="${headingId}">
    <h3 id="${headingId}">
      ${t(request.kind === "completion" ? "web-attention-kind-completion" : "web-attention-kind-extension")}:
      <a href="/m/${row.milestoneId}">${milestoneName(row)}</a>
    </h3>
    <p>
      ${statusBadge(t, row)} · ${row.leadUnits.join(", ") || t("no-unit")} ·
      ${row.due ? t("web-due-on", { date: formatVietnameseDate(row.due) }) : t("due-none")}
    </p>
    <div class="decision-body">
      <div>
        ${
          request.kind === "completion"
            ? html`<p>
                  ${t("web-attention-completion", {
                    person: request.requesterName,
                    date: timeText(request.createdAt, options.timeZone),
                  })}
                </p>
                ${evidencePreviews(t, row.milestoneId, request.evidence, request.references)}`
            : html`<p>${extensionText(t, request)}</p>`
        }
      </div>
      ${
        request.mayDecide
          ? decisionForms(
              t,
              { requestId: request.requestId, kind: request.kind, milestoneId: row.milestoneId },
              options.csrfToken,
              "/",
            )
          : html`<p class="muted">${t("web-attention-coordinator-decides")}</p>`
      }
    </div>
  </article>`;
}

/** Work as a list a phone reads: state, name, owner, and how late or when due. */
function workList(
  t: T,
  rows: PlanBoardRow[],
  emphasis: "late" | "due",
  asked: Map<string, string | null> = new Map(),
): Html {
  return html`<ul class="worklist">
    ${rows.map(
      (row) =>
        html`<li class="c-${row.colour}">
          <a href="/m/${row.milestoneId}">${milestoneName(row)}</a>
          <span class="meta">
            ${statusBadge(t, row)}
            ${emphasis === "due" && row.due ? html`<span>${t("web-due-on", { date: formatVietnameseDate(row.due) })}</span>` : null}
            <span>${row.leadUnits.join(", ") || t("no-unit")}</span>
            ${
              asked.has(row.milestoneId)
                ? html`<span class="tag warn"
                    >${t("web-attention-extension-asked", { date: formatVietnameseDate(asked.get(row.milestoneId) ?? "") })}</span
                  >`
                : null
            }
          </span>
        </li>`,
    )}
  </ul>`;
}
