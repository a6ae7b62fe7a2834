/** The landing page: "Cần xử lý" for the coordinators and the chairman, "Việc của tôi" for everyone else. */
import { Hono } from "hono";
import { needsAttention } from "../services/web/needs-attention.js";
import type { WebDeps } from "./app.js";
import { attentionPage } from "./pages/attention-page.js";
import { type PageRender, signedInRender, type SubjectRoutes, type WebEnv } from "./route-kit.js";

/** What a decision taken on this page says when the page comes back. */
const DONE_KEYS = ["approve", "return", "grant", "deny"] as const;

export function attentionRoutes(deps: WebDeps, render: PageRender = signedInRender): SubjectRoutes {
  const app = new Hono<WebEnv>();
  app.get("/", async (c) => {
    const t = c.get("t");
    const found = await needsAttention(deps.db, c.get("viewer"), c.get("today"));
    const done = DONE_KEYS.find((k) => k === c.req.query("done"));
    const title = t(found.kind === "decisions" ? "web-nav-attention" : "web-nav-mine");
    return render.page(
      c,
      200,
      title,
      attentionPage(t, found, {
        csrfToken: c.get("csrfToken"),
        timeZone: c.get("viewer").timeZone,
        flash: done ? t("web-done", { what: done }) : null,
      }),
    );
  });
  return { routes: app };
}
