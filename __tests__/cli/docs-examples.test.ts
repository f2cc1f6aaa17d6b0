/**
 * Every command docs/cli.md shows runs as written: each code block in a fresh folder holding the files its
 * examples name (the package's examples/ and templates/, and the summaries the text speaks of), in order,
 * with the exit code the page shows (`$ echo $?`), else 0. A pipe from `cat`/`printf` becomes standard
 * input and `> file` a redirect, as a shell would do it.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { minimalSummary } from "../fixtures/summaries";
import { runIn } from "../helpers/cli";
import { reportWith } from "../helpers/templates";

const repo = join(__dirname, "..", "..");
const page = readFileSync(join(repo, "docs", "cli.md"), "utf8");
const hasLibreOffice = ["soffice", "libreoffice"].some((cmd) => spawnSync(cmd, ["--version"]).status === 0);

interface Example {
  command: string;
  exitCode: number;
}

/** The example commands of each code block, with the exit code shown after them. */
function examples(): Example[][] {
  const blocks: string[][] = [];
  let block: string[] | undefined;
  for (const line of page.split("\n")) {
    if (!line.startsWith("```")) block?.push(line);
    else if (block) {
      blocks.push(block);
      block = undefined;
    } else block = [];
  }
  return blocks
    .map((lines) => {
      const found: Example[] = [];
      lines.forEach((raw, i) => {
        const line = raw.replace(/^\$ /, "").replace(/\s+#.*$/, "");
        const isCommand = /(^|\| )meeting-summary /.test(line) && !/\[options\]|\[inputs|<\w/.test(line);
        if (!isCommand) return;
        let exitCode = 0;
        for (const next of lines.slice(i + 1)) {
          if (/^\$ .*meeting-summary /.test(next)) break;
          if (next === "$ echo $?") {
            exitCode = Number(lines[lines.indexOf(next, i) + 1]);
            break;
          }
        }
        found.push({ command: line, exitCode });
      });
      return found;
    })
    .filter((block) => block.length > 0);
}

/** Splits a command line into words, as a shell would for the quoting used on the page. */
function words(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? (m[3] as string));
}

const seed = readFileSync(join(repo, "examples", "seed-report.json"), "utf8");
const draft = JSON.stringify({ title: "", recipeint: "x" });

async function sandbox(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "msd-docs-"));
  cpSync(join(repo, "examples"), join(dir, "examples"), { recursive: true });
  cpSync(join(repo, "templates"), join(dir, "templates"), { recursive: true });
  mkdirSync(join(dir, "out"));
  mkdirSync(join(dir, "reports"));
  mkdirSync(join(dir, "inbox"));
  mkdirSync(join(dir, "drafts"));
  const draftFile = (name: string) => readFileSync(join(repo, "__tests__", "fixtures", "drafts", name));
  const files: Record<string, string | Uint8Array> = {
    "草稿.txt": draftFile("headings-own-line.txt"),
    "草稿.md": draftFile("assistant-democratic.md"),
    "纪要草稿.md": draftFile("assistant-democratic.md"),
    "draft.txt": draftFile("headings-own-line.txt"),
    "draft.md": draftFile("assistant-democratic.md"),
    "通知.txt": draftFile("not-a-report.txt"),
    "drafts/a.txt": draftFile("headings-own-line.txt"),
    "drafts/b.md": draftFile("assistant-democratic.md"),
    "summary.json": seed,
    "pasted.json": seed,
    "report.json": seed,
    "extra.json": seed,
    "draft.json": draft,
    "bad.json": JSON.stringify({ ...minimalSummary(), title: 5, recipeint: "x" }),
    "reports/a.json": seed,
    "reports/b.json": JSON.stringify(minimalSummary()),
    "inbox/a.json": seed,
    "inbox/b.json": JSON.stringify({ ...minimalSummary(), title: "" }),
    "all.jsonl": `${JSON.stringify(minimalSummary())}\n${JSON.stringify(minimalSummary())}\n`,
    "branch.docx": await reportWith((xml) => xml.replace("{title}", "{titel}")),
  };
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

async function run(command: string, cwd: string) {
  let line = command;
  let stdin: string | Uint8Array | undefined;
  const pipe = /^(cat (\S+)|printf '([^']*)') \| (.*)$/.exec(line);
  if (pipe) {
    stdin = pipe[2] !== undefined ? readFileSync(join(cwd, pipe[2])) : (pipe[3] as string);
    line = pipe[4] as string;
  }
  let redirect: string | undefined;
  const out = /^(.*) > (\S+)$/.exec(line);
  if (out) {
    line = out[1] as string;
    redirect = out[2];
  }
  const argv = words(line).slice(1);
  const result = await runIn(argv, {
    cwd,
    ...(stdin !== undefined && { stdin }),
    io: { stdinIsTTY: stdin === undefined },
  });
  if (redirect) {
    const bytes = result.documents[0] ?? new TextEncoder().encode(result.stdout);
    writeFileSync(join(cwd, redirect), bytes);
  }
  return result;
}

const all = examples();

it("finds the examples of every command on the page", () => {
  const commands = new Set(all.flat().map((e) => words(e.command.replace(/^.*\| /, ""))[1]));
  // (The page also shows a misspelt command, `rendr`, for its Chinese usage error.)
  for (const name of ["init", "inspect", "render", "schema", "validate"]) expect(commands).toContain(name);
});

describe.each(all.map((block) => [block.map((e) => e.command).join(" ; "), block] as const))(
  "docs/cli.md: %s",
  (_, block) => {
    const needsPdf = block.some((e) => /\.pdf\b|--pdf/.test(e.command));
    (needsPdf && !hasLibreOffice && !process.env.CI ? it.skip : it)(
      "runs as written",
      async () => {
        const cwd = await sandbox();
        for (const example of block) {
          const { code, stderr } = await run(example.command, cwd);
          expect({ command: example.command, code, stderr: code === example.exitCode ? "" : stderr }).toEqual(
            {
              command: example.command,
              code: example.exitCode,
              stderr: "",
            },
          );
        }
      },
      180_000,
    );
  },
);
