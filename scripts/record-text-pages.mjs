// Records on which page LibreOffice ends the text of every example with every built-in template at 18 to
// 26 lines a page (and a report three times as long as four-sections.json), for the test of the page
// estimate (__tests__/layout/pagination.test.ts): `npm run build && node scripts/record-text-pages.mjs`.
// Needs LibreOffice (soffice) and poppler's pdftotext; converts everything in one LibreOffice run.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const { renderSummary } = await import(join(root, "dist/esm/index.js"));
const examples = join(root, "examples");
const TEMPLATES = ["report", "document", "minutes"];
/** The 版头 and 版记 the document template needs, for the examples that have none (as in the tests), and its sign-off. */
const DOCUMENT_FIELDS = {
  issuer: "中共某某支部委员会",
  documentNumber: "某支发〔2026〕5号",
  printer: "中共某某支部委员会",
  printDate: "2026-01-20",
};

const summaries = {};
for (const file of readdirSync(examples).filter((f) => f.endsWith(".json") && !f.endsWith(".data.json"))) {
  summaries[file.replace(/\.json$/, "")] = JSON.parse(readFileSync(join(examples, file), "utf8"));
}
const four = summaries["four-sections"];
summaries.long = { ...four, sections: [...four.sections, ...four.sections, ...four.sections] };

const dir = mkdtempSync(join(tmpdir(), "msd-pages-"));
const out = join(dir, "out");
mkdirSync(out);
const names = [];
for (const [name, summary] of Object.entries(summaries)) {
  for (const template of TEMPLATES) {
    const withHeader =
      template === "document"
        ? {
            signature: "中共某某支部委员会",
            date: "2026-01-20",
            ...summary,
            document: { ...DOCUMENT_FIELDS, ...summary.document },
          }
        : summary;
    for (let lines = 18; lines <= 26; lines++) {
      const id = `${name}-${template}-${lines}`;
      writeFileSync(
        join(dir, `${id}.docx`),
        await renderSummary(withHeader, { template, layout: { linesPerPage: lines } }),
      );
      names.push(id);
    }
  }
}
execFileSync(
  "soffice",
  [
    `-env:UserInstallation=file://${join(dir, "profile")}`,
    "--headless",
    "--convert-to",
    "pdf",
    "--outdir",
    out,
    ...names.map((n) => join(dir, `${n}.docx`)),
  ],
  { stdio: "ignore" },
);

/** The last page with a line of text in the 版心, the 版记's page aside. */
function lastTextPage(pdf) {
  const xhtml = execFileSync("pdftotext", ["-bbox-layout", pdf, "-"], { encoding: "utf8", maxBuffer: 1e8 });
  let last = 0;
  [...xhtml.matchAll(/<page [^>]*>([\s\S]*?)<\/page>/g)].forEach(([, page], i) => {
    const lines = [...page.matchAll(/<line [^>]*yMin="([\d.]+)"[^>]*>([\s\S]*?)<\/line>/g)]
      .filter(([, y]) => Number(y) > 85 && Number(y) < 743) // inside the 版心: 30–262 mm
      .map(([, , words]) => [...words.matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1]).join(""));
    // The 版记 stands on a page of its own.
    if (lines.length > 0 && !lines.some((text) => text.endsWith("印发"))) last = i + 1;
  });
  return last;
}

const version = execFileSync("soffice", ["--version"], { encoding: "utf8" }).trim();
const pages = Object.fromEntries(names.map((n) => [n, lastTextPage(join(out, `${n}.pdf`))]));
writeFileSync(
  join(root, "__tests__/fixtures/libreoffice-text-pages.json"),
  `${JSON.stringify({ libreoffice: version, pages }, null, 2)}\n`,
);
console.log(`recorded ${names.length} documents with ${version}`);
