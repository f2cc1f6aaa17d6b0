import { spawnSync } from "node:child_process";

/*
 * Page flow as a PDF shows it: the text lines of each page with their positions (read with poppler's
 * `pdftotext -bbox-layout`), and the faults GB/T 9704 documents must not have — a heading as a page's last
 * line (背题), a paragraph's first line alone at a page's foot (orphan), its last line alone at the next
 * page's head (widow), a sign-off on a page without text (7.3.5.4), a 版记 on an odd page (7.4).
 * Written for the built-in templates: body text 3号 with a first-line indent of two characters.
 */

/** One printed line of the 版心, in millimetres from the page's top-left corner. */
export interface PdfLine {
  /** Top of the line's highest glyph. */
  y: number;
  /** Left and right ends of its text. */
  x0: number;
  x1: number;
  /** Its words joined without spaces. */
  text: string;
}

/** Where the 版心 is on the page, in millimetres. */
export interface TextBlock {
  left: number;
  width: number;
  top: number;
  bottom: number;
}

/** GB/T 9704 paper: 28 mm left, 37 mm top, 156 × 225 mm. */
export const PRINT_BLOCK: TextBlock = { left: 28, width: 156, top: 37, bottom: 262 };

const PT = 25.4 / 72;
/** One 3号 character (16 pt) in millimetres: the first-line indent is two. */
const CHAR = 16 * PT;

const decode = (text: string) =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

/**
 * The lines of text of each page (blank pages included, as empty lists), top to bottom: words on one
 * baseline form one line whatever blocks pdftotext put them in. Lines outside the 版心 (the page numbers)
 * are left out.
 * @param bboxXhtml - the output of `pdftotext -bbox-layout file.pdf -`
 */
export function pdfLines(bboxXhtml: string, block: TextBlock = PRINT_BLOCK): PdfLine[][] {
  return [...bboxXhtml.matchAll(/<page [^>]*>([\s\S]*?)<\/page>/g)].map(([, page]) => {
    const words = [
      ...(page ?? "").matchAll(
        /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g,
      ),
    ]
      .map((m) => ({
        x0: Number(m[1]) * PT,
        y: Number(m[2]) * PT,
        x1: Number(m[3]) * PT,
        text: decode(m[4] ?? ""),
      }))
      .filter((w) => w.y > block.top - 5 && w.y < block.bottom)
      .sort((a, b) => a.y - b.y || a.x0 - b.x0);
    const lines: PdfLine[] = [];
    for (const w of words) {
      const line = lines.at(-1);
      if (line && Math.abs(line.y - w.y) < 1.5) {
        line.x0 = Math.min(line.x0, w.x0);
        line.x1 = Math.max(line.x1, w.x1);
        line.text += w.text;
      } else lines.push({ ...w });
    }
    return lines;
  });
}

/** Runs `pdftotext -bbox-layout` on a PDF file; undefined when poppler-utils is not installed. */
export function pdftotextBbox(pdfPath: string): string | undefined {
  const run = spawnSync("pdftotext", ["-bbox-layout", pdfPath, "-"], { encoding: "utf8" });
  return run.status === 0 ? run.stdout : undefined;
}

/** Whether poppler's pdftotext can be run. */
export const hasPdftotext = (): boolean => spawnSync("pdftotext", ["-v"]).status === 0;

/** A page-flow fault: its kind, the 1-based page, and the start of the line concerned. */
export interface PageFlowFault {
  kind: "heading-at-foot" | "orphan" | "widow" | "sign-off-alone" | "imprint-on-odd-page";
  page: number;
  text: string;
}

/** 一、 （一） 1. （1） at the start of a line. */
const HEADING = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．]|（\d+）)/;
/** A 成文日期 as printed: 2026年1月20日, or text like *月*日. */
const DATE = /^(?:\d{4}年\d{1,2}月\d{1,2}日|\*月\*日)$/;
/** The first line of an attachment's page, "附件1" (or "附件"): the page before ends with a page break. */
const ATTACHMENT_LABEL = /^附件\d*$/;

/** How a line sits in the 版心. */
function shape(line: PdfLine, block: TextBlock) {
  const right = block.left + block.width;
  return {
    /** A paragraph's first line: indented two characters. */
    indented: Math.abs(line.x0 - (block.left + 2 * CHAR)) < 1.5,
    /** A paragraph's next line: flush with the left edge. */
    flush: Math.abs(line.x0 - block.left) < 1.5,
    /** Reaching the right edge: the paragraph goes on. */
    full: line.x1 > right - CHAR / 2,
  };
}

/**
 * The page-flow faults of a document, from its pages' lines.
 * @param pages - {@link pdfLines} of the PDF
 * @example
 * pageFlowFaults(pdfLines(pdftotextBbox("report.pdf"))) //=> [] for a clean document
 */
export function pageFlowFaults(pages: PdfLine[][], block: TextBlock = PRINT_BLOCK): PageFlowFault[] {
  const faults: PageFlowFault[] = [];
  const fault = (kind: PageFlowFault["kind"], page: number, line: PdfLine) =>
    faults.push({ kind, page, text: line.text.slice(0, 16) });
  pages.forEach((lines, i) => {
    const page = i + 1;
    const next = pages[i + 1] ?? [];
    const last = lines.at(-1);
    const first = next[0];
    // The text goes on at the head of the next page: not after a page break, not into the 版记 page.
    const flowsOn =
      last !== undefined &&
      first !== undefined &&
      !ATTACHMENT_LABEL.test(first.text) &&
      !first.text.endsWith("印发");
    if (flowsOn) {
      const foot = shape(last, block);
      const head = shape(first, block);
      const continued = head.flush && !HEADING.test(first.text);
      if (HEADING.test(last.text) && !foot.full && (foot.indented || foot.flush))
        fault("heading-at-foot", page, last);
      else if (foot.indented && foot.full && continued) fault("orphan", page, last);
      const second = next[1];
      const paragraphEnds = second === undefined || !shape(second, block).flush;
      if (continued && !head.full && paragraphEnds && foot.full) fault("widow", page + 1, first);
    }
    const date = lines.findIndex((l) => DATE.test(l.text) && l.x0 > block.left + block.width / 2);
    if (date !== -1) {
      const dateLine = lines[date] as PdfLine;
      // Text: a line starting in the left third, not the 附件说明, and above the sign-off's blank line(s).
      const text = lines.some(
        (l) => l.x0 < block.left + 3 * CHAR && !/^(?:附件：|\d+[.．])/.test(l.text) && l.y < dateLine.y - 25,
      );
      if (!text) fault("sign-off-alone", page, dateLine);
    }
    const imprint = lines.find((l) => l.text.endsWith("印发"));
    if (imprint && page % 2 === 1) fault("imprint-on-odd-page", page, imprint);
  });
  return faults;
}

/** How full a page is: the lines it holds, and whether its last paragraph goes on at the next page's head. */
export interface PageFill {
  /** 1-based. */
  page: number;
  /** Text lines in the 版心 (table rows count one each). */
  lines: number;
  /** The page ends inside a paragraph: the next page starts with that paragraph's next line. */
  splitsParagraph: boolean;
}

/**
 * The fill of every page: a page that splits a paragraph could have held its next line unless a rule
 * (widow control) kept it back, so it shows whether full pages keep the asked lines.
 * @param pages - {@link pdfLines} of the PDF
 */
export function pageFill(pages: PdfLine[][], block: TextBlock = PRINT_BLOCK): PageFill[] {
  return pages.map((lines, i) => {
    const last = lines.at(-1);
    const first = pages[i + 1]?.[0];
    const splitsParagraph =
      last !== undefined &&
      first !== undefined &&
      shape(last, block).full &&
      shape(first, block).flush &&
      !HEADING.test(first.text) &&
      !ATTACHMENT_LABEL.test(first.text) &&
      !first.text.endsWith("印发");
    return { page: i + 1, lines: lines.length, splitsParagraph };
  });
}
