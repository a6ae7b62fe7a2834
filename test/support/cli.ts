/** The command line run in process (no tsx start per call), for tests where the process itself is not what is tested. */
import { runCli } from "../../src/cli/cli.js";

/** Runs one command line with the given environment; what it printed and its exit code. */
export async function cli(argv: string[], env: NodeJS.ProcessEnv = {}, stdin = "") {
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
