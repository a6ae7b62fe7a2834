import { readFileSync } from "node:fs";
import { runDeadline, runDeadlines } from "./deadline.js";

const [command, ...args] = process.argv.slice(2);
const out = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

try {
  if (command === "deadline") runDeadline(args, out);
  else if (command === "deadlines") runDeadlines(args, readFileSync(0, "utf8"), out);
  else {
    process.stderr.write("usage: nhacviec deadline --year 2025 [--period A..B] \"<text>\" | deadlines --year 2025 < cells\n");
    process.exitCode = 2;
  }
} catch (error) {
  process.stderr.write(`nhacviec: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
