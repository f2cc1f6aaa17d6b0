import { join } from "node:path";
import { type CliIo, runCli } from "../../src/cli/run";

/** Runs the CLI in-process in `cwd`; returns the exit code and what it wrote to stderr. */
export async function runCliIn(cwd: string, argv: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = "";
  const io: CliIo = {
    stdout: () => undefined,
    stderr: (t) => {
      stderr += t;
    },
    readStdin: async () => new Uint8Array(),
    cwd,
    examplePath: join(__dirname, "..", "..", "examples", "seed-report.json"),
  };
  return { code: await runCli(argv, io), stderr };
}
