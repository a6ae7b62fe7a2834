/**
 * The one place the web words a service's refusal and picks its status.
 * A refusal with a reason is about what the person typed or chose (422,
 * shown on the page with the form kept); one without names only its kind.
 */
import type { Translator } from "../i18n/i18n.js";
import type { Refusal, Refused } from "../services/access.js";

const KIND_KEYS: Record<Refusal, string> = {
  "not-found": "web-not-found",
  "not-allowed": "not-allowed",
  closed: "web-closed",
  stale: "refusal-stale",
};

const KIND_STATUS: Record<Refusal, number> = {
  "not-found": 404,
  "not-allowed": 403,
  // The page shows the milestone as it now stands, so the person sees why.
  closed: 403,
  stale: 409,
};

export function refusalStatus(refused: Refused): number {
  return refused.reason ? 422 : KIND_STATUS[refused.kind];
}

/** The sentence for a refusal: its reason's words, else a route's own key for the kind, else the kind's. */
export function refusalText(
  t: Translator["t"],
  refused: Refused,
  wording: Partial<Record<Refusal, string>> = {},
): string {
  if (refused.reason) return t(`refusal-${refused.reason}`, { subject: refused.subject ?? "" });
  return t(wording[refused.kind] ?? KIND_KEYS[refused.kind]);
}
