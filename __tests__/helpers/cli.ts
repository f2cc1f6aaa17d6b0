import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { type CliIo, runCli } from "../../src/cli/run";

const repo = join(__dirname, "..", "..");

/** What the program is given besides its arguments. */
export interface CliSetup {
  /** Files to create first, relative to the folder (folders are made). */
  files?: Record<string, string | Uint8Array>;
  stdin?: string | Uint8Array;
  /** The rest of {@link CliIo}: TTYs, environment, language. */
  io?: Partial<CliIo>;
  /** The folder to run in (default: a fresh one). */
  cwd?: string;
}

/** Runs the CLI in-process; returns its exit code, its output (text and document bytes) and its folder. */
export async function runIn(argv: string[], setup: CliSetup = {}) {
  const cwd = setup.cwd ?? mkdtempSync(join(tmpdir(), "msd-cli-"));
  for (const [name, content] of Object.entries(setup.files ?? {})) {
    mkdirSync(dirname(join(cwd, name)), { recursive: true });
    writeFileSync(join(cwd, name), content);
  }
  let stdout = "";
  let stderr = "";
  const documents: Uint8Array[] = [];
  const stdin = setup.stdin ?? "";
  const io: CliIo = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    writeStdout: (bytes) => {
      documents.push(bytes);
    },
    readStdin: async () => (typeof stdin === "string" ? new TextEncoder().encode(stdin) : stdin),
    cwd,
    examplePath: join(repo, "examples", "seed-report.json"),
    ...setup.io,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr, cwd, documents };
}

/** Runs the CLI in-process in `cwd`; returns the exit code and what it wrote to stderr. */
export async function runCliIn(cwd: string, argv: string[]): Promise<{ code: number; stderr: string }> {
  const { code, stderr } = await runIn(argv, { cwd });
  return { code, stderr };
}

/** Runs the CLI in-process in a fresh folder holding `files`; returns exit code, output and the folder. */
export async function cli(argv: string[], stdin = "", files: Record<string, string | Uint8Array> = {}) {
  const { code, stdout, stderr, cwd } = await runIn(argv, { stdin, files });
  return { code, stdout, stderr, cwd };
}
