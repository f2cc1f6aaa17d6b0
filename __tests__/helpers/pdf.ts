import { inflateSync } from "node:zlib";

/*
 * Just enough of a PDF reader to see where LibreOffice drew straight rules: the page tree in order, each
 * page's content streams inflated, and the horizontal lines stroked in them. Written for LibreOffice's
 * own PDF output (uncompressed objects, Flate-compressed content streams), not for PDFs in general.
 */

/** A horizontal rule on a page, in points from the page's bottom-left corner. */
export interface PdfRule {
  /** 1-based page number. */
  page: number;
  /** Stroke width in points. */
  width: number;
  /** Height of the rule's centre line. */
  y: number;
  /** Left and right ends. */
  x1: number;
  x2: number;
}

const MM = 72 / 25.4;

/** Millimetres to PDF points. */
export const mm = (value: number): number => value * MM;

function objects(pdf: Buffer): Map<number, { dict: string; stream?: Buffer }> {
  const text = pdf.toString("latin1");
  const found = new Map<number, { dict: string; stream?: Buffer }>();
  for (const match of text.matchAll(/(\d+) 0 obj\b/g)) {
    const start = (match.index ?? 0) + match[0].length;
    const end = text.indexOf("endobj", start);
    const body = text.slice(start, end);
    const streamAt = body.indexOf("stream");
    if (streamAt === -1) {
      found.set(Number(match[1]), { dict: body });
      continue;
    }
    const dataStart = start + streamAt + "stream".length + (text[start + streamAt + 6] === "\r" ? 2 : 1);
    const dataEnd = text.lastIndexOf("endstream", end);
    const raw = pdf.subarray(dataStart, dataEnd);
    const dict = body.slice(0, streamAt);
    found.set(Number(match[1]), { dict, stream: dict.includes("/FlateDecode") ? inflateSync(raw) : raw });
  }
  return found;
}

const refs = (value: string): number[] => [...value.matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));

/** The pages' object numbers in reading order, following the page tree from the catalogue. */
function pageOrder(all: Map<number, { dict: string }>): number[] {
  const catalogue = [...all.values()].find((o) => /\/Type\s*\/Catalog\b/.test(o.dict));
  const root = /\/Pages (\d+) 0 R/.exec(catalogue?.dict ?? "")?.[1];
  if (root === undefined) throw new Error("no page tree in the PDF");
  const walk = (id: number): number[] => {
    const dict = all.get(id)?.dict ?? "";
    if (/\/Type\s*\/Pages\b/.test(dict))
      return refs(/\/Kids\s*\[([^\]]*)\]/.exec(dict)?.[1] ?? "").flatMap(walk);
    return [id];
  };
  return walk(Number(root));
}

/**
 * The number of pages, and every horizontal line stroked on them (`x1 y m x2 y l S` after a `w` width),
 * in page order.
 * @param pdf - a PDF written by LibreOffice
 */
export function pdfRules(pdf: Buffer): { pages: number; rules: PdfRule[] } {
  const all = objects(pdf);
  const pages = pageOrder(all);
  const rules = pages.flatMap((id, index) => {
    const dict = all.get(id)?.dict ?? "";
    const contents = /\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(dict)?.[1] ?? "";
    const content = refs(contents)
      .map((ref) => all.get(ref)?.stream?.toString("latin1") ?? "")
      .join("\n");
    return [...content.matchAll(/([\d.]+) w[^\n]*\n([\d.]+) ([\d.]+) m\n([\d.]+) ([\d.]+) l S/g)].flatMap(
      (m) => {
        const [width, xa, ya, xb, yb] = m.slice(1).map(Number) as [number, number, number, number, number];
        if (Math.abs(ya - yb) > 0.01) return [];
        return [{ page: index + 1, width, y: ya, x1: Math.min(xa, xb), x2: Math.max(xa, xb) }];
      },
    );
  });
  return { pages: pages.length, rules };
}
