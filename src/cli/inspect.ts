import type { Command } from "commander";
import { ErrorCode, MeetingSummaryError } from "../errors/index.js";
import type { InspectTemplateResult, TemplateTag } from "../template/inspect.js";
import {
  type CliIo,
  type Done,
  describeError,
  Exit,
  ExitCode,
  jsonIssue,
  printJson,
  readBytes,
  readData,
  reportIssues,
  reportWarnings,
  say,
  tryReadBytes,
} from "./io.js";
import { cliMessages, helpMessages } from "./messages.js";
import { dataOption, examplesHelp } from "./options.js";

const EXAMPLES = [
  "meeting-summary inspect examples/branch-letterhead.docx",
  "meeting-summary inspect examples/own-fields/own-fields.docx --data examples/own-fields/own-fields.data.json",
  "meeting-summary inspect examples/branch-letterhead.docx --json",
];

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
    .description(say(io, helpMessages.inspect, {}))
    .argument("<template.docx>", say(io, helpMessages.templateArgument, {}))
    .addOption(dataOption(io))
    .option("--json", say(io, helpMessages.inspectJson, {}))
    .addHelpText("after", examplesHelp(io, EXAMPLES, "docs/cli.md#inspect, docs/custom-templates.md"))
    .action(async (file: string, opts: { data?: string; json?: boolean }) => {
      const { inspectTemplate } = await import("../template/inspect.js");
      const read = opts.json ? await tryReadBytes(io, file) : await readBytes(io, file);
      if (!(read instanceof Uint8Array)) {
        printJson(io, { ok: false, template: file, tags: {}, issues: [jsonIssue(read)], warnings: [] });
        throw new Exit(ExitCode.InvalidInput);
      }
      const bytes = read;
      const data = await readData(io, opts.data);
      let inspection: InspectTemplateResult;
      try {
        inspection = inspectTemplate(bytes, { locale: io.locale, ...(data && { data }) });
      } catch (error) {
        const isData = error instanceof MeetingSummaryError && error.code === ErrorCode.InvalidData;
        const source = isData ? (opts.data as string) : file;
        if (opts.json && error instanceof MeetingSummaryError) {
          const issues = error.issues.map(jsonIssue);
          printJson(io, { ok: false, template: source, tags: {}, issues, warnings: [] });
          throw new Exit(ExitCode.InvalidInput);
        }
        describeError(io, source, error);
      }
      const ok = inspection.issues.length === 0;
      if (opts.json) {
        const tags = Object.fromEntries(tagsByPart(inspection.tags));
        const issues = inspection.issues.map(jsonIssue);
        printJson(io, { ok, template: file, tags, issues, warnings: inspection.warnings.map(jsonIssue) });
        done(ok ? ExitCode.Ok : ExitCode.InvalidInput);
        return;
      }
      for (const [part, usages] of tagsByPart(inspection.tags)) {
        io.stdout(`${say(io, cliMessages.partUses, { file, part, tags: usages })}\n`);
      }
      reportIssues(io, file, inspection.issues, true);
      reportWarnings(io, file, inspection.warnings);
      if (!ok) {
        const count = inspection.issues.length;
        io.stderr(`${say(io, cliMessages.problems, { file, count })}\n`);
        throw new Exit(ExitCode.InvalidInput);
      }
      io.stdout(`${say(io, cliMessages.noProblems, { file })}\n`);
      done(ExitCode.Ok);
    });
}
