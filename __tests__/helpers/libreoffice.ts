import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * LibreOffice as a real reader besides our own parser. CI installs it (.ci/run); on a machine without it
 * the tests that need it are skipped ({@link withLibreOffice}), except under CI where its absence fails.
 */
export const soffice = ["soffice", "libreoffice"].find((cmd) => spawnSync(cmd, ["--version"]).status === 0);

/** `it` where LibreOffice is installed (or under CI), `it.skip` elsewhere. */
export const withLibreOffice = soffice || process.env.CI ? it : it.skip;

/**
 * Converts documents with LibreOffice (one run for all of them) and returns the converted files' bytes.
 * @param documents - file name (without extension) → .docx bytes
 * @param format - a `--convert-to` filter, e.g. "pdf" or "docx:MS Word 2007 XML"
 * @param extension - the converted files' extension
 */
export function convert(
  documents: Record<string, Uint8Array>,
  format: string,
  extension: string,
): Record<string, Buffer> {
  expect(soffice).toBeDefined();
  const dir = mkdtempSync(join(tmpdir(), "msd-lo-"));
  const out = join(dir, "out");
  mkdirSync(out);
  const names = Object.keys(documents);
  for (const name of names) writeFileSync(join(dir, `${name}.docx`), documents[name] as Uint8Array);
  const run = spawnSync(
    soffice as string,
    [
      `-env:UserInstallation=file://${join(dir, "profile")}`,
      "--headless",
      "--convert-to",
      format,
      "--outdir",
      out,
      ...names.map((name) => join(dir, `${name}.docx`)),
    ],
    { encoding: "utf8", timeout: 150_000 },
  );
  expect(run.status).toBe(0);
  return Object.fromEntries(names.map((name) => [name, readFileSync(join(out, `${name}.${extension}`))]));
}
