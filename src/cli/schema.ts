import type { Command } from "commander";
import { toJsonSchema } from "../model/json-schema.js";
import { type CliIo, type Done, ExitCode } from "./io.js";

const EXAMPLES = `
Examples:
  $ meeting-summary schema > meeting-summary.schema.json

Docs: docs/cli.md#schema (in the package: node_modules/meeting-summary-docx/docs/cli.md)
`;

/** `meeting-summary schema`. */
export function schemaCommand(program: Command, io: CliIo, done: Done): void {
  program
    .command("schema")
    .description("print the JSON Schema of a summary")
    .addHelpText("after", EXAMPLES)
    .action(() => {
      io.stdout(`${JSON.stringify(toJsonSchema(), null, 2)}\n`);
      done(ExitCode.Ok);
    });
}
