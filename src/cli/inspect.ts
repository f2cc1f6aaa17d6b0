import type { Command } from "commander";
import { ErrorCode, MeetingSummaryError } from "../errors/index.js";
import { inspectTemplate, type TemplateTag } from "../template/inspect.js";
import {
  type CliIo,
  type Done,
  describeError,
  Exit,
  ExitCode,
  readBytes,
  readData,
  reportIssues,
  reportWarnings,
  say,
} from "./io.js";
import { cliMessages, helpMessages } from "./messages.js";
import { dataOption } from "./options.js";

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
    .action(async (file: string, opts: { data?: string }) => {
      const bytes = await readBytes(io, file);
      const data = await readData(io, opts.data);
      let inspection: ReturnType<typeof inspectTemplate>;
      try {
        inspection = inspectTemplate(bytes, { locale: io.locale, ...(data && { data }) });
      } catch (error) {
        const isData = error instanceof MeetingSummaryError && error.code === ErrorCode.InvalidData;
        describeError(io, isData ? (opts.data as string) : file, error);
      }
      for (const [part, usages] of tagsByPart(inspection.tags)) {
        io.stdout(`${say(io, cliMessages.partUses, { file, part, tags: usages })}\n`);
      }
      reportIssues(io, file, inspection.issues, true);
      reportWarnings(io, file, inspection.warnings);
      if (inspection.issues.length > 0) {
        const count = inspection.issues.length;
        io.stderr(`${say(io, cliMessages.problems, { file, count })}\n`);
        throw new Exit(ExitCode.InvalidInput);
      }
      io.stdout(`${say(io, cliMessages.noProblems, { file })}\n`);
      done(ExitCode.Ok);
    });
}
