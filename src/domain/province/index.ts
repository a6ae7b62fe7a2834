export {
  type CommuneFinished,
  type CommuneTask,
  type CommuneTaskStanding,
  type CommuneTaskStatus,
  communeProgress,
  communeTaskStanding,
  fieldsOf,
  finishedInWeekBefore,
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
} from "./commune-rows.js";
