export {
  type CommuneTask,
  type CommuneTaskStanding,
  type CommuneTaskStatus,
  communeProgress,
  communeTaskStanding,
  fieldsOf,
  type LeagueRow,
  leagueTable,
  rollUpTask,
  type TaskRollup,
} from "./standing.js";
export {
  type CommuneRow,
  type CommuneRowError,
  type CommuneRowsResult,
  communeSlug,
  readCommuneRows,
  readGroupCell,
} from "./commune-rows.js";
