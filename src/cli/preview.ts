import { isReachable } from "../services/delivery/reachable.js";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { and, eq, isNull } from "drizzle-orm";
import { openMigratedDatabase } from "../../db/client.js";
import { memberships, milestones, organizations, people, plans, taskUnits, tasks, units } from "../../db/schema.js";
import type { Config } from "../config.js";
import {
  createWorkingCalendar,
  formatVietnameseDate,
  isArrangementPublished,
  statutoryTetBreak,
  type WorkingCalendar,
} from "../domain/calendar/index.js";
import { DEFAULT_TIME_ZONE, type OrganizationPlanningFields, planningContextOf } from "../domain/planning/index.js";
import { type Translator, translatorFor } from "../i18n/i18n.js";
import { loadWorkingCalendar } from "../services/calendar.js";
import { interpretDocument } from "../import/interpret/interpret-document.js";
import { readDocument } from "../import/read-document.js";
import type { Logger } from "../logger.js";
import {
  milestonesOfSchedule,
  type PreviewSend,
  type PreviewTask,
  previewSends,
  type ReachablePeople,
} from "../services/preview-sends.js";
import { refusalError } from "./refusals.js";
import { UsageError } from "./usage-error.js";

function parseNow(text: string | undefined): Date {
  if (text === undefined) return new Date();
  // An offset is required: "08:00" means Hanoi time only when the text says so.
  if (!/([+-]\d{2}:\d{2}|Z)$/.test(text))
    throw new UsageError("--now nhận thời điểm ISO có độ lệch múi giờ (offset), ví dụ 2025-01-02T00:00:00+07:00");
  const now = new Date(text);
  if (Number.isNaN(now.getTime())) throw new UsageError(`--now: không phải thời điểm: ${text}`);
  return now;
}

async function fromFile(path: string): Promise<{ tasks: PreviewTask[]; period: { start: string; end: string } }> {
  const draft = interpretDocument(await readDocument(basename(path), await readFile(path)));
  return {
    period: draft.plan.period,
    tasks: draft.tasks.map((task) => ({
      section: task.section,
      stt: task.stt,
      leadUnits: task.lead,
      supportUnits: task.support,
      milestones: milestonesOfSchedule(task.schedule),
    })),
  };
}

async function fromDatabase(
  planId: string,
  config: Config,
  logger: Logger,
): Promise<{
  tasks: PreviewTask[];
  period: { start: string; end: string };
  organization: OrganizationPlanningFields;
  calendar: WorkingCalendar;
  reachable: ReachablePeople;
}> {
  if (!/^[0-9a-f-]{36}$/i.test(planId)) throw new UsageError(`"${planId}" không phải tệp cũng không phải mã kế hoạch`);
  const client = await openMigratedDatabase(config, logger, { max: 2 });
  try {
    const [plan] = await client.db
      .select({ plan: plans, organization: organizations })
      .from(plans)
      .innerJoin(organizations, eq(organizations.id, plans.organizationId))
      .where(eq(plans.id, planId));
    if (!plan) throw refusalError(`kế hoạch ${planId}`, "not-found");
    const taskRows = await client.db
      .select()
      .from(tasks)
      .where(and(eq(tasks.planId, planId), isNull(tasks.removedAt)))
      .orderBy(tasks.position);
    const unitRows = await client.db
      .select({ taskId: taskUnits.taskId, name: units.name, relation: taskUnits.relation })
      .from(taskUnits)
      .innerJoin(units, eq(units.id, taskUnits.unitId))
      .innerJoin(tasks, eq(tasks.id, taskUnits.taskId))
      .where(eq(tasks.planId, planId));
    const unitsOf = (taskId: string, relation: "lead" | "support") =>
      unitRows.filter((row) => row.taskId === taskId && row.relation === relation).map((row) => row.name);
    // Reachable as dispatchDue reaches them: on some channel that has not refused them (the one rule).
    const peopleRows = await client.db
      .select({ name: people.fullName, role: memberships.role, unit: units.name })
      .from(memberships)
      .innerJoin(people, eq(people.id, memberships.personId))
      .leftJoin(units, eq(units.id, memberships.unitId))
      .where(and(eq(memberships.organizationId, plan.organization.id), isReachable("people")))
      .orderBy(people.fullName);
    const byUnit = new Map<string, string[]>();
    for (const row of peopleRows) {
      if ((row.role === "member" || row.role === "unit_head") && row.unit)
        byUnit.set(row.unit, [...(byUnit.get(row.unit) ?? []), row.name]);
    }
    const reachable: ReachablePeople = {
      byUnit,
      coordinators: peopleRows.filter((row) => row.role === "coordinator").map((row) => row.name),
      chairman: peopleRows.filter((row) => row.role === "chairman").map((row) => row.name),
    };
    const milestoneRows = await client.db
      .select({ milestone: milestones })
      .from(milestones)
      .innerJoin(tasks, eq(tasks.id, milestones.taskId))
      .where(eq(tasks.planId, planId));
    return {
      period: { start: plan.plan.periodStart, end: plan.plan.periodEnd },
      organization: plan.organization,
      calendar: await loadWorkingCalendar(client.db, plan.organization),
      reachable,
      tasks: taskRows.map((task) => ({
        section: task.section,
        stt: task.stt ?? "",
        leadUnits: unitsOf(task.id, "lead"),
        supportUnits: unitsOf(task.id, "support"),
        milestones: milestoneRows
          .map((row) => row.milestone)
          .filter((m) => m.taskId === task.id)
          .map((m) => ({
            kind: m.due !== null ? "dated" : task.schedule.kind === "ongoing" ? "ongoing" : "needs-date",
            start: m.start,
            due: m.due,
            state: m.state,
          })),
      })),
    };
  } finally {
    await client.close();
  }
}

/** Who a send reaches: the names when the organization's people are known, else the unit or role. */
function recipientText(send: PreviewSend, t: Translator["t"]): string {
  const unit = send.to.unit ?? t("send-recipient", { role: send.to.role });
  const addressed = send.to.supporting ? t("preview-supporting", { unit }) : unit;
  if (send.people === undefined) return addressed;
  if (send.noRecipientIn) {
    return t("preview-stand-in", {
      people: send.people.join(", ") || t("send-recipient", { role: "coordinator" }),
      unit: send.noRecipientIn,
    });
  }
  return send.people.length > 0 ? `${send.people.join(", ")} (${addressed})` : t("preview-nobody", { to: addressed });
}

function describe(send: PreviewSend, { t }: Translator): string {
  return t("preview-line", {
    when: send.at.slice(0, 16).replace("T", " "),
    kind: t("send-kind", { kind: send.kind }),
    to: recipientText(send, t),
    task: send.section !== null || send.stt !== null ? ` ${send.section ?? ""}.${send.stt ?? ""}` : "",
    due: send.due ? t("preview-due", { date: formatVietnameseDate(send.due) }) : "",
  });
}

/** A plan read from a file belongs to no organization yet: the defaults a new organization gets. */
const NEW_ORGANIZATION: OrganizationPlanningFields = { timeZone: DEFAULT_TIME_ZONE, reminderPolicy: null };

/** `preview <plan-id|file> [--now ISO] [--json]`: every send a plan will produce, without sending. */
export async function runPreview(
  args: string[],
  config: Config,
  logger: Logger,
  out: (line: string) => void,
): Promise<void> {
  let target: string | undefined;
  let nowText: string | undefined;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--now") nowText = args[++i];
    else if (arg === "--json") json = true;
    else if (arg.startsWith("--")) throw new UsageError(`không hiểu tùy chọn ${arg}`);
    else target = arg;
  }
  if (!target) throw new UsageError("preview cần mã kế hoạch hoặc một tệp");
  const now = parseNow(nowText);
  const source = existsSync(target)
    ? { ...(await fromFile(target)), organization: NEW_ORGANIZATION, calendar: createWorkingCalendar() }
    : await fromDatabase(target, config, logger);
  const sends = previewSends(
    source.tasks,
    source.period,
    planningContextOf(source.organization, source.calendar),
    now,
    "reachable" in source ? source.reachable : undefined,
  );
  if (json) {
    out(JSON.stringify(sends));
    return;
  }
  // The coordinators get this once in the chat; the preview says it up front, for every such year.
  const years = [...new Set(sends.map((send) => Number(send.at.slice(0, 4))))].filter(
    (y) => !isArrangementPublished(y),
  );
  const translator = translatorFor("vi");
  const { t } = translator;
  for (const year of years.sort()) {
    const tet = statutoryTetBreak(year);
    out(
      t("calendar-unpublished", {
        year: String(year),
        first: formatVietnameseDate(tet.first),
        last: formatVietnameseDate(tet.last),
      }),
    );
  }
  for (const send of sends) out(describe(send, translator));
}
