/**
 * The province on the web: /province ranks its communes (per field of reform)
 * and rolls its tasks up; /province/communes/:id drills into one commune;
 * /province/tasks/:id shows one task across the communes. Forms give a
 * document's commune tasks to the communes, accept a commune's completion when
 * the province approves them, and onboard communes from a CSV or .xlsx (the
 * invite links come back as one CSV; with email on, each row's address gets
 * its invite by mail, and a commune's page mails a new one). Only for people of an organization with
 * organizations under it; anyone else, and any id outside the province, is 404.
 */
import { type Context, Hono } from "hono";
import type { Database } from "../../db/client.js";
import type { DeliveryChannel } from "../channels/channel.js";
import { formatLocalDate } from "../domain/planning/planning-context.js";
import { displayFileName } from "../domain/files/safe-file-name.js";
import { translatorFor } from "../i18n/i18n.js";
import type { Logger } from "../logger.js";
import { capabilitiesOf, hasAccess } from "../services/access.js";
import { inviteLink } from "../services/people/invites.js";
import type { Viewer } from "../services/people/viewer.js";
import { loadRegister } from "../services/plans/register.js";
import { loadCommuneGroups, setCommuneGroupMembers } from "../services/province/commune-groups.js";
import { type InviteMailer, mailCommuneInvite } from "../services/province/commune-invites-mail.js";
import { fanOutPlan } from "../services/province/fan-out.js";
import { CommuneListError, inviteLinksCsv, onboardCommunes } from "../services/province/onboarding.js";
import { childOrganizations } from "../services/province/organizations.js";
import { acceptCommuneCompletion, loadCommuneWork, loadLeague, loadTaskRollup } from "../services/province/standing.js";
import type { SendSlot } from "../services/reminders/sync-reminders.js";
import { reportPeriodsAround } from "../services/reports/cchc-report.js";
import { buildProvinceWorkbook } from "../services/reports/province-workbook.js";
import { communePage, type GroupsPart, leaguePage, taskRollupPage } from "./pages/province-page.js";
import { html } from "./html.js";
import { messagePage } from "./pages/sign-in-pages.js";
import { refusalStatus, refusalText } from "./refusals.js";
import { attachment, isId, type PageRender, signedInRender, type SubjectRoutes, type WebEnv } from "./route-kit.js";

/** A list of communes is a few kilobytes; a province's sheet with notes stays well under this. */
export const COMMUNE_LIST_LIMIT_BYTES = 2 * 1024 * 1024;

export interface ProvinceWebDeps {
  db: Database;
  logger: Logger;
  now: () => Date;
  botUsername?: string | undefined;
  /** The email channel, when on: onboarding mails each commune's invite to the address its row gives. */
  email?: { channel: DeliveryChannel } | undefined;
  scheduleSlots?: (slots: SendSlot[]) => Promise<void>;
}

/** Whether the viewer's organization has organizations under it: the province pages exist for them only. */
const overseesAny = (c: Context<WebEnv>) => capabilitiesOf(c.get("viewer")).overseeOrganizations;

/** Invites go by mail when email is on and the bot's name makes their links; else the CSV is the only way. */
function mailerOf(deps: ProvinceWebDeps): InviteMailer | undefined {
  const { email, botUsername } = deps;
  if (!email || !botUsername) return undefined;
  return { channel: email.channel, linkOf: (code) => inviteLink(botUsername, code) };
}

/** One commune's coordinator gets a new invite by mail, from the commune's page. */
function inviteMailSend(deps: ProvinceWebDeps, render: PageRender) {
  return async (c: Context<WebEnv>) => {
    const id = c.req.param("id");
    const mailer = mailerOf(deps);
    if (!overseesAny(c) || !isId(id) || !mailer) return render.notFound(c);
    const viewer = c.get("viewer");
    const t = c.get("t");
    const form = await c.req.parseBody();
    const text = (name: string, max: number) => (typeof form[name] === "string" ? form[name].trim().slice(0, max) : "");
    const name = text("name", 200);
    const result = await mailCommuneInvite({ db: deps.db, mailer, now: deps.now() }, viewer, {
      communeId: id,
      address: text("email", 254),
      coordinatorName: name === "" ? null : name,
    });
    const title = t("web-province-invite-mail");
    if (result.kind === "invalid") {
      const invalid = t("email-address-invalid", { address: result.address });
      return render.page(c, 422, title, messagePage(t, title, invalid));
    }
    if (result.kind !== "mailed") {
      if (result.kind === "not-found") return render.notFound(c);
      return render.page(c, 403, t("not-allowed"), messagePage(t, t("not-allowed"), ""));
    }
    const words = { address: result.address, commune: result.communeName };
    const said = result.sent
      ? t("web-province-invite-mailed", { ...words, expires: formatLocalDate(result.expiresAt, viewer.timeZone) })
      : t("web-province-invite-not-mailed", words);
    const back = html`<p><a href="/province/communes/${id}">${result.communeName}</a></p>`;
    return render.page(c, 200, title, messagePage(t, title, said, back));
  };
}

/** A CSV or workbook of communes and their coordinators: all made in one transaction, the invite links as a CSV back. */
function communesUpload(deps: ProvinceWebDeps, render: PageRender) {
  return async (c: Context<WebEnv>) => {
    if (!overseesAny(c)) return render.notFound(c);
    const viewer = c.get("viewer");
    const t = c.get("t");
    const form = await c.req.parseBody();
    const file = form.file;
    if (!(file instanceof File) || file.size === 0) {
      return render.page(
        c,
        400,
        t("web-province-onboard"),
        messagePage(t, t("web-province-onboard"), t("web-import-no-file")),
      );
    }
    try {
      const result = await onboardCommunes(deps.db, viewer, {
        parentSlug: viewer.organizationSlug,
        fileName: displayFileName(file.name),
        bytes: Buffer.from(await file.arrayBuffer()),
        now: deps.now(),
        mailer: mailerOf(deps),
      });
      if (result.kind !== "onboarded") return render.notFound(c);
      const csv = inviteLinksCsv(result.communes, (code) =>
        deps.botUsername ? inviteLink(deps.botUsername, code) : code,
      );
      c.header("content-type", "text/csv; charset=utf-8");
      c.header("content-disposition", `attachment; filename="moi-${viewer.organizationSlug}.csv"`);
      c.header("cache-control", "no-store");
      return c.body(csv);
    } catch (error) {
      // Every bad row and column, in Vietnamese; nothing was written.
      if (!(error instanceof CommuneListError)) throw error;
      return render.page(c, 400, t("web-province-onboard"), messagePage(t, t("web-province-onboard"), error.message));
    }
  };
}

/** The province's groups and the communes a group may hold, for the groups' forms. */
async function groupsPart(db: Database, viewer: Viewer): Promise<GroupsPart | null> {
  const groups = await loadCommuneGroups(db, viewer, viewer.organizationSlug);
  const children = await childOrganizations(db, viewer, viewer.organizationId);
  if (groups.kind !== "ok" || children.kind !== "ok") return null;
  return { groups: groups.groups, communes: children.children };
}

/** One group's form saved: the communes ticked are its members now (a new name makes the group). */
function groupSave(deps: ProvinceWebDeps, render: PageRender) {
  return async (c: Context<WebEnv>) => {
    if (!overseesAny(c)) return render.notFound(c);
    const viewer = c.get("viewer");
    const t = c.get("t");
    const form = await c.req.parseBody({ all: true });
    const group = typeof form.group === "string" ? form.group.trim().slice(0, 200) : "";
    const ticked = new Set([form.commune ?? []].flat().filter((v): v is string => typeof v === "string"));
    const result = await setCommuneGroupMembers(deps.db, viewer, {
      provinceSlug: viewer.organizationSlug,
      group,
      slugs: [...ticked],
      now: deps.now(),
    });
    if (result.kind === "edited") return c.redirect("/province", 303);
    if (result.kind === "not-found" && !result.reason) return render.notFound(c);
    const title = t("web-province-groups");
    return render.page(c, refusalStatus(result), title, messagePage(t, title, refusalText(t, result)));
  };
}

export function provinceRoutes(deps: ProvinceWebDeps, render: PageRender = signedInRender): SubjectRoutes {
  const app = new Hono<WebEnv>();

  app.get("/province", async (c) => {
    if (!overseesAny(c)) return render.notFound(c);
    const viewer = c.get("viewer");
    const field = (c.req.query("field") ?? "").trim().slice(0, 200);
    const league = await loadLeague(deps.db, viewer, viewer.organizationId, c.get("today"), {
      field: field || undefined,
    });
    if (league.kind !== "ok") return render.notFound(c);
    const register = await loadRegister(deps.db, viewer, viewer.organizationSlug, {}, c.get("today"));
    const documents = register.kind === "ok" ? register.documents.map((d) => ({ planId: d.planId, name: d.name })) : [];
    const canAssign = (viewer.overseenOrganizationIds ?? []).some((organizationId) =>
      hasAccess(viewer, "organization.assign", { organizationId }),
    );
    const t = c.get("t");
    const groups = canAssign ? await groupsPart(deps.db, viewer) : null;
    return render.page(
      c,
      200,
      t("web-province-league"),
      leaguePage(t, league, {
        field,
        documents,
        csrfToken: c.get("csrfToken"),
        canAssign,
        periods: reportPeriodsAround(c.get("today")),
        groups,
      }),
    );
  });

  app.get("/province/workbook", async (c) => {
    if (!overseesAny(c)) return render.notFound(c);
    const viewer = c.get("viewer");
    const today = c.get("today");
    const all = await loadLeague(deps.db, viewer, viewer.organizationId, today);
    if (all.kind !== "ok") return render.notFound(c);
    const byField = [];
    for (const field of all.fields) {
      const league = await loadLeague(deps.db, viewer, viewer.organizationId, today, { field });
      if (league.kind === "ok") byField.push({ field, rows: league.rows });
    }
    const bytes = await buildProvinceWorkbook(
      { provinceName: all.provinceName, asOf: today, all: all.rows, byField },
      translatorFor(viewer.locale, { office: viewer.officeName }),
    );
    return attachment(c, bytes, `ket-qua-cchc-${viewer.organizationSlug}-${today}.xlsx`, "xlsx");
  });

  app.get("/province/communes/:id", async (c) => {
    const id = c.req.param("id");
    if (!overseesAny(c) || !isId(id)) return render.notFound(c);
    const viewer = c.get("viewer");
    const work = await loadCommuneWork(deps.db, viewer, viewer.organizationId, id, c.get("today"));
    if (work.kind !== "ok") return render.notFound(c);
    const mailsInvites = mailerOf(deps) && hasAccess(viewer, "invite.create", { organizationId: id });
    const invite = mailsInvites ? { communeId: id, csrfToken: c.get("csrfToken") } : null;
    return render.page(c, 200, work.communeName, communePage(c.get("t"), work, invite));
  });

  app.get("/province/tasks/:id", async (c) => {
    const id = c.req.param("id");
    if (!overseesAny(c) || !isId(id)) return render.notFound(c);
    const rollup = await loadTaskRollup(deps.db, c.get("viewer"), id, c.get("today"));
    if (rollup.kind !== "ok") return render.notFound(c);
    return render.page(c, 200, rollup.title, taskRollupPage(c.get("t"), rollup, c.get("csrfToken"), c.get("today")));
  });

  app.post("/province/plans/:id/fan-out", async (c) => {
    const id = c.req.param("id");
    if (!overseesAny(c) || !isId(id)) return render.notFound(c);
    const result = await fanOutPlan(deps.db, c.get("viewer"), id, deps.now());
    const t = c.get("t");
    if ("task" in result) {
      // A lead naming a group the province has not defined: nothing was given out; say which task and group.
      const { number, title } = result.task;
      const task = t("fanout-task", { number: number || "none", title });
      const text = t("fanout-refused", { task, reason: refusalText(t, result) });
      return render.page(c, 422, t("web-province-assign"), messagePage(t, t("web-province-assign"), text));
    }
    if (result.kind === "not-found") return render.notFound(c);
    if (result.kind !== "fanned-out")
      return render.page(c, 403, t("not-allowed"), messagePage(t, t("not-allowed"), ""));
    await deps.scheduleSlots?.(result.slots);
    const text = t("web-province-assigned", { tasks: result.tasks, copies: result.reached.length });
    return render.page(c, 200, t("web-province-assign"), messagePage(t, t("web-province-assign"), text));
  });

  app.post("/province/copies/:id/accept", async (c) => {
    const id = c.req.param("id");
    if (!overseesAny(c) || !isId(id)) return render.notFound(c);
    const result = await acceptCommuneCompletion(deps.db, c.get("viewer"), id, deps.now());
    if (result.kind === "not-found") return render.notFound(c);
    const t = c.get("t");
    if (result.kind !== "accepted") {
      const title = t(result.kind === "stale" ? "web-province-not-done" : "not-allowed");
      return render.page(c, result.kind === "stale" ? 409 : 403, title, messagePage(t, title, ""));
    }
    return c.redirect("/province", 303);
  });

  app.post("/province/communes/import", communesUpload(deps, render));
  app.post("/province/groups", groupSave(deps, render));
  app.post("/province/communes/:id/invite", inviteMailSend(deps, render));

  return {
    routes: app,
    uploads: [{ method: "POST", path: "/province/communes/import", maxSize: COMMUNE_LIST_LIMIT_BYTES }],
  };
}
