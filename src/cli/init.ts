import { readFile, stat } from "node:fs/promises";
import { resolve } from "node:path";
import type { Command } from "commander";
import { type CliIo, type Done, Exit, ExitCode, say } from "./io.js";
import { cliMessages, helpMessages } from "./messages.js";
import { examplesHelp } from "./options.js";

const EXAMPLES = ["meeting-summary init", "meeting-summary init reports/branch.json --force"];

/** `meeting-summary init`. */
export function initCommand(program: Command, io: CliIo, done: Done): void {
  program
    .command("init")
    .description(say(io, helpMessages.init, {}))
    .argument("[file]", say(io, helpMessages.initFile, {}), "meeting-summary.json")
    .option("-f, --force", say(io, helpMessages.force, {}))
    .addHelpText("after", examplesHelp(io, EXAMPLES, "docs/cli.md#init"))
    .action(async (file: string, opts: { force?: boolean }) => {
      const target = resolve(io.cwd, file);
      if (!opts.force && (await stat(target).catch(() => undefined))) {
        io.stderr(`${say(io, cliMessages.exists, { file })}\n`);
        throw new Exit(ExitCode.InvalidInput);
      }
      // The example's "$schema" is relative to the package; a copy elsewhere points at the published file.
      const example = JSON.parse(await readFile(io.examplePath, "utf8"));
      const [{ toJsonSchema }, { writeFileAtomic }] = await Promise.all([
        import("../model/json-schema.js"),
        import("../node.js"),
      ]);
      example.$schema = toJsonSchema().$id;
      await writeFileAtomic(target, new TextEncoder().encode(`${JSON.stringify(example, null, 2)}\n`));
      io.stdout(`${say(io, cliMessages.initWrote, { file })}\n`);
      done(ExitCode.Ok);
    });
}
