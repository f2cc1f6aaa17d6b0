import { readFile, stat } from "node:fs/promises";
import { resolve } from "node:path";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { ErrorCode, type Issue, MeetingSummaryError, TemplateError } from "../errors/index.js";
import { FontSet, LINES_PER_PAGE, Margins } from "../layout/options.js";
import type { InvalidCharacters } from "../model/parse.js";
import { BuiltInTemplate, isBuiltInTemplate } from "../template/builtin.js";
import type { InspectTemplateResult, TemplateTag } from "../template/inspect.js";
import type { MissingValues } from "../template/render.js";
import { VERSION } from "../version.js";

/** What the CLI touches outside its arguments, so that tests can run it in-process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The whole of standard input, for a `-` argument. */
  readStdin(): Promise<string>;
  /** The folder relative paths are resolved from. */
  cwd: string;
  /** The seed example that `init` copies. */
  examplePath: string;
}

/**
 * The library's heavy parts (the model's schema, the template engine), loaded by the commands that use
 * them: `--help`, `--version` and usage errors load none of them.
 */
const load = {
  node: () => import("../node.js"),
  render: () => import("../render-summary.js"),
  parse: () => import("../model/parse.js"),
  inspect: () => import("../template/inspect.js"),
  schema: () => import("../model/json-schema.js"),
};

/** Exit codes: 0 success, 1 invalid input (summary, template, files), 2 usage errors. */
export const ExitCode = { Ok: 0, InvalidInput: 1, Usage: 2 } as const;

/** A failure already reported to the user, with the exit code to end with. */
class Exit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

function reportIssues(io: CliIo, source: string, issues: readonly Issue[], withCodes = false): void {
  for (const issue of issues)
    io.stderr(`${source}: ${issue.message}${withCodes ? ` [${issue.code}]` : ""}\n`);
}

async function readBytes(io: CliIo, file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(resolve(io.cwd, file)));
  } catch (error) {
    io.stderr(
      `${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})\n`,
    );
    throw new Exit(ExitCode.InvalidInput);
  }
}

async function readInput(io: CliIo, file: string): Promise<string> {
  if (file === "-") return io.readStdin();
  return new TextDecoder().decode(await readBytes(io, file));
}

function describeError(io: CliIo, source: string, error: unknown): never {
  if (error instanceof MeetingSummaryError) {
    // Template problems carry their code, to look up in docs/custom-templates.md.
    reportIssues(io, source, error.issues, error instanceof TemplateError);
    throw new Exit(ExitCode.InvalidInput);
  }
  throw error;
}

/** Each part's tags as written (`{#sections}`, `{number}`), each once, in order of first use. */
function tagsByPart(tags: readonly TemplateTag[]): Map<string, string[]> {
  const byPart = new Map<string, Set<string>>();
  for (const tag of tags) {
    const usages = byPart.get(tag.part) ?? new Set<string>();
    usages.add(`{${tag.sign}${tag.name}}`);
    byPart.set(tag.part, usages);
  }
  return new Map([...byPart].map(([part, usages]) => [part, [...usages]]));
}

function buildProgram(io: CliIo, done: (code: number) => void): Command {
  const program = new Command("meeting-summary")
    .description("Turn a meeting summary (JSON) into an official Word report laid out to GB/T 9704-2012.")
    .version(VERSION, "-v, --version")
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) });

  const invalidCharacters = new Option(
    "--invalid-characters <mode>",
    "characters a Word document cannot hold: reject them, or strip them",
  )
    .choices(["reject", "strip"])
    .default("reject");

  program
    .command("render")
    .description("render a summary to a .docx (nothing is written when the input is invalid)")
    .argument("<summary.json>", 'the summary as JSON, or "-" for standard input')
    .requiredOption("-o, --output <file.docx>", "where to write the document")
    .option(
      "-t, --template <name|file.docx>",
      `a built-in template (${Object.values(BuiltInTemplate).join(", ")}) or your own .docx`,
      "report",
    )
    .addOption(invalidCharacters)
    .addOption(
      new Option("--missing-values <mode>", "a template tag without a value: fail, or print nothing")
        .choices(["error", "empty"])
        .default("error"),
    )
    // Layout of a built-in template (src/layout/options.ts).
    .addOption(
      new Option("--fonts <set>", "built-in templates: the _GB2312 faces, or plain 仿宋/楷体").choices(
        Object.values(FontSet),
      ),
    )
    .addOption(
      new Option(
        "--margins <kind>",
        "built-in templates: GB/T 9704 print margins, or GB/T 33476.2 screen",
      ).choices(Object.values(Margins)),
    )
    .addOption(
      new Option(
        "--lines-per-page <n>",
        `built-in templates: lines on a full page (${LINES_PER_PAGE.min}-${LINES_PER_PAGE.max}, default 22)`,
      ).argParser((value) => {
        const n = Number(value);
        if (!Number.isInteger(n) || n < LINES_PER_PAGE.min || n > LINES_PER_PAGE.max) {
          throw new InvalidArgumentError(
            `a whole number from ${LINES_PER_PAGE.min} to ${LINES_PER_PAGE.max}`,
          );
        }
        return n;
      }),
    )
    .action(
      async (
        file: string,
        opts: {
          output: string;
          template: string;
          invalidCharacters: string;
          missingValues: string;
          fonts?: FontSet;
          margins?: Margins;
          linesPerPage?: number;
        },
      ) => {
        const [{ parseSummaryJson, writeFileAtomic }, { renderSummary }] = await Promise.all([
          load.node(),
          load.render(),
        ]);
        const source = file === "-" ? "<stdin>" : file;
        const text = await readInput(io, file);
        const template = isBuiltInTemplate(opts.template)
          ? opts.template
          : await readBytes(io, opts.template);
        let bytes: Uint8Array;
        try {
          const summary = parseSummaryJson(text, {
            invalidCharacters: opts.invalidCharacters as InvalidCharacters,
          });
          const { fonts, margins, linesPerPage } = opts;
          bytes = await renderSummary(summary, {
            template,
            missingValues: opts.missingValues as MissingValues,
            layout: {
              ...(fonts && { fonts }),
              ...(margins && { margins }),
              ...(linesPerPage && { linesPerPage }),
            },
          });
        } catch (error) {
          // Summary problems are the summary file's; template problems are the template file's.
          const isSummary = error instanceof MeetingSummaryError && error.code === ErrorCode.InvalidSummary;
          describeError(io, isSummary ? source : opts.template, error);
        }
        try {
          await writeFileAtomic(resolve(io.cwd, opts.output), bytes);
        } catch (error) {
          const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
          io.stderr(`${opts.output}: cannot be written (${reason})\n`);
          throw new Exit(ExitCode.InvalidInput);
        }
        io.stdout(`wrote ${opts.output}\n`);
        done(ExitCode.Ok);
      },
    );

  program
    .command("validate")
    .description(
      "check a summary and list every problem with its path (exit 1 when there is any); warnings do not fail",
    )
    .argument("<summary.json>", 'the summary as JSON, or "-" for standard input')
    .addOption(invalidCharacters)
    .action(async (file: string, opts: { invalidCharacters: string }) => {
      const [{ parseSummaryJson }, { validateSummary }] = await Promise.all([load.node(), load.parse()]);
      const text = await readInput(io, file);
      const source = file === "-" ? "<stdin>" : file;
      let warnings: readonly Issue[] = [];
      try {
        const summary = parseSummaryJson(text, {
          invalidCharacters: opts.invalidCharacters as InvalidCharacters,
        });
        // Warnings (conventions, likely slips) never fail: they are printed and the exit code stays 0.
        warnings = validateSummary(summary).warnings;
      } catch (error) {
        describeError(io, source, error);
      }
      for (const warning of warnings) io.stderr(`${source}: warning: ${warning.message}\n`);
      io.stdout(`${source}: valid\n`);
      done(ExitCode.Ok);
    });

  program
    .command("inspect")
    .description("list the tags a .docx template uses and every problem in it (exit 1 when there is any)")
    .argument("<template.docx>", "the template to check")
    .action(async (file: string) => {
      const { inspectTemplate } = await load.inspect();
      const bytes = await readBytes(io, file);
      let inspection: InspectTemplateResult;
      try {
        inspection = inspectTemplate(bytes);
      } catch (error) {
        describeError(io, file, error);
      }
      for (const [part, usages] of tagsByPart(inspection.tags)) {
        io.stdout(`${file}: ${part} uses ${usages.join(" ")}\n`);
      }
      reportIssues(io, file, inspection.issues, true);
      if (inspection.issues.length > 0) {
        const n = inspection.issues.length;
        io.stderr(`${file}: ${n} problem${n === 1 ? "" : "s"}\n`);
        throw new Exit(ExitCode.InvalidInput);
      }
      io.stdout(`${file}: no problems\n`);
      done(ExitCode.Ok);
    });

  program
    .command("schema")
    .description("print the JSON Schema of a summary")
    .action(async () => {
      const { toJsonSchema } = await load.schema();
      io.stdout(`${JSON.stringify(toJsonSchema(), null, 2)}\n`);
      done(ExitCode.Ok);
    });

  program
    .command("init")
    .description("write the example report as a summary to start from")
    .argument("[file]", "where to write it", "meeting-summary.json")
    .option("-f, --force", "overwrite the file if it exists")
    .action(async (file: string, opts: { force?: boolean }) => {
      const [{ writeFileAtomic }, { toJsonSchema }] = await Promise.all([load.node(), load.schema()]);
      const target = resolve(io.cwd, file);
      if (!opts.force && (await stat(target).catch(() => undefined))) {
        io.stderr(`${file}: already exists (use --force to overwrite)\n`);
        throw new Exit(ExitCode.InvalidInput);
      }
      // The example's "$schema" is relative to the package; a copy elsewhere points at the published file.
      const example = JSON.parse(await readFile(io.examplePath, "utf8"));
      example.$schema = toJsonSchema().$id;
      await writeFileAtomic(target, new TextEncoder().encode(`${JSON.stringify(example, null, 2)}\n`));
      io.stdout(`wrote ${file}: edit it, then run: meeting-summary render ${file} -o report.docx\n`);
      done(ExitCode.Ok);
    });

  return program;
}

/**
 * Runs the CLI: `meeting-summary render|validate|inspect|schema|init`. Never calls `process.exit`; the caller does.
 * @param argv - the arguments after the program name
 * @param io - where output goes and input comes from
 * @returns the exit code: 0 success, 1 invalid input, 2 usage error
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let code: number = ExitCode.Ok;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  if (argv.length === 0) {
    program.outputHelp({ error: true });
    return ExitCode.Usage;
  }
  try {
    await program.parseAsync([...argv], { from: "user" });
    return code;
  } catch (error) {
    if (error instanceof Exit) return error.code;
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
    }
    io.stderr(`meeting-summary: ${(error as Error).message}\n`);
    return ExitCode.InvalidInput;
  }
}
