/**
 * Where the text of a built-in template's document ends: an estimate of its pages, made from the rendered
 * word/document.xml and the template's styles, without a layout engine. The built-in templates fix every
 * measure that decides it — the text block, an exact line pitch on a line grid, 3号 characters tightened
 * to 28 a line, the space before and after each style, widow control, keep with next and keep lines
 * together — so the page on which the text ends can be counted the way LibreOffice lays it out. Used to
 * put a real blank page before the 红头文件's 版记 when the text ends on an even page (see
 * {@link imprintBlankPageEdit}); its rules and limits are in docs/layout.md ("How the pages are counted").
 *
 * Written for the built-in templates' paragraphs; a template of your own is not estimated.
 */

/** Twips in a point. */
const TWIPS_PER_PT = 20;

/** The paragraph properties the estimate reads, resolved through the style chain. */
interface ParagraphProps {
  /** Twips. */
  before: number;
  after: number;
  /** Exact or at-least line height in twips, or undefined for single (taken from the font). */
  line?: number;
  lineRule?: string;
  left: number;
  right: number;
  /** First-line indent in twips (negative: a hanging indent). */
  firstLine: number;
  keepNext: boolean;
  keepLines: boolean;
  pageBreakBefore: boolean;
  widowControl: boolean;
  /** Automatic space between Chinese and Latin letters or digits. */
  autoSpace: boolean;
  /** A bottom border: its distance from the text and its width, in twips (0 without). */
  bottomBorder: number;
}

/** The run properties the estimate reads. */
interface RunProps {
  /** Half-points. */
  size: number;
  /** Character spacing in twips (w:spacing in the run properties). */
  spacing: number;
}

interface StyleProps {
  paragraph: Partial<ParagraphProps>;
  run: Partial<RunProps>;
  basedOn?: string;
}

/** The patterns of attr and flag, made once per name (they run for every paragraph of every 红头文件). */
const attrPatterns = new Map<string, RegExp>();
const flagPatterns = new Map<string, RegExp>();

function pattern(patterns: Map<string, RegExp>, name: string, source: () => string): RegExp {
  let re = patterns.get(name);
  if (!re) {
    re = new RegExp(source());
    patterns.set(name, re);
  }
  return re;
}

const attr = (xml: string, name: string): string | undefined =>
  pattern(attrPatterns, name, () => `\\bw:${name}="([^"]*)"`).exec(xml)?.[1];

const num = (xml: string, name: string): number | undefined => {
  const value = attr(xml, name);
  return value === undefined ? undefined : Number(value);
};

/** An on/off property: `<w:keepNext/>` on, `<w:keepNext w:val="0"/>` (or false) off, absent undefined. */
function flag(xml: string, name: string): boolean | undefined {
  const m = pattern(flagPatterns, name, () => `<w:${name}(?=[ />])([^>]*)/>`).exec(xml);
  if (!m) return undefined;
  const val = attr(m[1] ?? "", "val");
  return val === undefined || !/^(?:0|false|off)$/.test(val);
}

/** The on/off paragraph properties the estimate reads, and their names in ParagraphProps. */
const PARAGRAPH_FLAGS = [
  ["keepNext", "keepNext"],
  ["keepLines", "keepLines"],
  ["pageBreakBefore", "pageBreakBefore"],
  ["widowControl", "widowControl"],
  ["autoSpaceDE", "autoSpace"],
] as const;

/** The paragraph properties written in a `w:pPr` (only those given). */
function paragraphProps(pPr: string): Partial<ParagraphProps> {
  const out: Partial<ParagraphProps> = {};
  const own = pPr.replace(/<w:sectPr[\s\S]*?<\/w:sectPr>/, "").replace(/<w:rPr>[\s\S]*?<\/w:rPr>/, "");
  const spacing = /<w:spacing [^>]*\/>/.exec(own)?.[0];
  if (spacing) {
    const before = num(spacing, "before");
    const after = num(spacing, "after");
    const line = num(spacing, "line");
    if (before !== undefined) out.before = before;
    if (after !== undefined) out.after = after;
    if (line !== undefined) out.line = line;
    const rule = attr(spacing, "lineRule");
    if (rule !== undefined) out.lineRule = rule;
  }
  const ind = /<w:ind [^>]*\/>/.exec(own)?.[0];
  if (ind) {
    const left = num(ind, "left") ?? num(ind, "start");
    const right = num(ind, "right") ?? num(ind, "end");
    const firstLine = num(ind, "firstLine");
    const hanging = num(ind, "hanging");
    if (left !== undefined) out.left = left;
    if (right !== undefined) out.right = right;
    if (hanging !== undefined) out.firstLine = -hanging;
    else if (firstLine !== undefined) out.firstLine = firstLine;
  }
  for (const [tag, key] of PARAGRAPH_FLAGS) {
    const value = flag(own, tag);
    if (value !== undefined) out[key] = value;
  }
  const border = /<w:pBdr>[\s\S]*?(<w:bottom [^>]*\/>)/.exec(own)?.[1];
  if (border && !/w:val="(?:none|nil)"/.test(border)) {
    out.bottomBorder =
      (num(border, "space") ?? 0) * TWIPS_PER_PT + ((num(border, "sz") ?? 0) * TWIPS_PER_PT) / 8;
  }
  return out;
}

function runProps(rPr: string): Partial<RunProps> {
  const out: Partial<RunProps> = {};
  const size = /<w:sz w:val="(\d+)"/.exec(rPr)?.[1];
  if (size) out.size = Number(size);
  const spacing = /<w:spacing w:val="(-?\d+)"/.exec(rPr)?.[1];
  if (spacing) out.spacing = Number(spacing);
  return out;
}

/** The paragraph styles of styles.xml and the document defaults. */
export interface Styles {
  defaults: StyleProps;
  byId: Map<string, StyleProps>;
  /** Resolved through their chains, as they are asked for. */
  resolved: Map<string, StyleProps>;
  /**
   * Paragraph properties by the text of their `w:pPr`, and run properties by paragraph style and `w:rPr`:
   * a document repeats a few of each hundreds of times (read once, not with a dozen patterns each time).
   */
  paragraphs: Map<string, ParagraphProps>;
  runs: Map<string, { size: number; spacing: number }>;
}

/** How many paragraph or run properties {@link Styles} keeps (a document has a few dozen). */
const PROPS_KEPT = 1000;

/** `value` kept in `map` under `key`, the map emptied first when full. */
function keep<T>(map: Map<string, T>, key: string, value: T): T {
  if (map.size >= PROPS_KEPT) map.clear();
  map.set(key, value);
  return value;
}

/** The styles of the last few styles.xml texts read: a template's are the same on every render. */
const readStylesCache = new Map<string, Styles>();
const READ_STYLES_KEPT = 4;

/** Reads the styles the estimate needs from word/styles.xml (kept for the next render of the template). */
export function readStyles(stylesXml: string): Styles {
  let styles = readStylesCache.get(stylesXml);
  if (!styles) {
    styles = parseStyles(stylesXml);
    if (readStylesCache.size >= READ_STYLES_KEPT) {
      readStylesCache.delete(readStylesCache.keys().next().value as string);
    }
    readStylesCache.set(stylesXml, styles);
  }
  return styles;
}

function parseStyles(stylesXml: string): Styles {
  const defaults: StyleProps = { paragraph: {}, run: {} };
  const pPrDefault = /<w:pPrDefault>([\s\S]*?)<\/w:pPrDefault>/.exec(stylesXml)?.[1];
  const rPrDefault = /<w:rPrDefault>([\s\S]*?)<\/w:rPrDefault>/.exec(stylesXml)?.[1];
  if (pPrDefault) defaults.paragraph = paragraphProps(pPrDefault);
  if (rPrDefault) defaults.run = runProps(rPrDefault);
  const byId = new Map<string, StyleProps>();
  for (const m of stylesXml.matchAll(/<w:style [^>]*w:styleId="([^"]*)"[^>]*>([\s\S]*?)<\/w:style>/g)) {
    const body = m[2] ?? "";
    const basedOn = /<w:basedOn w:val="([^"]*)"/.exec(body)?.[1];
    byId.set(m[1] ?? "", {
      paragraph: paragraphProps(/<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(body)?.[1] ?? ""),
      run: runProps(/<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(body)?.[1] ?? ""),
      ...(basedOn ? { basedOn } : {}),
    });
  }
  return { defaults, byId, resolved: new Map(), paragraphs: new Map(), runs: new Map() };
}

/** A style's properties with those of the styles it is based on, the defaults first (kept per style). */
function resolveStyle(styles: Styles, id: string | undefined): StyleProps {
  const key = id ?? "";
  let resolved = styles.resolved.get(key);
  if (!resolved) {
    resolved = resolveChain(styles, id);
    styles.resolved.set(key, resolved);
  }
  return resolved;
}

function resolveChain(styles: Styles, id: string | undefined): StyleProps {
  const chain: StyleProps[] = [];
  let next = id ?? "Normal";
  for (let guard = 0; guard < 20; guard++) {
    const style = styles.byId.get(next);
    if (!style) break;
    chain.unshift(style);
    if (!style.basedOn) break;
    next = style.basedOn;
  }
  if (id === undefined && !styles.byId.has("Normal")) chain.length = 0;
  const out: StyleProps = { paragraph: { ...styles.defaults.paragraph }, run: { ...styles.defaults.run } };
  for (const style of chain) {
    Object.assign(out.paragraph, style.paragraph);
    Object.assign(out.run, style.run);
  }
  return out;
}

/** The page and line grid of a section, in twips. */
export interface PageGeometry {
  /** Width of the text block. */
  width: number;
  /** Height of the text block. */
  height: number;
  /** The line grid's pitch (w:docGrid w:linePitch), undefined without a line grid. */
  pitch?: number;
}

/** The geometry of a `w:sectPr`. */
export function sectionGeometry(sectPr: string): PageGeometry {
  const size = /<w:pgSz [^>]*\/>/.exec(sectPr)?.[0] ?? "";
  const margins = /<w:pgMar [^>]*\/>/.exec(sectPr)?.[0] ?? "";
  const grid = /<w:docGrid [^>]*\/>/.exec(sectPr)?.[0] ?? "";
  const geometry: PageGeometry = {
    width: (num(size, "w") ?? 11906) - (num(margins, "left") ?? 1440) - (num(margins, "right") ?? 1440),
    height: (num(size, "h") ?? 16838) - (num(margins, "top") ?? 1440) - (num(margins, "bottom") ?? 1440),
  };
  const pitch = num(grid, "linePitch");
  if (pitch !== undefined && /w:type="lines(?:AndChars)?"/.test(grid)) geometry.pitch = pitch;
  return geometry;
}

/** One run of text with its size and character spacing. */
interface Run {
  text: string;
  size: number;
  spacing: number;
}

/** A block of the body: a paragraph or a table. */
type Block =
  | { kind: "paragraph"; props: ParagraphProps; runs: Run[]; pageBreak: boolean; sectPr?: string }
  | { kind: "table"; rows: TableRow[]; headerRows: number };

interface TableRow {
  cells: { width: number; paragraphs: { props: ParagraphProps; runs: Run[] }[]; margins: number }[];
  cantSplit: boolean;
}

/** The top-level paragraphs and tables of a body, in order. */
function topLevel(body: string): { kind: "p" | "tbl"; xml: string }[] {
  const out: { kind: "p" | "tbl"; xml: string }[] = [];
  const tag = /<w:(p|tbl)(?=[ >/])[^>]*?(\/?)>|<\/w:(p|tbl)>/g;
  let depth = 0;
  let start = 0;
  let kind: "p" | "tbl" = "p";
  for (let m = tag.exec(body); m; m = tag.exec(body)) {
    if (m[3]) {
      depth -= 1;
      if (depth === 0) out.push({ kind, xml: body.slice(start, m.index + m[0].length) });
    } else if (m[2] === "/") {
      if (depth === 0) out.push({ kind: m[1] as "p" | "tbl", xml: m[0] });
    } else {
      if (depth === 0) {
        start = m.index;
        kind = m[1] as "p" | "tbl";
      }
      depth += 1;
    }
  }
  return out;
}

const XML_ENTITIES: Record<string, string> = {
  "&lt;": "<",
  "&gt;": ">",
  "&amp;": "&",
  "&quot;": '"',
  "&apos;": "'",
};

/** A paragraph's properties: its style's, and those of its `w:pPr` over them. */
function paragraphPropsOf(style: StyleProps, pPr: string): ParagraphProps {
  const merged = { ...style.paragraph, ...paragraphProps(pPr) };
  return {
    before: merged.before ?? 0,
    after: merged.after ?? 0,
    ...(merged.line !== undefined ? { line: merged.line } : {}),
    ...(merged.lineRule !== undefined ? { lineRule: merged.lineRule } : {}),
    left: merged.left ?? 0,
    right: merged.right ?? 0,
    firstLine: merged.firstLine ?? 0,
    keepNext: merged.keepNext ?? false,
    keepLines: merged.keepLines ?? false,
    pageBreakBefore: merged.pageBreakBefore ?? false,
    widowControl: merged.widowControl ?? false,
    autoSpace: merged.autoSpace ?? true,
    bottomBorder: merged.bottomBorder ?? 0,
  };
}

/** A run's size and character spacing: its paragraph style's, and those of its `w:rPr` over them. */
function runPropsOf(style: StyleProps, rPr: string): { size: number; spacing: number } {
  const run = { ...style.run, ...runProps(rPr) };
  return { size: run.size ?? 24, spacing: run.spacing ?? 0 };
}

/** A run of a paragraph, and what it holds: text, a tab or a line or page break (exec'd, not matchAll'd). */
const RUN = /<w:r(?=[ >])[^>]*>([\s\S]*?)<\/w:r>/g;
const PIECE = /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br(?: [^>]*)?\/>/g;

function paragraphOf(
  xml: string,
  styles: Styles,
): { props: ParagraphProps; runs: Run[]; pageBreak: boolean } {
  const pPr = /^<w:p(?=[ >])[^>]*>\s*<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(xml)?.[1] ?? "";
  const styleId = /<w:pStyle w:val="([^"]*)"/.exec(pPr)?.[1];
  const style = resolveStyle(styles, styleId);
  const props = styles.paragraphs.get(pPr) ?? keep(styles.paragraphs, pPr, paragraphPropsOf(style, pPr));
  const runs: Run[] = [];
  let pageBreak = false;
  RUN.lastIndex = 0;
  for (let r = RUN.exec(xml); r; r = RUN.exec(xml)) {
    const inner = r[1] ?? "";
    const rPr = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(inner)?.[1] ?? "";
    const runKey = `${styleId ?? ""}\u0000${rPr}`;
    const run = styles.runs.get(runKey) ?? keep(styles.runs, runKey, runPropsOf(style, rPr));
    let text = "";
    PIECE.lastIndex = 0;
    for (let piece = PIECE.exec(inner); piece; piece = PIECE.exec(inner)) {
      if (piece[0].startsWith("<w:tab")) text += "\t";
      else if (piece[0].startsWith("<w:br")) {
        if (/w:type="page"/.test(piece[0])) pageBreak = true;
        else text += "\n";
      } else text += (piece[1] ?? "").replace(/&(?:lt|gt|amp|quot|apos);/g, (e) => XML_ENTITIES[e] ?? e);
    }
    if (text) runs.push({ text, size: run.size, spacing: run.spacing });
  }
  return { props, runs, pageBreak };
}

function tableOf(xml: string, styles: Styles): Block {
  const rows: TableRow[] = [];
  let headerRows = 0;
  const defaultMargins =
    (num(/<w:tblCellMar>[\s\S]*?<w:top [^>]*\/>/.exec(xml)?.[0] ?? "", "w") ?? 0) +
    (num(/<w:tblCellMar>[\s\S]*?<w:bottom [^>]*\/>/.exec(xml)?.[0] ?? "", "w") ?? 0);
  const grid = [...xml.matchAll(/<w:gridCol w:w="(\d+)"/g)].map((m) => Number(m[1]));
  for (const tr of xml.matchAll(/<w:tr(?=[ >])[^>]*>([\s\S]*?)<\/w:tr>/g)) {
    const row = tr[1] ?? "";
    const trPr = /<w:trPr>([\s\S]*?)<\/w:trPr>/.exec(row)?.[1] ?? "";
    if (flag(trPr, "tblHeader") && rows.length === headerRows) headerRows += 1;
    let column = 0;
    const cells: TableRow["cells"] = [];
    for (const tc of row.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)) {
      const cell = tc[1] ?? "";
      const tcPr = /<w:tcPr>([\s\S]*?)<\/w:tcPr>/.exec(cell)?.[1] ?? "";
      const span = num(/<w:gridSpan [^>]*\/>/.exec(tcPr)?.[0] ?? "", "val") ?? 1;
      const mar = /<w:tcMar>([\s\S]*?)<\/w:tcMar>/.exec(tcPr)?.[1] ?? "";
      const left = num(/<w:left [^>]*\/>/.exec(mar)?.[0] ?? "", "w") ?? 108;
      const right = num(/<w:right [^>]*\/>/.exec(mar)?.[0] ?? "", "w") ?? 108;
      const top = num(/<w:top [^>]*\/>/.exec(mar)?.[0] ?? "", "w");
      const bottom = num(/<w:bottom [^>]*\/>/.exec(mar)?.[0] ?? "", "w");
      const width = grid.slice(column, column + span).reduce((a, b) => a + b, 0) - left - right;
      column += span;
      const paragraphs = topLevel(cell.replace(/<w:tcPr>[\s\S]*?<\/w:tcPr>/, "")).map((p) =>
        paragraphOf(p.xml, styles),
      );
      cells.push({
        width,
        paragraphs,
        margins: top !== undefined || bottom !== undefined ? (top ?? 0) + (bottom ?? 0) : defaultMargins,
      });
    }
    rows.push({ cells, cantSplit: flag(trPr, "cantSplit") ?? false });
  }
  return { kind: "table", rows, headerRows };
}

/** The blocks of a body: its top-level paragraphs and tables, with their properties resolved. */
function blocksOf(body: string, styles: Styles): Block[] {
  return topLevel(body).map(({ kind, xml }) => {
    if (kind === "tbl") return tableOf(xml, styles);
    const sectPr = /<w:sectPr[\s\S]*?<\/w:sectPr>/.exec(xml)?.[0];
    return { kind: "paragraph", ...paragraphOf(xml, styles), ...(sectPr ? { sectPr } : {}) };
  });
}

// ---- Line breaking ----------------------------------------------------------------------------------

/** The code points of `chars`. */
function codes(chars: string): Set<number> {
  return new Set([...chars].map((c) => c.codePointAt(0) as number));
}

/** Characters that may not start a line (closing punctuation). */
const NO_START = codes("，。、；：？！）》」』】〉”’…—·%‰℃,.;:?!)]}");
/** Characters that may not end a line (opening punctuation). */
const NO_END = codes("（《「『【〈“‘([{");
/** Closing punctuation that hangs past the right edge rather than push a character down. */
const HANGING = codes("，。、；：？！,.");

/** Whether a character is set in the East Asian font, full width. */
const isWide = (code: number): boolean => {
  if (code < 0x2010) return code === 0xb7;
  return (
    (code >= 0x2e80 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x20000 ||
    (code >= 0x2010 && code <= 0x2027 && code !== 0x2011)
  );
};

/**
 * Advance widths of the printable ASCII characters (space to "~") in thousandths of an em, as DejaVu Serif
 * sets them: the face LibreOffice puts in place of Times New Roman where that is not installed (a server,
 * CI). Times New Roman itself is narrower (digits 500).
 */
const ASCII_WIDTHS = [
  318, 402, 460, 838, 636, 950, 890, 275, 390, 390, 500, 838, 318, 338, 318, 337, 636, 636, 636, 636, 636,
  636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 536, 1000, 722, 735, 765, 802, 730, 694, 799, 872, 395,
  401, 747, 664, 1024, 875, 820, 673, 820, 753, 685, 667, 843, 722, 1028, 712, 660, 695, 390, 337, 390, 838,
  500, 500, 596, 640, 560, 640, 592, 370, 640, 644, 320, 310, 606, 320, 948, 644, 602, 640, 640, 478, 513,
  402, 644, 565, 856, 564, 565, 527, 636, 337, 636, 838,
];

/** A Latin character's advance in thousandths of an em (other characters: half an em). */
const latinWidth = (code: number): number =>
  code >= 0x20 && code <= 0x7e ? (ASCII_WIDTHS[code - 0x20] as number) : 500;

/** A space after Chinese text, in thousandths of an em. */
const CJK_SPACE = 250;

/** The space put between Chinese and Latin letters or digits, as a share of the font size. */
const AUTO_SPACE = 0.24;

/** The kind of a character for the automatic space: Chinese, Latin letter or digit, or neither. */
function spaceClass(code: number): "han" | "latin" | undefined {
  if ((code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) {
    return "latin";
  }
  if ((code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff) || code >= 0x20000)
    return "han";
  return undefined;
}

/*
 * The units of line breaking: a wide character, a space, a forced line break, or a word of Latin letters
 * and digits (kept whole). They are kept in typed arrays reused from paragraph to paragraph, not as an
 * object and a string per character: the estimate runs on every 红头文件 render, over every character of
 * it, and objects per character made it allocate ~25 KB per paragraph, most of a render's garbage.
 */

/** A unit is set in the East Asian font, full width. */
const WIDE = 1;
/** A space: a line may break after it and drops it at its end. */
const SPACE = 2;
/** A forced line break before it (no text of its own). */
const NEWLINE = 4;
/** One character that may not start a line (closing punctuation). */
const NO_START_MARK = 8;
/** One character that hangs past the right edge rather than push a character down. */
const HANGING_MARK = 16;
/** One character that may not end a line (opening punctuation). */
const NO_END_MARK = 32;
/** Ends with a hyphen: the next Latin letter or digit starts a unit of its own. */
const HYPHEN_END = 64;

let unitFlags = new Uint8Array(256);
/** Width in twips, the automatic space before it included. */
let unitWidth = new Float64Array(256);
/** Of its width, the automatic space before it: none at the start of a line. */
let unitGap = new Float64Array(256);
/** Where its text starts and ends in the paragraph's text (the runs' texts joined). */
let unitFrom = new Int32Array(256);
let unitTo = new Int32Array(256);

/** Room for `count` units, keeping those before. */
function reserveUnits(count: number): void {
  if (count <= unitFlags.length) return;
  const size = Math.max(count, unitFlags.length * 2);
  const grow = <T extends Uint8Array | Float64Array | Int32Array>(old: T, make: (n: number) => T): T => {
    const next = make(size);
    next.set(old);
    return next;
  };
  unitFlags = grow(unitFlags, (n) => new Uint8Array(n));
  unitWidth = grow(unitWidth, (n) => new Float64Array(n));
  unitGap = grow(unitGap, (n) => new Float64Array(n));
  unitFrom = grow(unitFrom, (n) => new Int32Array(n));
  unitTo = grow(unitTo, (n) => new Int32Array(n));
}

/** The flags of a unit of one character, code point `code`. */
function charFlags(code: number, wide: boolean, space: boolean): number {
  let flags = (wide ? WIDE : 0) | (space ? SPACE : 0) | (code === 0x2d ? HYPHEN_END : 0);
  if (NO_START.has(code)) flags |= NO_START_MARK;
  if (HANGING.has(code)) flags |= HANGING_MARK;
  if (NO_END.has(code)) flags |= NO_END_MARK;
  return flags;
}

/** Splits the runs into units (in the scratch arrays) and returns how many there are. */
function unitsOf(runs: readonly Run[], autoSpace: boolean): number {
  let count = 0;
  let offset = 0;
  let previous: "han" | "latin" | undefined;
  let previousWide = false;
  for (const run of runs) {
    const em = run.size * 10; // half-points to twips
    const text = run.text;
    reserveUnits(count + text.length);
    for (let i = 0; i < text.length; ) {
      const code = text.codePointAt(i) as number;
      const length = code > 0xffff ? 2 : 1;
      const from = offset + i;
      i += length;
      if (code === 0x0a) {
        unitFlags[count] = NEWLINE;
        unitWidth[count] = 0;
        unitGap[count] = 0;
        unitFrom[count] = from;
        unitTo[count] = from; // a line break has no text of its own
        count++;
        previous = undefined;
        continue;
      }
      const wide = isWide(code);
      const space = code === 0x20 || code === 0x09;
      let width = em + run.spacing;
      if (code === 0x09)
        width = em; // tabs appear only in the 版记, outside the text
      else if (!wide) {
        // A space after Chinese text is set in the Chinese face, a quarter of an em (measured).
        const thousandths = space && previousWide ? CJK_SPACE : latinWidth(code);
        width = (thousandths * em) / 1000 + run.spacing;
      }
      const kind = spaceClass(code);
      // Word and LibreOffice put a little space between Chinese and Latin letters or digits.
      const gap = autoSpace && kind && previous && kind !== previous ? AUTO_SPACE * em : 0;
      width += gap;
      // Latin letters and digits stick together (a word, a number): a line does not break inside them,
      // except after a hyphen ("9704-" / "2012").
      const last = count - 1;
      if (
        !wide &&
        !space &&
        last >= 0 &&
        ((unitFlags[last] as number) & (WIDE | SPACE | NEWLINE | HYPHEN_END)) === 0
      ) {
        // A word of two characters or more is no punctuation mark.
        unitFlags[last] = code === 0x2d ? HYPHEN_END : 0;
        unitWidth[last] = (unitWidth[last] as number) + width;
        unitTo[last] = offset + i;
      } else {
        unitFlags[count] = charFlags(code, wide, space);
        unitWidth[count] = width;
        unitGap[count] = gap;
        unitFrom[count] = from;
        unitTo[count] = offset + i;
        count++;
      }
      previous = kind;
      previousWide = wide;
    }
    offset += text.length;
  }
  return count;
}

/** The width of units `from` to `to` (inclusive), without the automatic space before the first. */
function widthOf(from: number, to: number): number {
  let x = 0;
  for (let k = from; k <= to; k++) x += unitWidth[k] as number;
  return x - (unitGap[from] as number);
}

/**
 * Breaks the units into lines; returns the count of lines, and puts the unit each starts at in `starts`
 * when given.
 */
function breakUnits(count: number, width: number, firstLine: number, starts?: number[]): number {
  let lines = 1;
  let x = 0;
  let limit = width - firstLine;
  let lineStart = 0;
  const newLine = (at: number) => {
    lines += 1;
    starts?.push(at);
    limit = width;
    lineStart = at;
  };
  for (let i = 0; i < count; i++) {
    const flags = unitFlags[i] as number;
    const w = unitWidth[i] as number;
    if (flags & NEWLINE) {
      newLine(i + 1);
      x = 0;
      continue;
    }
    if (x + w <= limit + 1 || flags & SPACE) {
      x += w;
      continue;
    }
    // The unit does not fit.
    if (flags & NO_START_MARK && flags & HANGING_MARK && i > lineStart) {
      // A comma or full stop hangs past the right edge: the line ends after it.
      x += w;
      if (i + 1 >= count) break;
      if ((unitFlags[i + 1] as number) & NO_START_MARK) {
        // Two closing marks ("。”"): the character before goes down with them.
        const back = Math.max(lineStart + 1, i - 1);
        newLine(back);
        x = widthOf(back, i);
      } else {
        newLine(i + 1);
        x = 0;
      }
      continue;
    }
    let at = i;
    // Closing punctuation takes the characters before it down with it; opening punctuation goes down too.
    while (at > lineStart + 1 && (unitFlags[at] as number) & NO_START_MARK) at -= 1;
    while (at > lineStart + 1 && (unitFlags[at - 1] as number) & NO_END_MARK) at -= 1;
    newLine(at);
    x = widthOf(at, i);
    if (x > limit + 1 && i > at) {
      // An overlong word: it breaks where it must.
      x = w - (unitGap[i] as number);
    }
  }
  return lines;
}

/**
 * How many lines a paragraph's text takes in a column `width` twips wide, its first line `firstLine`
 * twips narrower (negative: wider). Breaks between any two Chinese characters, not inside a Latin word or a
 * number; closing punctuation never starts a line (a comma or full stop hangs past the edge, other marks
 * take the character before with them) and opening punctuation never ends one.
 */
export function countLines(runs: readonly Run[], width: number, firstLine: number, autoSpace = true): number {
  return breakUnits(unitsOf(runs, autoSpace), width, firstLine);
}

/** The lines of a paragraph's text, as {@link countLines} breaks them. */
export function breakLines(
  runs: readonly Run[],
  width: number,
  firstLine: number,
  autoSpace = true,
): string[] {
  const count = unitsOf(runs, autoSpace);
  const starts = [0];
  breakUnits(count, width, firstLine, starts);
  const text = runs.map((r) => r.text).join("");
  return starts.map((start, k) => {
    const end = starts[k + 1] ?? count;
    let line = "";
    for (let u = start; u < end; u++) line += text.slice(unitFrom[u] as number, unitTo[u] as number);
    return line;
  });
}

// ---- Pages --------------------------------------------------------------------------------------------

/** The estimate: pages of the text and how far down its last page it ends. */
export interface PageEstimate {
  /** Pages the text takes (the page on which it ends). */
  pages: number;
  /** How far down the last page the text ends, in twips from the text block's top. */
  used: number;
  /** The text block's height, in twips. */
  height: number;
  /** The line pitch, in twips. */
  pitch: number;
}

/** The lines of a paragraph laid out: their count and each line's height. */
interface Laid {
  lines: number;
  lineHeight: number;
}

/** LibreOffice's line height for a size where the spacing is single or at least: ascent + descent. */
const SINGLE_LINE = 1.3;

function lineHeight(props: ParagraphProps, size: number): number {
  const natural = Math.ceil(size * 10 * SINGLE_LINE);
  if (props.lineRule === "exact" && props.line !== undefined) return props.line;
  if (props.lineRule === "atLeast" && props.line !== undefined) return Math.max(props.line, natural);
  return props.line !== undefined ? Math.round((natural * props.line) / 240) : natural;
}

function layParagraph(p: { props: ParagraphProps; runs: Run[] }, width: number): Laid {
  const size = p.runs[0]?.size ?? 32;
  // A paragraph's runs are those with text (paragraphOf): none, an empty paragraph of one line.
  const lines =
    p.runs.length === 0
      ? 1
      : countLines(p.runs, width - p.props.left - p.props.right, p.props.firstLine, p.props.autoSpace);
  return { lines, lineHeight: lineHeight(p.props, size) };
}

/** Height of a table row, in twips. */
function rowHeight(row: TableRow): number {
  let height = 0;
  for (const cell of row.cells) {
    let h = cell.margins;
    for (const p of cell.paragraphs) {
      const laid = layParagraph(p, cell.width);
      h += p.props.before + laid.lines * laid.lineHeight + p.props.after;
    }
    height = Math.max(height, h);
  }
  return height;
}

/** A block of the text as the estimate laid it out (for tests and calibration). */
export interface LaidBlock {
  /** The paragraph's text ("[table]" for a table). */
  text: string;
  /** Its lines (0 for a table). */
  lines: number;
  /** Where it starts and ends: page (1-based) and twips from the text block's top. */
  start: { page: number; y: number };
  end: { page: number; y: number };
}

/**
 * Lays out a document's first section — the text, before the 红头文件's 版记 — as LibreOffice lays out a
 * built-in template's document, and says where each paragraph and table went.
 * @param documentXml - the rendered word/document.xml
 * @param stylesXml - its word/styles.xml
 */
export function textLayout(documentXml: string, stylesXml: string): PageEstimate & { blocks: LaidBlock[] } {
  const { text, geometry, estimate, placed } = layOut(documentXml, stylesXml);
  return {
    ...estimate,
    blocks: text.map((b, i) => ({
      text: b.kind === "table" ? "[table]" : b.runs.map((r) => r.text).join(""),
      lines: b.kind === "table" ? 0 : layParagraph(b, geometry.width).lines,
      start: (placed[i] as Placed).start,
      end: (placed[i] as Placed).end,
    })),
  };
}

/** The text's blocks, its section's geometry, and where the blocks went. */
function layOut(documentXml: string, stylesXml: string) {
  const styles = readStyles(stylesXml);
  const body = /<w:body>([\s\S]*)<\/w:body>/.exec(documentXml)?.[1] ?? "";
  const blocks = blocksOf(body, styles);
  const end = blocks.findIndex((b) => b.kind === "paragraph" && b.sectPr !== undefined);
  const sectPr =
    end === -1
      ? (/<w:sectPr[\s\S]*<\/w:sectPr>\s*$/.exec(body)?.[0] ?? "")
      : ((blocks[end] as { sectPr: string }).sectPr ?? "");
  const text = end === -1 ? blocks : blocks.slice(0, end);
  const geometry = sectionGeometry(sectPr);
  return { text, geometry, ...paginate(text, geometry) };
}

/**
 * Estimates the pages of a document's first section — the text, before the 红头文件's 版记 — as LibreOffice
 * lays out a built-in template's document.
 * @param documentXml - the rendered word/document.xml
 * @param stylesXml - its word/styles.xml
 * @example
 * estimateTextPages(documentXml, stylesXml) //=> { pages: 6, used: 9264, height: 12756, pitch: 579 }
 */
export function estimateTextPages(documentXml: string, stylesXml: string): PageEstimate {
  return layOut(documentXml, stylesXml).estimate;
}

/** Where the layout stands: the page and how far down it. */
interface Position {
  page: number;
  y: number;
}

/** Laid-out paragraph on the pages: where its first and last lines are. */
interface Placed {
  start: Position;
  firstLinePage: number;
  end: Position;
}

function paginate(blocks: Block[], geometry: PageGeometry): { estimate: PageEstimate; placed: Placed[] } {
  const pitch = geometry.pitch ?? 579;
  const height = geometry.height;
  const forcedBreak = new Set<number>();
  const placed: Placed[] = [];

  const place = (block: Block, index: number, at: Position): Placed => {
    let { page, y } = at;
    if (block.kind === "table") {
      const start = { page, y };
      const header = block.rows.slice(0, block.headerRows).reduce((a, r) => a + rowHeight(r), 0);
      let firstLinePage = page;
      block.rows.forEach((row, r) => {
        const h = rowHeight(row);
        if (y + h > height + 1 && y > 0) {
          page += 1;
          y = r >= block.headerRows ? header : 0;
        }
        if (r === 0) firstLinePage = page;
        y += h;
      });
      return { start, firstLinePage, end: { page, y } };
    }
    const { props } = block;
    const laid = layParagraph(block, geometry.width);
    // A bottom border (the 发文字号's red separator) adds its distance and width below the text.
    const after = props.after + props.bottomBorder;
    const lineH = laid.lineHeight;
    if ((props.pageBreakBefore || block.pageBreak || forcedBreak.has(index)) && y > 0) {
      page += 1;
      y = 0;
    }
    const start = { page, y };
    const top = y === 0;
    // Space before, then the lines: LibreOffice stacks the exact lines from where the paragraph before
    // ended (an off-grid title or mark included), without snapping them to the document grid.
    let lineTop = y + props.before;
    const room = (from: number) => Math.floor((height - from + 1) / lineH);
    let fits = room(lineTop);
    if (fits >= laid.lines) {
      const endY = lineTop + laid.lines * lineH + after;
      return { start, firstLinePage: page, end: { page, y: Math.min(endY, height) } };
    }
    // It does not fit whole: split it (widow control keeps two lines at either end), or move it over.
    let left = laid.lines;
    let firstLinePage = page;
    let firstDone = false;
    while (left > 0) {
      fits = room(lineTop);
      let take = Math.min(fits, left);
      if (take < left) {
        if (props.keepLines && !(top && !firstDone && lineTop <= props.before + pitch)) take = 0;
        else if (props.widowControl) {
          if (left - take < 2) take = left - 2;
          if (!firstDone && take < 2) take = 0;
        }
      }
      if (take <= 0 && lineTop === props.before && fits > 0) take = Math.min(fits, left);
      if (take > 0) {
        if (!firstDone) firstLinePage = page;
        firstDone = true;
        left -= take;
        lineTop += take * lineH;
      }
      if (left > 0) {
        page += 1;
        lineTop = 0;
      }
    }
    return { start, firstLinePage, end: { page, y: Math.min(lineTop + after, height) } };
  };

  let at: Position = { page: 1, y: 0 };
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as Block;
    const result = place(block, i, at);
    placed[i] = result;
    // Keep with next: the paragraphs before, that keep with this one, go over with it when its first line
    // is not on the page where they end (LibreOffice moves the whole paragraph, not only its last lines).
    const previous = blocks[i - 1];
    if (
      i > 0 &&
      previous?.kind === "paragraph" &&
      previous.props.keepNext &&
      result.firstLinePage > (placed[i - 1] as Placed).end.page &&
      !(block.kind === "paragraph" && (block.props.pageBreakBefore || block.pageBreak))
    ) {
      let from = i - 1;
      while (from > 0) {
        const before = blocks[from - 1];
        if (
          before?.kind === "paragraph" &&
          before.props.keepNext &&
          (placed[from - 1] as Placed).end.page === (placed[from] as Placed).start.page
        )
          from -= 1;
        else break;
      }
      const startOfChain = (placed[from] as Placed).start;
      // Not when the chain starts a page already: it cannot go anywhere better.
      if (startOfChain.y > 0 && !forcedBreak.has(from)) {
        forcedBreak.add(from);
        at = startOfChain;
        i = from - 1;
        continue;
      }
    }
    at = result.end;
  }
  return { estimate: { pages: at.page, used: at.y, height, pitch }, placed };
}

// ---- The blank page before the 版记 -------------------------------------------------------------------

/** The document's last section properties (the body's own `w:sectPr`) and where they are. */
function lastSection(documentXml: string): { sectPr: string; at: number } | undefined {
  const end = documentXml.lastIndexOf("</w:body>");
  const at = documentXml.lastIndexOf("<w:sectPr", end);
  if (at === -1 || end === -1) return undefined;
  const close = documentXml.indexOf("</w:sectPr>", at);
  if (close === -1 || close > end) return undefined;
  return { sectPr: documentXml.slice(at, close + "</w:sectPr>".length), at };
}

/** An empty paragraph 1 pt high, as the templates' anchors. */
const ONE_POINT = '<w:spacing w:after="0" w:before="0" w:line="20" w:lineRule="exact"/>';

/**
 * Whether the 红头文件's text ends on an even page: then the 版记, which belongs on the back of the last
 * sheet, needs a blank page before it. Undefined for a document without a last section of its own that
 * starts on an even page (not a 红头文件 of the built-in template).
 * @param documentXml - the rendered word/document.xml
 * @param stylesXml - its word/styles.xml
 */
export function textEndsOnEvenPage(documentXml: string, stylesXml: string): boolean | undefined {
  const last = lastSection(documentXml);
  if (!last || !/<w:type w:val="evenPage"\/>/.test(last.sectPr)) return undefined;
  if (!/<w:pPr>(?:(?!<\/w:pPr>)[\s\S])*<w:sectPr/.test(documentXml.slice(0, last.at))) return undefined;
  return estimateTextPages(documentXml, stylesXml).pages % 2 === 0;
}

/**
 * Puts a real blank page before the 红头文件's 版记 when the text is estimated to end on an even page: a
 * section of its own holding one empty 1 pt paragraph, starting on a new page, with the 版记's blank
 * footers (GB/T 9704-2012 7.5: 空白页和版记页均不编排页码). Word and LibreOffice insert such a page themselves
 * before the 版记's section (it starts on an even page), but LibreOffice's PDF export leaves pages it
 * inserted out by default, and the 版记 then prints on an odd page of the PDF. The 版记's section keeps
 * starting on an even page, so a reader that breaks the pages otherwise than estimated still puts the
 * 版记 on an even page (at the cost of a second blank page).
 * @param documentXml - the rendered word/document.xml of the `document` template
 * @param stylesXml - its word/styles.xml
 * @returns the document, with the blank page where one is needed
 */
export function withBlankPageBeforeImprint(documentXml: string, stylesXml: string): string {
  if (textEndsOnEvenPage(documentXml, stylesXml) !== true) return documentXml;
  const last = lastSection(documentXml) as { sectPr: string; at: number };
  // The paragraph that ends the text's section: the first whose properties hold a w:sectPr.
  const textEnd = /<w:sectPr[\s\S]*?<\/w:sectPr>\s*<\/w:pPr>(?:(?!<\/w:p>)[\s\S])*<\/w:p>/.exec(documentXml);
  if (!textEnd || textEnd.index >= last.at) return documentXml;
  const at = textEnd.index + textEnd[0].length;
  const blank = last.sectPr.replace('<w:type w:val="evenPage"/>', '<w:type w:val="nextPage"/>');
  return `${documentXml.slice(0, at)}<w:p><w:pPr>${ONE_POINT}${blank}</w:pPr></w:p>${documentXml.slice(at)}`;
}
