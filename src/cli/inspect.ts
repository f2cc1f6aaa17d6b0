import type { Command } from "commander";
import { MeetingSummaryError } from "../errors/index.js";
import { inspectTemplate, type TemplateTag } from "../template/inspect.js";
import {
  type CliIo,
  type Done,
  describeError,
  Exit,
  ExitCode,
  jsonIssue,
  printJson,
  readBytes,
  reportIssues,
  tryReadBytes,
} from "./io.js";

const EXAMPLES = `
Examples:
  $ meeting-summary inspect examples/branch-letterhead.docx
  $ meeting-summary inspect examples/branch-letterhead.docx --json

Docs: docs/cli.md#inspect and docs/custom-templates.md (in the package: node_modules/meeting-summary-docx/docs/)
`;

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

/** `meeting-summary inspect`. */
export function inspectCommand(program: Command, io: CliIo, done: Done): void {
  program
    .command("inspect")
    .description("list the tags a .docx template uses and every problem in it (exit 1 when there is any)")
    .argument("<template.docx>", "the template to check")
    .option("--json", "print the tags and every problem as JSON on standard output")
    .addHelpText("after", EXAMPLES)
    .action(async (file: string, opts: { json?: boolean }) => {
      const read = opts.json ? await tryReadBytes(io, file) : await readBytes(io, file);
      if (!(read instanceof Uint8Array)) {
        printJson(io, { ok: false, template: file, tags: {}, issues: [jsonIssue(read)] });
        throw new Exit(ExitCode.InvalidInput);
      }
      const bytes = read;
      let inspection: ReturnType<typeof inspectTemplate>;
      try {
        inspection = inspectTemplate(bytes);
      } catch (error) {
        if (opts.json && error instanceof MeetingSummaryError) {
          printJson(io, { ok: false, template: file, tags: {}, issues: error.issues.map(jsonIssue) });
          throw new Exit(ExitCode.InvalidInput);
        }
        describeError(io, file, error);
      }
      const ok = inspection.issues.length === 0;
      if (opts.json) {
        const tags = Object.fromEntries(tagsByPart(inspection.tags));
        printJson(io, { ok, template: file, tags, issues: inspection.issues.map(jsonIssue) });
        done(ok ? ExitCode.Ok : ExitCode.InvalidInput);
        return;
      }
      for (const [part, usages] of tagsByPart(inspection.tags)) {
        io.stdout(`${file}: ${part} uses ${usages.join(" ")}\n`);
      }
      reportIssues(io, file, inspection.issues, true);
      if (!ok) {
        const n = inspection.issues.length;
        io.stderr(`${file}: ${n} problem${n === 1 ? "" : "s"}\n`);
        throw new Exit(ExitCode.InvalidInput);
      }
      io.stdout(`${file}: no problems\n`);
      done(ExitCode.Ok);
    });
}
