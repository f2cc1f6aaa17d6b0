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
 * Converts documents with LibreOffice (one run for all of them) and returns the converted files: their
 * bytes and where they are.
 * @param documents - file name (without extension) → .docx bytes
 * @param format - a `--convert-to` filter, e.g. "pdf" or "docx:MS Word 2007 XML"
 * @param extension - the converted files' extension
 */
export function convert(
  documents: Record<string, Uint8Array>,
  format: string,
  extension: string,
): Record<string, { bytes: Buffer; path: string }> {
  if (soffice === undefined) throw new Error("LibreOffice (soffice) is not installed");
  const dir = mkdtempSync(join(tmpdir(), "msd-lo-"));
  // A folder of its own for the output: a .docx converted to .docx keeps its name.
  const out = join(dir, "out");
  mkdirSync(out);
  const names = Object.keys(documents);
  for (const name of names) writeFileSync(join(dir, `${name}.docx`), documents[name] as Uint8Array);
  const run = spawnSync(
    soffice,
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
  if (run.status !== 0) throw new Error(`LibreOffice failed (${run.status}): ${run.stderr}`);
  return Object.fromEntries(
    names.map((name) => {
      const path = join(out, `${name}.${extension}`);
      return [name, { bytes: readFileSync(path), path }];
    }),
  );
}
