/*
 * Property: any valid summary renders, with every template and layout, to a document whose every XML part
 * is well-formed, that shows every text of the summary in order, and that is the same bytes on a second
 * render. `npm test` runs a few hundred cases; `npm run fuzz` runs 10,000 (FUZZ_RUNS), FUZZ_SEED replays one.
 */
import { DOMParser } from "@xmldom/xmldom";
import fc from "fast-check";
import PizZip from "pizzip";
import { validateSummary } from "../../src/model/parse";
import { renderSummary } from "../../src/render-summary";
import { bodyTextsInOrder, factTexts, renderCase } from "../helpers/arbitrary";

const runs = Number(process.env.FUZZ_RUNS ?? 200);
const seed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

/** Throws unless `xml` parses without an error. Warnings are not about form (a U+FFFD in a text warns). */
function assertWellFormed(xml: string, part: string): void {
  const problems: string[] = [];
  new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") problems.push(`${level}: ${message}`);
    },
  }).parseFromString(xml, "text/xml");
  if (problems.length > 0) throw new Error(`${part} is not well-formed XML: ${problems.join("; ")}`);
}

function decodeEntities(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    if (e === "amp") return "&";
    return String.fromCodePoint(e.startsWith("#x") ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });
}

/** The text a reader sees in a part: runs' text, a line break as "\n", a tab as "\t". */
function shownText(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:tab\/>/g)]
    .map((m) =>
      m[0].startsWith("<w:br") ? "\n" : m[0].startsWith("<w:tab") ? "\t" : decodeEntities(m[1] ?? ""),
    )
    .join("");
}

/** Where the characters of `needle` appear in order in `haystack` from `from` on: the index after the last, or -1. */
function inOrder(haystack: string, needle: string, from = 0): number {
  let at = from;
  for (const ch of needle) {
    const found = haystack.indexOf(ch, at);
    if (found < 0) return -1;
    at = found + ch.length;
  }
  return at;
}

describe("any valid summary", () => {
  it(
    `renders to well-formed parts showing all its text, the same bytes twice (${runs} cases)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(renderCase, async ({ summary, template, layout }) => {
          const checked = validateSummary(summary);
          if (!checked.ok) throw new Error(`generated an invalid summary: ${checked.issues[0]?.message}`);
          const bytes = await renderSummary(summary, { template, layout });
          const zip = new PizZip(bytes);
          const parts = Object.keys(zip.files).filter((name) => /\.(xml|rels)$/.test(name));
          expect(parts).toContain("word/document.xml");
          for (const part of parts) assertWellFormed(zip.file(part)?.asText() ?? "", part);

          const body = shownText(zip.file("word/document.xml")?.asText() ?? "");
          const everything = parts.map((p) => shownText(zip.file(p)?.asText() ?? "")).join("\n");
          let at = 0;
          for (const text of bodyTextsInOrder(summary)) {
            const shown = text.replace(/[：:]$/, "");
            const next = inOrder(body, shown, at);
            if (next < 0) throw new Error(`${JSON.stringify(text)} is not in the body after position ${at}`);
            at = next;
          }
          for (const text of factTexts(summary, template)) {
            if (inOrder(everything, text) < 0)
              throw new Error(`${JSON.stringify(text)} is not in the document`);
          }

          const again = await renderSummary(summary, { template, layout });
          expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
        }),
        {
          numRuns: runs,
          ...(seed === undefined ? {} : { seed }),
          // Shrinking renders documents too: bound it, and report the smallest case found so far.
          interruptAfterTimeLimit: 60_000 + runs * 1_000,
          markInterruptAsFailure: true,
        },
      );
    },
    600_000 + runs * 2_000,
  );
});
