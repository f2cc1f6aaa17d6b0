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
} from "./io.js";
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
    .description("list the tags a .docx template uses and every problem in it (exit 1 when there is any)")
    .argument("<template.docx>", "the template to check")
    .addOption(dataOption())
    .action(async (file: string, opts: { data?: string }) => {
      const bytes = await readBytes(io, file);
      const data = await readData(io, opts.data);
      let inspection: ReturnType<typeof inspectTemplate>;
      try {
        inspection = inspectTemplate(bytes, data && { data });
      } catch (error) {
        const isData = error instanceof MeetingSummaryError && error.code === ErrorCode.InvalidData;
        describeError(io, isData ? (opts.data as string) : file, error);
      }
      for (const [part, usages] of tagsByPart(inspection.tags)) {
        io.stdout(`${file}: ${part} uses ${usages.join(" ")}\n`);
      }
      reportIssues(io, file, inspection.issues, true);
      reportWarnings(io, file, inspection.warnings);
      if (inspection.issues.length > 0) {
        const n = inspection.issues.length;
        io.stderr(`${file}: ${n} problem${n === 1 ? "" : "s"}\n`);
        throw new Exit(ExitCode.InvalidInput);
      }
      io.stdout(`${file}: no problems\n`);
      done(ExitCode.Ok);
    });
}
