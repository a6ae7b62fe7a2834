/** The command line run in process (no tsx start per call), for tests where the process itself is not what is tested. */
import { runCli } from "../../src/cli/cli.js";

/** Runs one command line with the given environment (the test's own by default); what it printed and its exit code. */
export async function cli(argv: string[], env: NodeJS.ProcessEnv = process.env, stdin = "") {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, {
    env: { LOG_LEVEL: "silent", ...env },
    stdin: () => stdin,
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
  });
  return { code, stdout, stderr };
}

/** As `execFile` answers: the output on exit code 0, else a rejection carrying `code`, `stdout` and `stderr`. */
export async function cliOk(argv: string[], options: { env?: NodeJS.ProcessEnv; stdin?: string } = {}) {
  const result = await cli(argv, options.env, options.stdin);
  if (result.code !== 0) throw Object.assign(new Error(result.stderr), result);
  return result;
}
