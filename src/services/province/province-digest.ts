/**
 * The province leaders' weekly digest: the communes' standing on the
 * province's work in a few lines (each task's roll-up, the head and the last
 * of the league table with their on-time share and overdue work, the communes
 * that finished work in the week before) and the digest chart with communes
 * for units, drawn by the one chart code. Read-only; who receives it is the
 * caller's (the chat's /tonghop, the weekly schedule's sendProvinceDigest).
 */
import type { Database } from "../../../db/client.js";
import { formatVietnameseDate, type IsoDate } from "../../domain/calendar/index.js";
import { type CommuneFinished, communeProgress, finishedInWeekBefore } from "../../domain/province/index.js";
import type { UnitProgress } from "../../domain/reminders/unit-progress.js";
import type { Translator } from "../../i18n/i18n.js";
import type { Principal, Refused } from "../access.js";
import { type ChartImage, renderDigestChart } from "../reports/digest-chart.js";
import { type LeagueView, loadCommuneTasks, loadLeague } from "./standing.js";

export interface ProvinceDigest {
  kind: "ok";
  league: LeagueView;
  progress: UnitProgress[];
  /** The communes that finished some of the province's work in the seven days before `today`. */
  finished: CommuneFinished[];
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
  return {
    kind: "ok",
    league,
    progress: communeProgress(copies, today, league.provinceApproves),
    finished: finishedInWeekBefore(copies, today, league.provinceApproves),
    today,
  };
}

/** How many communes the digest names at the head and at the bottom of the table, and as finishing work. */
const LEADING = 3;
const TRAILING = 5;
const FINISHED = 10;

const percentOf = (share: number | null) => (share === null ? 0 : Math.round(share * 100));

/** The digest's text in the reader's words. */
export function formatProvinceDigest(digest: ProvinceDigest, { t }: Translator): string {
  const { league } = digest;
  const lines = [
    t("province-digest-title", { province: league.provinceName, date: formatVietnameseDate(digest.today) }),
    ...league.tasks.map((task) =>
      t("province-digest-task", { title: task.title, done: task.done, total: task.total, late: task.late }),
    ),
  ];
  const late = league.rows.filter((row) => row.overdue > 0);
  lines.push(
    t("province-digest-league", {
      communes: league.rows.length,
      late: late.length,
      overdue: late.reduce((sum, row) => sum + row.overdue, 0),
    }),
  );
  // The head of the table: ranked by on-time share, so only communes with work done or due yet have a place.
  const leading = league.rows.filter((row) => row.onTimeShare !== null && row.overdue === 0).slice(0, LEADING);
  if (leading.length > 0)
    lines.push(
      t("province-digest-leading", {
        communes: leading
          .map((row) =>
            t("province-digest-share", { commune: row.organizationName, percent: percentOf(row.onTimeShare) }),
          )
          .join(", "),
      }),
    );
  const trailing = late.slice(-TRAILING);
  if (trailing.length > 0) {
    lines.push(t("province-digest-trailing"));
    for (const row of trailing)
      lines.push(
        t("province-digest-commune", {
          commune: row.organizationName,
          overdue: row.overdue,
          days: row.daysLate,
          percent: percentOf(row.onTimeShare),
        }),
      );
  }
  if (digest.finished.length > 0) {
    const named = digest.finished
      .slice(0, FINISHED)
      .map((c) => t("province-digest-finished-commune", { commune: c.organizationName, count: c.finished }));
    const more = digest.finished.length - named.length;
    lines.push(t("province-digest-finished", { communes: named.join(", "), more }));
  }
  return lines.join("\n");
}

/** The chart of the digest: communes for units; null when no commune has anything done or overdue yet. */
export function provinceDigestChart(digest: ProvinceDigest, translator: Translator): Promise<ChartImage | null> {
  return renderDigestChart(digest.progress, { translator, weekOf: formatVietnameseDate(digest.today), maxUnits: 20 });
}
