import type { Command } from "commander";
import type { Locale } from "../messages/catalogue.js";
import { type CliIo, type Done, ExitCode, importDraftFile, writeOutput } from "./io.js";
import { localeOption } from "./options.js";

/** `meeting-summary import`: a draft (plain text, Markdown, .docx) → a summary's JSON. */
export function importCommand(program: Command, io: CliIo, done: Done): void {
  program
    .command("import")
    .description(
      "read a draft (.txt, .md or .docx) into a summary's JSON (nothing is written when it cannot be read)",
    )
    .argument("<draft>", 'the draft: plain text, Markdown or a Word .docx, or "-" for standard input')
    .option("-o, --output <summary.json>", "where to write the summary (default: standard output)")
    .option("--explain", "also print every decision taken (which line is the title, the 主送机关, …)")
    .addOption(localeOption())
    .action(async (file: string, opts: { output?: string; explain?: boolean; locale: Locale }) => {
      const { summary } = await importDraftFile(io, file, {
        locale: opts.locale,
        explain: opts.explain === true,
      });
      const json = `${JSON.stringify(summary, null, 2)}\n`;
      if (opts.output === undefined) {
        io.stdout(json);
      } else {
        await writeOutput(io, opts.output, new TextEncoder().encode(json));
        io.stdout(`wrote ${opts.output}\n`);
      }
      done(ExitCode.Ok);
    });
}
