/**
 * PDF through LibreOffice: `-o report.pdf`, `--pdf` in a batch (one LibreOffice start for all), and a clear
 * error without LibreOffice. CI installs LibreOffice and poppler-utils' pdftotext (.ci/run); on a machine
 * without them the conversions are skipped, except under CI where their absence is a failure.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fontSubstitutes, PdfError, toPdf } from "../../src/pdf";
import { renderSummary } from "../../src/render-summary";
import { minimalSummary, seedLines } from "../fixtures/summaries";
import { runIn } from "../helpers/cli";

const has = (cmd: string, arg: string) => spawnSync(cmd, [arg]).status === 0;
const soffice = ["soffice", "libreoffice"].find((cmd) => has(cmd, "--version"));
const pdftotext = has("pdftotext", "-v");
const maybe = (soffice && pdftotext) || process.env.CI ? it : it.skip;

/** The PDF's text, without page numbers or any white space (lines wrap where the PDF's lines end). */
function pdfText(file: string): string {
  const run = spawnSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
  expect(run.status).toBe(0);
  return run.stdout.replace(/\s+/g, "").replace(/—\d+—/g, "");
}

/** Each page's size in points, from the PDF's /MediaBox entries. */
function pageSizes(pdf: Buffer): string[] {
  return [...pdf.toString("latin1").matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map(
    (m) => `${Math.round(Number(m[1]))}x${Math.round(Number(m[2]))}`,
  );
}

const seedJson = readFileSync(join(__dirname, "..", "..", "examples", "seed-report.json"), "utf8");

maybe(
  "-o report.pdf writes an A4 PDF holding every line of the report, in order",
  async () => {
    expect(soffice).toBeDefined();
    const { code, stdout, cwd } = await runIn(["render", "seed.json", "-o", "report.pdf"], {
      files: { "seed.json": seedJson },
    });
    expect([code, stdout]).toEqual([0, "wrote report.pdf\n"]);
    expect(readdirSync(cwd).sort()).toEqual(["report.pdf", "seed.json"]);
    const pdf = readFileSync(join(cwd, "report.pdf"));
    const sizes = pageSizes(pdf);
    expect(sizes.length).toBeGreaterThan(1);
    expect(new Set(sizes)).toEqual(new Set(["595x842"]));
    const text = pdfText(join(cwd, "report.pdf"));
    let from = 0;
    for (const line of seedLines()) {
      const at = text.indexOf(line.replace(/\s+/g, ""), from);
      expect({ line, found: at >= 0 }).toEqual({ line, found: true });
      from = at;
    }
  },
  180_000,
);

maybe(
  "--pdf writes a PDF beside each .docx of a batch, starting LibreOffice once",
  async () => {
    expect(soffice).toBeDefined();
    const files: Record<string, string> = {};
    for (const title of ["甲报告", "乙报告", "丙报告"])
      files[`in/${title}.json`] = JSON.stringify({ ...minimalSummary(), title });
    const cwd = mkdtempSync(join(tmpdir(), "msd-pdf-"));
    // A stand-in for soffice that counts its starts, then runs the real one.
    const wrapper = join(cwd, "soffice");
    writeFileSync(wrapper, `#!/bin/sh\necho start >> "${join(cwd, "starts.log")}"\nexec ${soffice} "$@"\n`);
    chmodSync(wrapper, 0o755);
    const { code } = await runIn(["render", "in", "--out-dir", "out", "--pdf"], {
      cwd,
      files,
      io: { env: { SOFFICE: wrapper } },
    });
    expect(code).toBe(0);
    expect(readFileSync(join(cwd, "starts.log"), "utf8")).toBe("start\n");
    expect(readdirSync(join(cwd, "out")).sort()).toEqual(
      ["丙报告.docx", "丙报告.pdf", "乙报告.docx", "乙报告.pdf", "甲报告.docx", "甲报告.pdf"].sort(),
    );
    for (const title of ["甲报告", "乙报告", "丙报告"]) {
      expect(pdfText(join(cwd, "out", `${title}.pdf`))).toContain(
        `${title}一、会前准备支部召开支委会研究部署。`,
      );
    }
  },
  180_000,
);

describe("without LibreOffice", () => {
  it("-o report.pdf says how to install it and writes nothing", async () => {
    const { code, stderr, cwd } = await runIn(["render", "a.json", "-o", "report.pdf"], {
      files: { "a.json": JSON.stringify(minimalSummary()) },
      io: { env: { SOFFICE: "/no/such/soffice" } },
    });
    expect(code).toBe(1);
    expect(stderr).toContain(
      "LibreOffice was not found (/no/such/soffice), so no PDF can be made. Install it: on Debian or Ubuntu, sudo apt-get install libreoffice-writer-nogui; elsewhere, from https://www.libreoffice.org/download/.",
    );
    expect(existsSync(join(cwd, "report.pdf"))).toBe(false);
  });

  it("--json names the problem for every document that needed a PDF", async () => {
    const { code, stdout } = await runIn(["render", "a.json", "--out-dir", "out", "--pdf", "--json"], {
      files: { "a.json": JSON.stringify(minimalSummary()) },
      io: { env: { SOFFICE: "/no/such/soffice" } },
    });
    expect(code).toBe(1);
    const result = JSON.parse(stdout);
    expect(result.results[0]).toMatchObject({
      input: "a.json",
      written: [join("out", "a.docx")],
      issues: [{ path: [], code: "libreoffice_missing", label: null }],
    });
  });

  it("toPdf rejects with a PdfError whose issue says so", async () => {
    const docx = await renderSummary(minimalSummary());
    await expect(toPdf(docx, { soffice: "/no/such/soffice", locale: "zh-CN" })).rejects.toMatchObject({
      name: "PdfError",
      code: "pdf_failed",
      issues: [
        {
          code: "libreoffice_missing",
          message: expect.stringContaining("apt-get install libreoffice-writer-nogui"),
        },
      ],
    });
    await expect(toPdf(docx, { soffice: "/no/such/soffice" })).rejects.toBeInstanceOf(PdfError);
  });
});

const hasFontconfig = has("fc-match", "--version");
(hasFontconfig ? it : it.skip)(
  "fontSubstitutes names a font that is not installed and what is used instead",
  async () => {
    const [missing] = await fontSubstitutes(["No Such Font 无此字体"]);
    expect(missing?.font).toBe("No Such Font 无此字体");
    expect(missing?.substitute).toMatch(/\S/);
  },
);
