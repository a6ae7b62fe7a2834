/**
 * `nhacviec fanout --org <province> [--plan <id or number>] [--task <id>] [--dry-run] [--json]`:
 * gives the province's tasks led by the communes to each commune (the web's
 * "Giao cho các xã"), and says per task how many communes got a copy, had one,
 * or were named but not found. The reminders of the new copies are planned
 * now; the worker's reconciler queues them.
 */
import { openMigratedDatabase } from "../../db/client.js";
import type { Config } from "../config.js";
import { translatorFor } from "../i18n/i18n.js";
import type { Logger } from "../logger.js";
import { OPERATOR } from "../services/access.js";
import {
  type FanOutAnswer,
  type FanOutResult,
  fanOutOrganization,
  fanOutPlan,
  type TaskLabel,
} from "../services/province/fan-out.js";
import { SLUG_PATTERN } from "../services/province/organizations.js";
import { refusalError, RefusalError, refusalWords } from "./refusals.js";
import { sourcePlanId } from "./source-option.js";
import { UsageError } from "./usage-error.js";

type Out = (line: string) => void;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface FanOutOptions {
  org: string;
  plan?: string;
  task?: string;
  dryRun: boolean;
  json: boolean;
}

function optionsOf(args: string[]): FanOutOptions {
  const values: Record<string, string> = {};
  let dryRun = false;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--dry-run") dryRun = true;
    else if (arg === "--json") json = true;
    else if (arg === "--org" || arg === "--plan" || arg === "--task") {
      const value = args[++i];
      if (value === undefined || value.startsWith("--")) throw new UsageError(`${arg} cần một giá trị`);
      values[arg.slice(2)] = value;
    } else throw new UsageError(`không hiểu tham số "${arg}"`);
  }
  if (!values.org || !SLUG_PATTERN.test(values.org))
    throw new UsageError("fanout cần --org <mã tỉnh>, ví dụ quang-tri");
  if (values.task !== undefined && !UUID.test(values.task)) throw new UsageError("--task là mã nhiệm vụ (uuid)");
  if (values.task !== undefined && values.plan !== undefined)
    throw new UsageError("dùng --plan hoặc --task, không cả hai");
  return { org: values.org, dryRun, json, ...values };
}

const taskText = (t: ReturnType<typeof translatorFor>["t"], task: TaskLabel) =>
  t("fanout-task", { number: task.number || "none", title: task.title });

function print(result: FanOutResult, json: boolean, out: Out) {
  if (json) {
    // The send times are the worker's business: the reconciler queues them.
    out(JSON.stringify({ ...result, slots: undefined }, null, 2));
    return;
  }
  const { t } = translatorFor("vi");
  if (result.perTask.length === 0) {
    out(t("fanout-none"));
    return;
  }
  for (const one of result.perTask) {
    out(
      t(result.dryRun ? "fanout-line-dry" : "fanout-line", {
        task: taskText(t, one.task),
        reached: one.reached.length,
        already: one.already.length,
        unknown: one.unknown.length,
        names: one.unknown.length > 0 ? ` (${one.unknown.join("; ")})` : "",
      }),
    );
  }
  out(
    t(result.dryRun ? "fanout-total-dry" : "fanout-total", {
      tasks: result.perTask.length,
      reached: result.reached.length,
      already: result.already.length,
      unknown: result.perTask.reduce((sum, one) => sum + one.unknown.length, 0),
    }),
  );
}

/** A refusal as one line: a group the province has not defined names its task; the rest name the organization. */
function refused(answer: Exclude<FanOutAnswer, FanOutResult>, options: FanOutOptions): RefusalError {
  if ("task" in answer) {
    const { t } = translatorFor("vi");
    return new RefusalError(t("fanout-refused", { task: taskText(t, answer.task), reason: refusalWords(answer) }));
  }
  if (options.task !== undefined) return refusalError(`nhiệm vụ "${options.task}"`, answer.kind);
  return refusalError(`tổ chức "${options.org}"`, answer.kind);
}

export async function runFanOut(args: string[], config: Config, logger: Logger, out: Out): Promise<void> {
  const options = optionsOf(args);
  const client = await openMigratedDatabase(config, logger, { max: 2 });
  try {
    const { db } = client;
    const now = new Date();
    const how = { dryRun: options.dryRun };
    let answer: FanOutAnswer;
    if (options.plan !== undefined) {
      answer = await fanOutPlan(db, OPERATOR, await sourcePlanId(db, options.org, options.plan), now, how);
    } else {
      const only = options.task === undefined ? {} : { taskId: options.task };
      answer = await fanOutOrganization(db, OPERATOR, options.org, now, { ...how, ...only });
    }
    if (answer.kind !== "fanned-out") throw refused(answer, options);
    logger.info({ copies: answer.reached.length, sendTimes: answer.slots.length }, "fanned out");
    print(answer, options.json, out);
  } finally {
    await client.close();
  }
}
