/**
 * The one place the chat words a service's refusal. Features name only the
 * wording that differs for them ("only the office invites people").
 */
import type { Translator } from "../i18n/i18n.js";
import type { Refusal, Refused } from "../services/access.js";
import type { MilestoneView } from "../services/milestones/milestone-view.js";
import { titleOf } from "./views.js";

const REFUSAL_KEYS: Record<Refusal, string> = {
  "not-found": "button-stale",
  "not-allowed": "not-allowed",
  // A closed milestone is named with its state when the service returned it (see below).
  closed: "button-stale",
  stale: "button-stale",
};

/** A refusal as a service returns it; `closed` carries the milestone when there is one. */
export interface RefusalResult extends Refused {
  milestone?: Pick<MilestoneView, "title" | "label" | "state">;
}

/** The chat text for a refusal: its reason's words, else a feature's own key for the kind, else the kind's. */
export function refusalText(
  t: Translator["t"],
  refused: RefusalResult,
  wording: Partial<Record<Refusal, string>> = {},
): string {
  if (refused.reason) return t(`refusal-${refused.reason}`, { subject: refused.subject ?? "" });
  const own = wording[refused.kind];
  if (own) return t(own);
  if (refused.kind === "closed" && refused.milestone) {
    return t("milestone-closed", { title: titleOf(refused.milestone), state: refused.milestone.state });
  }
  return t(REFUSAL_KEYS[refused.kind]);
}
