import type { Command } from "commander";
import { type CliIo, type Done, ExitCode, importDraftFile, say, writeOutput } from "./io.js";
import { cliMessages, helpMessages } from "./messages.js";
import { examplesHelp } from "./options.js";

const EXAMPLES = [
  "meeting-summary import draft.txt -o summary.json",
  "meeting-summary import draft.docx --explain",
  "meeting-summary import draft.md --lang zh-CN > summary.json",
];

/** `meeting-summary import`: a draft (plain text, Markdown, .docx) → a summary's JSON. */
export function importCommand(program: Command, io: CliIo, done: Done): void {
  program
    .command("import")
    .description(say(io, helpMessages.import, {}))
    .argument("<draft>", say(io, helpMessages.draftArgument, {}))
    .option("-o, --output <summary.json>", say(io, helpMessages.importOutput, {}))
    .option("--explain", say(io, helpMessages.explain, {}))
    .addHelpText("after", examplesHelp(io, EXAMPLES, "docs/import.md, docs/cli.md#import"))
    .action(async (file: string, opts: { output?: string; explain?: boolean }) => {
      const { summary } = await importDraftFile(io, file, { explain: opts.explain === true });
      const json = `${JSON.stringify(summary, null, 2)}\n`;
      if (opts.output === undefined) {
        io.stdout(json);
      } else {
        await writeOutput(io, opts.output, new TextEncoder().encode(json));
        io.stdout(`${say(io, cliMessages.wrote, { file: opts.output })}\n`);
      }
      done(ExitCode.Ok);
    });
}
