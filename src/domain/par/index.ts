export * from "./criteria.js";
export * from "./scoring-rules.js";
export * from "./assessment.js";
export * from "./suggest-tasks.js";
