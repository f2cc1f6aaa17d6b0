#!/usr/bin/env node
import { isatty } from "node:tty";
import { fileURLToPath } from "node:url";
import { runCli } from "./run.js";

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

// A reader that stops early (`meeting-summary schema | head`) closes the pipe: that ends the output, not
// the program with an unhandled EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

// No top-level await: the shipped CLI is this file bundled into CommonJS chunks (scripts/build-cli.mjs).
void runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin,
  writeStdout: (bytes) =>
    new Promise<void>((resolve, reject) =>
      process.stdout.write(bytes, (error) => (error ? reject(error) : resolve())),
    ),
  stdinIsTTY: isatty(0), // without making process.stdin, which a run that reads no input never needs
  stderrIsTTY: process.stderr.isTTY === true,
  env: process.env,
  cwd: process.cwd(),
  // dist/cli/cli.js (the bundle) → the package's examples/
  examplePath: fileURLToPath(new URL("../../examples/seed-report.json", import.meta.url)),
}).then((code) => {
  process.exitCode = code;
});
