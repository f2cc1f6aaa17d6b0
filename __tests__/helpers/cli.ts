import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type CliIo, runCli } from "../../src/cli/run";

const repo = join(__dirname, "..", "..");

/** Runs the CLI in-process in a fresh folder holding `files`; returns exit code, output and the folder. */
export async function cli(argv: string[], stdin = "", files: Record<string, string | Uint8Array> = {}) {
  const cwd = mkdtempSync(join(tmpdir(), "msd-cli-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(cwd, name), text);
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    readStdin: async () => new TextEncoder().encode(stdin),
    cwd,
    examplePath: join(repo, "examples", "seed-report.json"),
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr, cwd };
}
