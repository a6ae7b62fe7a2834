export {
  type CommuneTask,
  type CommuneTaskStanding,
  type CommuneTaskStatus,
  communeProgress,
  communeTaskStanding,
  copiesDueWithin,
  fieldsOf,
  type LeagueRow,
  leagueTable,
  type LeagueTotals,
  leagueTotals,
  mostOverdue,
  rollUpTask,
  type TaskRollup,
} from "./standing.js";
export {
  type CommuneRow,
  type CommuneRowError,
  type CommuneRowsResult,
  communeSlug,
  readCommuneRows,
} from "./commune-rows.js";
