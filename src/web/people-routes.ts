/**
 * Units and people on the web: the coordinator invites, stops someone's
 * reminders, merges two units and splits a cell that named several, through
 * the services the chat and the command line use. Every id is looked up in
 * the viewer's organization by the service; another organization's is a 404.
 */
import { type Context, Hono } from "hono";
import { formatLocalDate } from "../domain/planning/index.js";
import type { Database } from "../../db/client.js";
import { belongsToUnit, type Role } from "../domain/milestones/index.js";
import { capabilitiesOf } from "../services/access.js";
import { createInvite, inviteLink } from "../services/people/invites.js";
import type { TaskLinkMac } from "../domain/links/index.js";
import { type EmailChannelAccess, emailAddressesOf, requestEmailAddress } from "../services/people/email-addresses.js";
import { deactivatePerson } from "../services/people/roster.js";
import { type SendSlot, syncReminders } from "../services/reminders/sync-reminders.js";
import { mergeUnitInto } from "../services/review.js";
import { loadUnitsWithPeople, splitUnit } from "../services/units.js";
import { refusalText } from "./refusals.js";
import { deactivatePage, emailPage, INVITE_ROLES, peoplePage, type PeoplePageData } from "./pages/people-page.js";
import { field, isId, type PageRender, signedInRender, type SubjectRoutes, type WebEnv } from "./route-kit.js";

/** What the people page needs of the email channel: the channel for the confirmation mail, and its links. */
export interface EmailWebDeps extends EmailChannelAccess {
  mac: TaskLinkMac;
  /** The bearer secret of POST /email/bounce; unset: that route answers 404. */
  bounceSecret?: string | undefined;
}

/** The page as it stands now, with what was just done on top. */
function peopleShower(db: Database, render: PageRender, email: EmailWebDeps | undefined) {
  return async (
    c: Context<WebEnv>,
    status: number,
    extra: Pick<PeoplePageData, "flash" | "invite" | "splitText"> = {},
  ) => {
    const t = c.get("t");
    const viewer = c.get("viewer");
    const loaded = await loadUnitsWithPeople(db, viewer);
    if (loaded.kind !== "ok") return render.notFound(c);
    return render.page(
      c,
      status,
      t("web-nav-people"),
      peoplePage(t, {
        organizationName: viewer.organizationName,
        units: loaded.units,
        leaders: loaded.leaders,
        selfId: viewer.personId,
        csrfToken: c.get("csrfToken"),
        ...(email ? { emails: await emailAddressesOf(db, viewer.organizationId) } : {}),
        ...extra,
      }),
    );
  };
}

/** The person, if they are an active person of the viewer's organization the coordinator may stop. */
async function stoppablePerson(db: Database, c: Context<WebEnv>) {
  const id = c.req.param("id");
  if (!isId(id)) return null;
  const loaded = await loadUnitsWithPeople(db, c.get("viewer"));
  if (loaded.kind !== "ok") return null;
  return [...loaded.leaders, ...loaded.units.flatMap((u) => u.people)].find((p) => p.personId === id) ?? null;
}

export function peopleRoutes(
  deps: {
    db: Database;
    now: () => Date;
    botUsername?: string | undefined;
    scheduleSlots?: ((slots: SendSlot[]) => Promise<void>) | undefined;
    email?: EmailWebDeps | undefined;
  },
  render: PageRender = signedInRender,
): SubjectRoutes {
  const app = new Hono<WebEnv>();
  const show = peopleShower(deps.db, render, deps.email);
  const replan = async (organizationId: string) => {
    const slots = await syncReminders(deps.db, organizationId, deps.now());
    if (slots.length > 0) await deps.scheduleSlots?.(slots);
  };

  app.get("/people", (c) => show(c, 200));

  app.post("/people/invite", async (c) => {
    const t = c.get("t");
    const viewer = c.get("viewer");
    // Only the office invites: refused before the form is read.
    if (!capabilitiesOf(viewer).invite) return render.notFound(c);
    const form = await c.req.parseBody();
    const role = field(form, "role") as Role;
    if (!INVITE_ROLES.includes(role)) return show(c, 400, { flash: { kind: "error", text: t("web-bad-request") } });
    const unitField = field(form, "unit");
    const perUnit = belongsToUnit(role);
    if (perUnit && unitField === "")
      return show(c, 422, { flash: { kind: "error", text: t("web-invite-needs-unit") } });
    if (perUnit && !isId(unitField)) return render.notFound(c);
    const fullName = field(form, "fullName", 120);
    // The same service as /moi and `nhacviec invite`: one code, one person, seven days.
    const invite = await createInvite(deps.db, viewer, {
      organizationId: viewer.organizationId,
      role,
      unitId: perUnit ? unitField : null,
      fullName: fullName === "" ? null : fullName,
      now: deps.now(),
    });
    if (invite.kind !== "created") return render.notFound(c);
    const link = deps.botUsername ? inviteLink(deps.botUsername, invite.code) : null;
    return show(c, 201, {
      invite: {
        text: t("web-invite-created", {
          role: t("role-name", { role }),
          unit: invite.unitName ? t("unit-suffix", { unit: invite.unitName }) : "",
          expires: formatLocalDate(invite.expiresAt, viewer.timeZone),
        }),
        link,
        code: invite.code,
      },
    });
  });

  const personOf = (c: Context<WebEnv>) => stoppablePerson(deps.db, c);

  app.get("/people/:id/deactivate", async (c) => {
    const person = await personOf(c);
    if (!person) return render.notFound(c);
    const t = c.get("t");
    return render.page(
      c,
      200,
      t("web-deactivate-title", { name: person.name }),
      deactivatePage(t, person, c.get("csrfToken")),
    );
  });

  app.post("/people/:id/deactivate", async (c) => {
    const t = c.get("t");
    const id = c.req.param("id");
    if (!isId(id)) return render.notFound(c);
    const result = await deactivatePerson(deps.db, c.get("viewer"), id, deps.now());
    if (result.kind === "self") return show(c, 422, { flash: { kind: "error", text: t("people-not-self") } });
    if (result.kind !== "deactivated") return render.notFound(c);
    const lines = [
      t("web-deactivated", { name: result.name }),
      ...result.emptiedUnits.map((u) => t("web-unit-empty", { unit: u.name })),
    ];
    return show(c, 200, { flash: { kind: "ok", text: lines.join(" ") } });
  });

  if (deps.email) emailAddressRoutes(app, { db: deps.db, now: deps.now, email: deps.email }, show, render);

  unitRoutes(app, deps, show, render, replan);
  return { routes: app };
}

/** Two spellings made one unit, and one unit split into several: the same use cases as /rasoat and the CLI. */
function unitRoutes(
  app: Hono<WebEnv>,
  deps: { db: Database; now: () => Date },
  show: ReturnType<typeof peopleShower>,
  render: PageRender,
  replan: (organizationId: string) => Promise<void>,
): void {
  app.post("/units/merge", async (c) => {
    const t = c.get("t");
    const viewer = c.get("viewer");
    const form = await c.req.parseBody();
    const from = field(form, "from");
    const into = field(form, "into");
    if (!isId(from) || !isId(into)) return render.notFound(c);
    if (from === into) return show(c, 422, { flash: { kind: "error", text: t("web-merge-same") } });
    // The review's "another spelling of": the same merge as /rasoat and `nhacviec units merge`.
    const merged = await mergeUnitInto(deps.db, viewer, from, into);
    if (merged.kind !== "merged" && !merged.reason) return render.notFound(c);
    if (merged.kind !== "merged") return show(c, 422, { flash: { kind: "error", text: refusalText(t, merged) } });
    await replan(viewer.organizationId);
    return show(c, 200, { flash: { kind: "ok", text: t("web-merged", merged) } });
  });

  app.post("/units/:id/split", async (c) => {
    const t = c.get("t");
    const viewer = c.get("viewer");
    const id = c.req.param("id");
    if (!isId(id)) return render.notFound(c);
    const form = await c.req.parseBody();
    const text = field(form, "parts", 2000);
    const result = await splitUnit(deps.db, viewer, id, text.split(/\r?\n/), deps.now());
    if (result.kind !== "split" && !result.reason) return render.notFound(c);
    if (result.kind !== "split") {
      return show(c, 422, { flash: { kind: "error", text: refusalText(t, result) }, splitText: { unitId: id, text } });
    }
    await replan(viewer.organizationId);
    return show(c, 200, {
      flash: {
        kind: "ok",
        text: t("web-split-done", { from: result.from, into: result.into.map((u) => u.name).join("; ") }),
      },
    });
  });
}

/** A person's email address, given by the coordinator; the channel mails its owner a confirmation link first. */
function emailAddressRoutes(
  app: Hono<WebEnv>,
  deps: { db: Database; now: () => Date; email: EmailWebDeps },
  show: ReturnType<typeof peopleShower>,
  render: PageRender,
): void {
  app.get("/people/:id/email", async (c) => {
    const person = await stoppablePerson(deps.db, c);
    if (!person) return render.notFound(c);
    const t = c.get("t");
    const current = (await emailAddressesOf(deps.db, c.get("viewer").organizationId)).get(person.personId);
    return render.page(c, 200, t("web-people-email"), emailPage(t, person, current?.address ?? "", c.get("csrfToken")));
  });

  app.post("/people/:id/email", async (c) => {
    const t = c.get("t");
    const id = c.req.param("id");
    if (!isId(id)) return render.notFound(c);
    const form = await c.req.parseBody();
    const email = deps.email;
    const result = await requestEmailAddress(
      { db: deps.db, email: email.channel, now: deps.now(), confirmUrl: (token) => email.confirmUrl(token) },
      c.get("viewer"),
      id,
      field(form, "email", 254),
    );
    if (result.kind === "invalid")
      return show(c, 422, { flash: { kind: "error", text: t("email-address-invalid", { address: result.address }) } });
    if (result.kind === "taken")
      return show(c, 409, { flash: { kind: "error", text: t("email-address-taken", { address: result.address }) } });
    if (result.kind !== "confirmation-sent") return render.notFound(c);
    return show(c, 200, {
      flash: { kind: "ok", text: t("email-confirmation-sent", { address: result.address, name: result.name }) },
    });
  });
}
