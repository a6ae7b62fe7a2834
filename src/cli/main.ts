/** The `nhacviec` process: the command line, the environment and the standard streams given to `runCli`. */
import { readFileSync } from "node:fs";
import { runCli } from "./cli.js";

// A reader that stops early (`| head`) is not an error of ours.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  stdin: () => readFileSync(0, "utf8"),
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
});
