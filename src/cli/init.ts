import { readFile, stat } from "node:fs/promises";
import { resolve } from "node:path";
import type { Command } from "commander";
import { toJsonSchema } from "../model/json-schema.js";
import { writeFileAtomic } from "../node.js";
import { type CliIo, type Done, Exit, ExitCode } from "./io.js";

const EXAMPLES = `
Examples:
  $ meeting-summary init
  $ meeting-summary init reports/branch.json --force

Docs: docs/cli.md#init (in the package: node_modules/meeting-summary-docx/docs/cli.md)
`;

/** `meeting-summary init`. */
export function initCommand(program: Command, io: CliIo, done: Done): void {
  program
    .command("init")
    .description("write the example report as a summary to start from")
    .argument("[file]", "where to write it", "meeting-summary.json")
    .option("-f, --force", "overwrite the file if it exists")
    .addHelpText("after", EXAMPLES)
    .action(async (file: string, opts: { force?: boolean }) => {
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
}
