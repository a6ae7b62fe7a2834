/** The plan as a filterable table and the chairman's overview: what the viewer may see of the organization. */
import { Hono } from "hono";
import { unitsWithNoRecipient } from "../services/review.js";
import { documentsAwaitingReceipt } from "../services/plans/received-on.js";
import { deadlinesPerMonth, loadPlanBoard, overviewOf } from "../services/web/plan-board.js";
import type { WebDeps } from "./app.js";
import { overviewPage } from "./pages/overview-page.js";
import { planPage, readPlanFilters } from "./pages/plan-page.js";
import { type PageRender, signedInRender, type SubjectRoutes, type WebEnv } from "./route-kit.js";

export function planRoutes(deps: WebDeps, render: PageRender = signedInRender): SubjectRoutes {
  const app = new Hono<WebEnv>();
  const { page } = render;

  app.get("/plan", async (c) => {
    const t = c.get("t");
    const viewer = c.get("viewer");
    const board = await loadPlanBoard(deps.db, viewer, c.get("today"));
    const filters = readPlanFilters((name) => c.req.query(name));
    // Coordinators only: the service refuses anyone else, who then sees no documents waiting for a receipt.
    const waiting = await documentsAwaitingReceipt(deps.db, viewer, viewer.organizationId);
    const receipts = waiting.kind === "ok" ? { csrfToken: c.get("csrfToken"), documents: waiting.documents } : null;
    return page(c, 200, t("web-nav-plan"), planPage(t, board, filters, c.get("today"), receipts));
  });

  app.get("/overview", async (c) => {
    const t = c.get("t");
    const viewer = c.get("viewer");
    const board = await loadPlanBoard(deps.db, viewer, c.get("today"));
    // Coordinators only: the service refuses anyone else, who then sees no needs-attention list.
    const unreached = await unitsWithNoRecipient(deps.db, viewer, viewer.organizationId);
    const noRecipient = unreached.kind === "ok" ? unreached.units : [];
    const year = Number(c.get("today").slice(0, 4));
    const more = {
      unitIds: new Map(board.units.map((u) => [u.name, u.id])),
      months: deadlinesPerMonth(board.rows, year),
      year,
    };
    return page(
      c,
      200,
      t("web-nav-overview"),
      overviewPage(t, board.organizationName, overviewOf(board), noRecipient, more),
    );
  });

  return { routes: app };
}
