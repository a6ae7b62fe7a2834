import { openMigratedDatabase } from "../../db/client.js";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import { isRefused, OPERATOR } from "../services/access.js";
import { addUnitAlias, listUnits, mergeUnits } from "../services/units.js";
import { refusedError } from "./refusals.js";
import { UsageError } from "./usage-error.js";

/** `units --org S [--json]`, `units merge --org S <from> <into>`, `units alias --org S <unit> <alias>`. */
export async function runUnits(
  args: string[],
  config: Config,
  logger: Logger,
  out: (line: string) => void,
): Promise<void> {
  let org: string | undefined;
  let json = false;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--org") org = args[++i];
    else if (arg === "--json") json = true;
    else rest.push(arg);
  }
  if (!org) throw new UsageError("units cần --org <slug>");
  const [action, ...names] = rest;
  if (action !== undefined && action !== "merge" && action !== "alias")
    throw new UsageError(`units không có thao tác "${action}"`);
  if (action && names.length !== 2)
    throw new UsageError(`units ${action} cần hai tên, ví dụ units ${action} --org gio-son "A" "B"`);
  const client = await openMigratedDatabase(config, logger, { max: 2 });
  try {
    if (action === "merge") {
      const merged = await mergeUnits(client.db, OPERATOR, org, names[0] as string, names[1] as string);
      if (merged.kind !== "merged") throw refusedError(merged);
      out(`Đã gộp "${names[0]}" vào "${names[1]}"`);
      return;
    }
    if (action === "alias") {
      const added = await addUnitAlias(client.db, OPERATOR, org, names[0] as string, names[1] as string);
      if (isRefused(added)) throw refusedError(added);
      out(`Đã thêm tên gọi "${names[1]}" cho "${names[0]}"`);
      return;
    }
    const listed = await listUnits(client.db, OPERATOR, org);
    if (listed.kind !== "ok") throw refusedError(listed);
    const listing = listed.units;
    if (json) out(JSON.stringify(listing, null, 2));
    else {
      for (const unit of listing) {
        const aliases = unit.aliases.length > 0 ? ` (tên khác: ${unit.aliases.join(", ")})` : "";
        out(`${unit.name}${aliases}: chủ trì ${unit.leadTasks}, phối hợp ${unit.supportTasks} nhiệm vụ`);
      }
    }
  } finally {
    await client.close();
  }
}
