/**
 * The province leaders' weekly digest: the communes' standing on the
 * province's work in a few lines (done, overdue, the last of the league
 * table) and the digest chart with communes for units, drawn by the one chart
 * code. Read-only; who receives it is the caller's (the chat's /tonghop).
 */
import type { Database } from "../../../db/client.js";
import { formatVietnameseDate, type IsoDate } from "../../domain/calendar/index.js";
import { communeProgress } from "../../domain/province/index.js";
import type { UnitProgress } from "../../domain/reminders/unit-progress.js";
import type { Translator } from "../../i18n/i18n.js";
import type { Principal, Refused } from "../access.js";
import { type ChartImage, renderDigestChart } from "../reports/digest-chart.js";
import { type LeagueView, loadCommuneTasks, loadLeague } from "./standing.js";

export interface ProvinceDigest {
  kind: "ok";
  league: LeagueView;
  progress: UnitProgress[];
  today: IsoDate;
}

/** The digest of the province `provinceId` on `today`. */
export async function loadProvinceDigest(
  db: Database,
  principal: Principal,
  provinceId: string,
  today: IsoDate,
  timeZone: string,
): Promise<Refused<"not-found" | "not-allowed"> | ProvinceDigest> {
  const league = await loadLeague(db, principal, provinceId, today);
  if (league.kind !== "ok") return league;
  const copies = await loadCommuneTasks(db, provinceId, { timeZone });
  return { kind: "ok", league, progress: communeProgress(copies, today, league.provinceApproves), today };
}

/** How many communes the digest names at the bottom of the table. */
const TRAILING = 5;

/** The digest's text in the reader's words. */
export function formatProvinceDigest(digest: ProvinceDigest, { t }: Translator): string {
  const { league } = digest;
  const lines = [
    t("province-digest-title", { province: league.provinceName, date: formatVietnameseDate(digest.today) }),
    ...league.tasks.map((task) =>
      t("province-digest-task", { title: task.title, done: task.done, total: task.total, late: task.late }),
    ),
  ];
  const trailing = league.rows.filter((row) => row.overdue > 0).slice(-TRAILING);
  if (trailing.length > 0) {
    lines.push(t("province-digest-trailing"));
    for (const row of trailing)
      lines.push(
        t("province-digest-commune", { commune: row.organizationName, overdue: row.overdue, days: row.daysLate }),
      );
  }
  return lines.join("\n");
}

/** The chart of the digest: communes for units; null when no commune has anything done or overdue yet. */
export function provinceDigestChart(digest: ProvinceDigest, translator: Translator): Promise<ChartImage | null> {
  return renderDigestChart(digest.progress, { translator, weekOf: formatVietnameseDate(digest.today), maxUnits: 20 });
}
