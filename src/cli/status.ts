import { DateTime } from "luxon";
import { openMigratedDatabase } from "../../db/client.js";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import { milestoneStatuses } from "../services/milestones/milestone-status.js";
import { refusalError } from "./refusals.js";
import { UsageError } from "./usage-error.js";

/** `status --org <slug> [--json] [--today YYYY-MM-DD]`: every milestone, its state and its event log. */
export async function runStatus(args: string[], config: Config, logger: Logger, out: (line: string) => void) {
  let org: string | undefined;
  let json = false;
  let today: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--org") org = args[++i];
    else if (args[i] === "--json") json = true;
    else if (args[i] === "--today") today = args[++i];
    else throw new UsageError(`không hiểu tham số "${args[i]}"`);
  }
  if (!org) throw new UsageError("status cần --org <slug>");
  if (today !== undefined && !DateTime.fromISO(today).isValid) throw new UsageError("--today nhận một ngày YYYY-MM-DD");
  const client = await openMigratedDatabase(config, logger, { max: 2 });
  try {
    const statuses = await milestoneStatuses(client.db, org, today ? { today } : { now: new Date() });
    if (!statuses) throw refusalError(`tổ chức "${org}"`, "not-found");
    if (json) {
      out(JSON.stringify(statuses, null, 2));
      return;
    }
    for (const s of statuses) {
      const number = s.section ? `${s.section}.${s.stt ?? ""}` : (s.stt ?? "");
      const who = s.assignees.units.join(", ") || "—";
      out(`${number}\t${s.due ?? "—"}\t${s.state}\t${s.title}${s.label ? ` (${s.label})` : ""}\t${who}`);
      for (const e of s.events.filter((event) => event.action !== "imported")) {
        out(`\t\t${e.at}\t${e.actor ?? "—"}\t${e.action}`);
      }
    }
  } finally {
    await client.close();
  }
}
