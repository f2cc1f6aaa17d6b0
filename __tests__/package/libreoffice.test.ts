/**
 * A real reader besides our own parser: LibreOffice converts the rendered seed report to plain text, and
 * every line of the seed must be there, in order. CI installs LibreOffice (.ci/run); on a machine without
 * it the test is skipped, except under CI where its absence is a failure.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { renderSummary } from "../../src/render-summary";
import { seedLines, seedReport } from "../fixtures/summaries";

const soffice = ["soffice", "libreoffice"].find((cmd) => spawnSync(cmd, ["--version"]).status === 0);
const maybe = soffice || process.env.CI ? it : it.skip;

maybe(
  "LibreOffice opens the seed report and reads every line of it",
  async () => {
    expect(soffice).toBeDefined();
    const dir = mkdtempSync(join(tmpdir(), "msd-lo-"));
    writeFileSync(join(dir, "seed.docx"), await renderSummary(seedReport()));
    const run = spawnSync(
      soffice as string,
      [
        `-env:UserInstallation=file://${join(dir, "profile")}`,
        "--headless",
        "--convert-to",
        "txt:Text (encoded):UTF8",
        "--outdir",
        dir,
        join(dir, "seed.docx"),
      ],
      { encoding: "utf8", timeout: 120_000 },
    );
    expect(run.status).toBe(0);
    const lines = readFileSync(join(dir, "seed.txt"), "utf8")
      .replace(/^\uFEFF/, "")
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== "" && !/^— \d+ —$/.test(l));
    expect(lines).toEqual(seedLines());
  },
  180_000,
);
