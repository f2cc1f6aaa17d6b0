import type { Command } from "commander";
import { type CliIo, type Done, ExitCode, say } from "./io.js";
import { helpMessages } from "./messages.js";
import { examplesHelp } from "./options.js";

const EXAMPLES = ["meeting-summary schema > meeting-summary.schema.json"];

/** `meeting-summary schema`. */
export function schemaCommand(program: Command, io: CliIo, done: Done): void {
  program
    .command("schema")
    .description(say(io, helpMessages.schema, {}))
    .addHelpText("after", examplesHelp(io, EXAMPLES, "docs/cli.md#schema"))
    .action(async () => {
      const { toJsonSchema } = await import("../model/json-schema.js");
      io.stdout(`${JSON.stringify(toJsonSchema(), null, 2)}\n`);
      done(ExitCode.Ok);
    });
}
