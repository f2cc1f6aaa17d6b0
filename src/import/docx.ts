/**
 * The Word reader of draft import: a .docx in, its body paragraphs and tables out, each with its text as
 * Word shows it — automatic numbers written out ("一、", "（一）"), manual line breaks as "\n", tracked
 * insertions in and deletions out, field results rather than field codes — and what Word says about it
 * (alignment, heading level, bold, list item). What is read differently from the text on the page (text
 * boxes, comments, hidden text, headers…) is reported as a warning, never dropped in silence.
 */
import type { Element } from "@xmldom/xmldom";
import { ErrorCode, type Issue, MeetingSummaryError } from "../errors/index.js";
import { checkLocale, type Locale, messageText } from "../messages/catalogue.js";
import { FileKind, fileKindMessages, sniffFileKind } from "../template/file-kind.js";
import { type OpenedTemplate, openTemplate } from "../template/open.js";
import { excerpt } from "../template/template-issues.js";
import { DocxIssueCode, docxMessages, type Place } from "./docx-messages.js";
import { DocxNumbering } from "./docx-numbering.js";
import { DocxStyles } from "./docx-styles.js";
import {
  chooseAlternative,
  elements,
  isAlternateContent,
  isElement,
  isMath,
  isW,
  MalformedXmlError,
  parseXml,
  symbolText,
  toInt,
  wAttr,
  wChild,
  wVal,
} from "./docx-xml.js";
import type { DraftHints, DraftParagraph, DraftReading } from "./draft.js";

/** Options of {@link readDocxDraft}. */
export interface ReadDocxDraftOptions {
  /** The language of warnings and errors (default `"en"`). */
  locale?: Locale;
}

/** An issue of the Word reader; a refusal for a file of another kind also says which kind. */
export interface DocxIssue extends Issue {
  /** For `not_a_docx`: what the file is instead (a .doc, a .wps, an encrypted .docx…). */
  fileKind?: FileKind;
}

/** The bytes are not a Word document we read. `issues[0].code` is one of {@link DocxIssueCode}'s refusals. */
export class UnreadableDocxError extends MeetingSummaryError {
  override name = "UnreadableDocxError";
  constructor(issue: DocxIssue, options?: { cause?: unknown }) {
    super(ErrorCode.UnreadableDocx, issue.message, [issue], options);
  }
}

/** Tables in text boxes in tables…: deeper than this is no real document. */
const MAX_DEPTH = 64;
/** Word's widest table has 63 columns: merged cells are not padded out past that (a file could claim millions). */
const MAX_COLUMNS = 63;

const DOCUMENT = "word/document.xml";
const REL_TYPES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
const STRICT_REL_TYPES = "http://purl.oclc.org/ooxml/officeDocument/relationships/";

class TooDeepError extends Error {}

/** The graphics whose text, if any, is in text boxes inside document.xml: shapes, groups, canvases, pictures. */
const SHAPES = new Set([
  "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
  "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
  "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas",
  "http://schemas.openxmlformats.org/drawingml/2006/picture",
]);

/** Something to warn about, attached to the block it was found in until the blocks are numbered. */
type Note =
  | { code: typeof DocxIssueCode.Picture; count: number }
  | { code: typeof DocxIssueCode.HiddenText | typeof DocxIssueCode.Placeholder; text: string }
  | { code: typeof DocxIssueCode.EmbeddedFile | typeof DocxIssueCode.UnclosedField }
  | { code: typeof DocxIssueCode.TextBox };

interface RawParagraph {
  kind: "paragraph";
  /** The displayed number of a list paragraph, with what follows it. */
  label: string;
  content: string;
  hints: DraftHints;
  /** Whether some text was seen, and whether all of it was bold. */
  sawText: boolean;
  allBold: boolean;
  notes: Note[];
  /** The text box it came from (numbered in document order), if any. */
  textBox?: number;
}

interface RawTable {
  kind: "table";
  rows: string[][];
  notes: Note[];
  textBox?: number;
}

type RawBlock = RawParagraph | RawTable;

interface Counts {
  insertions: number;
  deletions: number;
  comments: number;
  notes: number;
}

/** Leading and trailing spaces, tabs and full-width spaces of each line: indentation, not text. */
function cleanText(text: string): string {
  return text
    .split("\n")
    .map((line) => line.replace(/^\s+|\s+$/g, ""))
    .join("\n")
    .replace(/^\n+|\n+$/g, "");
}

function paragraphText(block: RawParagraph): string {
  return cleanText(block.label + block.content);
}

function alignment(jc: string | undefined): DraftHints["align"] {
  switch (jc) {
    case "center":
      return "center";
    case "right":
    case "end":
      return "right";
    case "both":
    case "distribute":
    case "lowKashida":
    case "mediumKashida":
    case "highKashida":
    case "thaiDistribute":
      return "justify";
    default:
      return "left";
  }
}

/** Reads the blocks of one part (the body, a header…) in order, counting list numbers as it goes. */
class PartReader {
  readonly counts: Counts = { insertions: 0, deletions: 0, comments: 0, notes: 0 };
  /** Open fields, innermost last: their instruction is not shown, their result is. */
  readonly #fields: { phase: "instruction" | "result"; block: RawParagraph }[] = [];
  #textBoxes = 0;

  constructor(
    readonly styles: DocxStyles,
    readonly numbering: DocxNumbering,
  ) {}

  /** The block-level content of `container` (the body, a cell, a text box, a content control). */
  blocks(container: Element, depth: number): RawBlock[] {
    if (depth > MAX_DEPTH) throw new TooDeepError();
    const out: RawBlock[] = [];
    /** The text of paragraphs whose paragraph mark is deleted: it joins the next paragraph. */
    let carry: RawParagraph | undefined;
    const flush = () => {
      if (carry) out.push(carry);
      carry = undefined;
    };
    const visit = (parent: Element, level: number): void => {
      if (level > MAX_DEPTH) throw new TooDeepError();
      for (const child of elements(parent)) {
        if (isAlternateContent(child)) {
          const branch = chooseAlternative(child);
          if (branch) visit(branch, level + 1);
          continue;
        }
        if (!isW(child)) continue;
        switch (child.localName) {
          case "p": {
            const { block, floats, joinsNext } = this.paragraph(child, depth);
            if (carry) {
              block.content = carry.content + block.content;
              block.notes.unshift(...carry.notes);
              block.allBold = (block.allBold || !block.sawText) && (carry.allBold || !carry.sawText);
              block.sawText ||= carry.sawText;
              carry = undefined;
            }
            if (joinsNext) carry = block;
            else out.push(block);
            out.push(...floats);
            break;
          }
          case "tbl":
            flush();
            out.push(this.table(child, depth));
            break;
          case "sdt": {
            const placeholder = this.placeholder(child);
            if (placeholder !== undefined) {
              flush();
              out.push(emptyBlock({ code: DocxIssueCode.Placeholder, text: placeholder }));
            } else {
              const content = wChild(child, "sdtContent");
              if (content) visit(content, level + 1);
            }
            break;
          }
          case "customXml":
          case "ins":
          case "moveTo":
            visit(child, level + 1);
            break;
          case "del":
          case "moveFrom":
            this.counts.deletions++;
            break;
          case "altChunk":
            flush();
            out.push(emptyBlock({ code: DocxIssueCode.EmbeddedFile }));
            break;
          default:
            break;
        }
      }
    };
    visit(container, depth);
    flush();
    return out;
  }

  /** The placeholder text a content control shows while nothing is typed in it, or undefined. */
  placeholder(sdt: Element): string | undefined {
    const showing = wChild(wChild(sdt, "sdtPr"), "showingPlcHdr");
    if (!showing || /^(0|false|off)$/i.test(wAttr(showing, "val") ?? "")) return undefined;
    const texts: string[] = [];
    const collect = (element: Element, depth: number) => {
      if (depth > MAX_DEPTH) throw new TooDeepError();
      for (const child of elements(element)) {
        if (isW(child, "t")) texts.push(child.textContent ?? "");
        else collect(child, depth + 1);
      }
    };
    const content = wChild(sdt, "sdtContent");
    if (content) collect(content, 0);
    return excerpt(texts.join(""));
  }

  /** One paragraph, then the blocks of the text boxes anchored in it. */
  paragraph(p: Element, depth: number): { block: RawParagraph; floats: RawBlock[]; joinsNext: boolean } {
    const pPr = wChild(p, "pPr");
    const mark = wChild(pPr, "rPr");
    const joinsNext = wChild(mark, "del") !== undefined || wChild(mark, "moveFrom") !== undefined;
    const block: RawParagraph = {
      kind: "paragraph",
      label: joinsNext ? "" : this.label(pPr),
      content: "",
      hints: {},
      sawText: false,
      allBold: true,
      notes: [],
    };
    const floats: RawBlock[] = [];
    const run = new RunReader(this, block, pPr, floats, depth);
    run.inline(p, 0);
    run.finish();
    const hints: DraftHints = {
      align: alignment(this.styles.paragraphProperty(pPr, (p) => wVal(p, "jc"))),
    };
    const level = this.styles.headingLevel(pPr);
    if (level !== undefined) hints.level = level;
    if (block.label.trim() !== "") hints.listItem = true;
    block.hints = hints;
    return { block, floats, joinsNext };
  }

  /** The number Word shows before the paragraph, with what follows it, or "" when it is no list paragraph. */
  label(pPr: Element | undefined): string {
    const numPr = (p: Element | undefined) => wChild(p, "numPr");
    const numId = this.styles.paragraphProperty(pPr, (p) => wVal(numPr(p), "numId"));
    if (numId === undefined || numId === "0") return "";
    const ilvl =
      this.styles.paragraphProperty(pPr, (p) => toInt(wVal(numPr(p), "ilvl"))) ??
      this.numbering.levelOfStyle(numId, this.styles.paragraphStyle(pPr)) ??
      0;
    const label = this.numbering.next(numId, ilvl);
    return label && label.text !== "" ? label.text + label.suffix : "";
  }

  /** A table: one string per cell of its grid, merged cells keeping their text in the first. */
  table(tbl: Element, depth: number): RawTable {
    const table: RawTable = { kind: "table", rows: [], notes: [] };
    for (const tr of wrapped(tbl, "tr")) {
      const trPr = wChild(tr, "trPr");
      if (wChild(trPr, "del")) {
        this.counts.deletions++;
        continue;
      }
      if (wChild(trPr, "ins")) this.counts.insertions++;
      const row: string[] = [];
      const pad = (n: number | undefined) => {
        for (let i = 0; i < (n ?? 0) && row.length < MAX_COLUMNS; i++) row.push("");
      };
      pad(toInt(wVal(trPr, "gridBefore")));
      for (const tc of wrapped(tr, "tc")) {
        const tcPr = wChild(tc, "tcPr");
        if (wChild(tcPr, "cellDel")) continue;
        const vMerge = wChild(tcPr, "vMerge");
        const continued =
          (vMerge !== undefined && wAttr(vMerge, "val") !== "restart") || wVal(tcPr, "hMerge") === "continue";
        row.push(continued ? "" : this.cell(tc, depth, table));
        pad((toInt(wVal(tcPr, "gridSpan")) ?? 1) - 1);
      }
      pad(toInt(wVal(trPr, "gridAfter")));
      table.rows.push(row);
    }
    const width = Math.min(
      MAX_COLUMNS,
      table.rows.reduce((max, row) => Math.max(max, row.length), 0),
    );
    for (const row of table.rows) while (row.length < width) row.push("");
    return table;
  }

  /** A cell's text: its paragraphs joined by "\n" (a table inside it as lines of tab-separated cells). */
  cell(tc: Element, depth: number, table: RawTable): string {
    const lines: string[] = [];
    for (const block of this.blocks(tc, depth + 1)) {
      table.notes.push(...block.notes);
      if (block.textBox !== undefined && !table.notes.some((n) => n.code === DocxIssueCode.TextBox)) {
        table.notes.push({ code: DocxIssueCode.TextBox });
      }
      const text =
        block.kind === "paragraph"
          ? paragraphText(block)
          : block.rows
              .map((row) => row.join("\t"))
              .join("\n")
              .trim();
      if (text !== "") lines.push(text);
    }
    return lines.join("\n");
  }

  /** The blocks of a text box, each marked with the text box's number. */
  textBox(content: Element, depth: number): RawBlock[] {
    const number = ++this.#textBoxes;
    const blocks = this.blocks(content, depth + 1);
    for (const block of blocks) block.textBox ??= number;
    return blocks;
  }

  /** Whether text at this point is shown: not inside a field's instruction. */
  get inFieldResult(): boolean {
    return this.#fields.every((field) => field.phase === "result");
  }

  /** A `w:fldChar` in `block`: a field begins, its result begins, or it ends. */
  fieldChar(type: string | undefined, block: RawParagraph): void {
    const open = this.#fields.at(-1);
    if (type === "begin") this.#fields.push({ phase: "instruction", block });
    else if (type === "separate" && open) open.phase = "result";
    else if (type === "end") this.#fields.pop();
  }

  /**
   * Notes the fields that never end (a damaged file): the text after such a field's start may have been
   * taken for its code and left out, so the paragraph it starts in is named.
   */
  closeFields(): void {
    for (const field of this.#fields.splice(0)) {
      if (!field.block.notes.some((note) => note.code === DocxIssueCode.UnclosedField)) {
        field.block.notes.push({ code: DocxIssueCode.UnclosedField });
      }
    }
  }
}

/** The rows of a table or cells of a row, also those inside content controls and custom XML around them. */
function wrapped(parent: Element, name: "tr" | "tc"): Element[] {
  const out: Element[] = [];
  const visit = (element: Element, level: number) => {
    if (level > MAX_DEPTH) throw new TooDeepError();
    for (const child of elements(element)) {
      if (isW(child, name)) out.push(child);
      else if (isW(child, "sdt")) {
        const content = wChild(child, "sdtContent");
        if (content) visit(content, level + 1);
      } else if (isW(child, "customXml")) visit(child, level + 1);
    }
  };
  visit(parent, 0);
  return out;
}

function emptyBlock(note: Note): RawParagraph {
  return {
    kind: "paragraph",
    label: "",
    content: "",
    hints: {},
    sawText: false,
    allBold: true,
    notes: [note],
  };
}

/** Reads the runs of one paragraph into its block. */
class RunReader {
  #hidden = "";
  #pictures = 0;

  constructor(
    readonly part: PartReader,
    readonly block: RawParagraph,
    readonly pPr: Element | undefined,
    readonly floats: RawBlock[],
    readonly depth: number,
  ) {}

  /** Paragraph-level content: runs, and the elements that wrap them. */
  inline(parent: Element, level: number): void {
    if (level > MAX_DEPTH) throw new TooDeepError();
    for (const child of elements(parent)) {
      if (isAlternateContent(child)) {
        const branch = chooseAlternative(child);
        if (branch) this.inline(branch, level + 1);
        continue;
      }
      if (isMath(child)) {
        this.math(child, level + 1);
        continue;
      }
      if (!isW(child)) {
        this.inline(child, level + 1);
        continue;
      }
      switch (child.localName) {
        case "r":
          this.run(child, level + 1);
          break;
        case "del":
        case "moveFrom":
          this.part.counts.deletions++;
          break;
        case "ins":
        case "moveTo":
          this.part.counts.insertions++;
          this.inline(child, level + 1);
          break;
        case "sdt": {
          const placeholder = this.part.placeholder(child);
          if (placeholder !== undefined) {
            this.block.notes.push({ code: DocxIssueCode.Placeholder, text: placeholder });
          } else {
            const content = wChild(child, "sdtContent");
            if (content) this.inline(content, level + 1);
          }
          break;
        }
        case "pPr":
        case "rPr":
        case "sdtPr":
        case "sdtEndPr":
        case "subDoc":
          break;
        default:
          // hyperlink, fldSimple (its runs are the field's result), smartTag, customXml, dir, bdo…
          this.inline(child, level + 1);
      }
    }
  }

  run(r: Element, level: number): void {
    const rPr = wChild(r, "rPr");
    let hidden: boolean | undefined;
    let bold: boolean | undefined;
    const add = (text: string) => {
      if (text === "" || !this.part.inFieldResult) return;
      hidden ??= this.part.styles.hidden(rPr, this.pPr);
      if (hidden) {
        this.#hidden += text;
        return;
      }
      this.block.content += text;
      if (/\S/.test(text)) {
        bold ??= this.part.styles.bold(rPr, this.pPr);
        this.block.sawText = true;
        if (!bold) this.block.allBold = false;
      }
    };
    const content = (parent: Element, depth: number): void => {
      if (depth > MAX_DEPTH) throw new TooDeepError();
      for (const child of elements(parent)) {
        if (isAlternateContent(child)) {
          const branch = chooseAlternative(child);
          if (branch) content(branch, depth + 1);
          continue;
        }
        if (!isW(child)) continue;
        switch (child.localName) {
          case "t":
            add(child.textContent ?? "");
            break;
          case "tab":
          case "ptab":
            add("\t");
            break;
          case "br": {
            const type = wAttr(child, "type");
            if (type !== "page" && type !== "column") add("\n");
            break;
          }
          case "cr":
            add("\n");
            break;
          case "sym": {
            const code = Number.parseInt(wAttr(child, "char") ?? "", 16);
            if (Number.isInteger(code) && code > 0 && code <= 0x10ffff) {
              add(symbolText(String.fromCodePoint(code), wAttr(child, "font")));
            }
            break;
          }
          case "noBreakHyphen":
            add("\u2011");
            break;
          case "fldChar":
            this.part.fieldChar(wAttr(child, "fldCharType"), this.block);
            break;
          case "drawing":
          case "pict":
          case "object":
            this.embedded(child, level);
            break;
          case "footnoteReference":
          case "endnoteReference":
            this.part.counts.notes++;
            break;
          case "commentReference":
            this.part.counts.comments++;
            break;
          case "ruby": {
            const base = wChild(child, "rubyBase");
            if (base) this.inline(base, level + 1);
            break;
          }
          default:
            // rPr, instrText (a field's code), delText, softHyphen, lastRenderedPageBreak, annotationRef…
            break;
        }
      }
    };
    content(r, level);
  }

  /** A drawing, VML shape or embedded object: its text boxes are read, a picture is reported. */
  embedded(element: Element, level: number): void {
    const boxes: Element[] = [];
    let picture = false;
    const search = (parent: Element, depth: number) => {
      if (depth > MAX_DEPTH) throw new TooDeepError();
      for (const child of elements(parent)) {
        if (isAlternateContent(child)) {
          const branch = chooseAlternative(child);
          if (branch) search(branch, depth + 1);
        } else if (isW(child, "txbxContent")) boxes.push(child);
        else {
          if (
            (child.localName === "pic" &&
              child.namespaceURI === "http://schemas.openxmlformats.org/drawingml/2006/picture") ||
            (child.localName === "imagedata" && child.namespaceURI === "urn:schemas-microsoft-com:vml") ||
            (child.localName === "OLEObject" &&
              child.namespaceURI === "urn:schemas-microsoft-com:office:office") ||
            // A chart, SmartArt or other graphic keeps its text outside document.xml.
            (child.localName === "graphicData" && !SHAPES.has(child.getAttribute("uri") ?? ""))
          ) {
            picture = true;
          }
          search(child, depth + 1);
        }
      }
    };
    search(element, level);
    if (isW(element, "object")) picture = true;
    for (const box of boxes) this.floats.push(...this.part.textBox(box, this.depth));
    if (picture) this.#pictures++;
  }

  /** An equation: the text of its `m:t` elements. */
  math(element: Element, level: number): void {
    if (level > MAX_DEPTH) throw new TooDeepError();
    for (const child of elements(element)) {
      if (isMath(child, "t")) {
        if (this.part.inFieldResult) this.block.content += child.textContent ?? "";
      } else if (isElement(child)) this.math(child, level + 1);
    }
  }

  finish(): void {
    if (cleanText(this.#hidden) !== "") {
      this.block.notes.push({ code: DocxIssueCode.HiddenText, text: excerpt(this.#hidden) });
    }
    if (this.#pictures > 0) this.block.notes.push({ code: DocxIssueCode.Picture, count: this.#pictures });
  }
}

/** The parts a document's relationships point at, by type ("styles", "numbering", "header", "footer"). */
function relatedParts(zip: DocxParts, read: (name: string) => Element | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const rels = read("word/_rels/document.xml.rels");
  if (!rels) return out;
  for (const rel of elements(rels)) {
    if (rel.localName !== "Relationship" || rel.getAttribute("TargetMode") === "External") continue;
    const type = (rel.getAttribute("Type") ?? "").replace(REL_TYPES, "").replace(STRICT_REL_TYPES, "");
    const target = rel.getAttribute("Target") ?? "";
    const name = target.startsWith("/") ? target.slice(1) : normalisePath(`word/${target}`);
    if (!zip.file(name)) continue;
    out.set(type, [...(out.get(type) ?? []), name]);
  }
  return out;
}

function normalisePath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split("/")) {
    if (part === "..") parts.pop();
    else if (part !== "." && part !== "") parts.push(part);
  }
  return parts.join("/");
}

function refuse(issue: DocxIssue, cause?: unknown): never {
  throw new UnreadableDocxError(issue, { cause });
}

/** The files of a .docx the reader looks at: each by name, its text when it is an XML part. */
interface DocxParts {
  file(name: string): { asText(): string } | null;
}

function docxParts(opened: OpenedTemplate): DocxParts {
  const names = new Set(opened.parts.map((part) => part.name));
  return { file: (name) => (names.has(name) ? { asText: () => opened.texts.get(name) ?? "" } : null) };
}

/** Opens the bytes as a .docx with the template limits, or refuses them saying what they are. */
function openDocx(bytes: Uint8Array, locale: Locale): DocxParts {
  const kind = sniffFileKind(bytes);
  if (kind !== FileKind.Zip) {
    const message =
      kind === FileKind.Other
        ? messageText(docxMessages[DocxIssueCode.NotADocx], {}, locale)
        : messageText(fileKindMessages[kind], { what: locale === "zh-CN" ? "草稿" : "draft" }, locale);
    refuse({ path: [], code: DocxIssueCode.NotADocx, message, fileKind: kind });
  }
  try {
    return docxParts(openTemplate(bytes));
  } catch (cause) {
    if (!(cause instanceof MeetingSummaryError)) throw cause;
    const found = cause.issues[0]?.code;
    const code = (
      [
        DocxIssueCode.TooLarge,
        DocxIssueCode.TooManyParts,
        DocxIssueCode.MissingDocument,
        DocxIssueCode.DtdNotAllowed,
      ] as const
    ).find((c) => c === found);
    const damaged = cause.issues.find((issue) => issue.code === DocxIssueCode.InvalidXml);
    if (!code && damaged) {
      const part = (damaged as { part?: string }).part ?? "word/document.xml";
      const message = messageText(docxMessages[DocxIssueCode.InvalidXml], { part }, locale);
      refuse({ path: [], code: DocxIssueCode.InvalidXml, message }, cause);
    }
    const known = code ?? DocxIssueCode.NotADocx;
    refuse({ path: [], code: known, message: messageText(docxMessages[known], {}, locale) }, cause);
  }
}

/** Text in a header or footer that is more than a page number ("第 1 页 共 3 页", "- 1 -"). */
function headerText(blocks: RawBlock[]): string {
  const text = blocks
    .map((block) =>
      block.kind === "paragraph" ? paragraphText(block) : block.rows.map((row) => row.join(" ")).join(" "),
    )
    .filter((t) => t !== "")
    .join(" ");
  return text.replace(/[\d\s第页共\-—–/|.·,，:：()（）Pp]/g, "") === "" ? "" : text;
}

/**
 * Reads a Word draft (.docx): one entry per body paragraph or table in reading order, with the text as
 * Word shows it, ready for the recogniser.
 *
 * - Automatic numbering (numbering.xml) becomes the number Word displays, written in front of the text
 *   ("一、", "（一）", "1.", followed by the tab, space or nothing the list puts after it), with
 *   `hints.listItem`. Lists are counted as Word counts them: shared counters per definition, restarts,
 *   start overrides, `%1.%2` texts.
 * - Manual line breaks become "\n", tabs "\t"; page and column breaks are layout. Spaces, tabs and
 *   full-width spaces at the start or end of a line are indentation and are removed.
 * - Tracked changes are read as if accepted: insertions (and moved-to text) are text, deletions (and
 *   moved-from text) are not; a deleted paragraph mark joins the paragraph to the next. Comments,
 *   footnotes, headers and footers are not text (warned about). Fields show their result, not their code.
 * - Tables become `table` (a cell's paragraphs joined by "\n"; a merged cell's text in its first grid
 *   cell, "" in the others). Text boxes are read once (one branch of `mc:AlternateContent`) as paragraphs
 *   after the paragraph they are anchored in, with a warning naming them. Content controls are read,
 *   unless they still show their placeholder.
 * - `hints`: `align` from `w:jc` (style inheritance included; "both" and "distribute" are "justify"),
 *   `level` from the outline level or a Heading N / 标题 N / Title style (through `w:basedOn`), `bold`
 *   when every run with text is bold.
 *
 * Paragraphs are numbered from 1 in the order returned (`source.paragraph`); empty paragraphs are not
 * returned and not counted. Warnings have the path `["paragraphs", i]` (`i` from 0) or `[]` for the whole
 * draft, and name the paragraph by its number.
 *
 * @param bytes - the .docx file
 * @param options - {@link ReadDocxDraftOptions}
 * @returns the paragraphs and tables, and the warnings
 * @throws {@link UnreadableDocxError} (`unreadable_docx`) for a file that is not a .docx (a .doc, .wps,
 *   encrypted .docx or .odt says so: issue code `not_a_docx` with `fileKind`), or one past the template
 *   limits (`too_large`, `too_many_parts`), without `word/document.xml`, declaring a DTD, or damaged
 *   (`invalid_xml`, `too_deep`)
 * @throws TypeError when `bytes` is not a Uint8Array; RangeError for an unknown locale
 * @example
 * readDocxDraft(bytes).paragraphs[1]
 * //=> { text: "一、\t认真准备", source: { paragraph: 2 }, hints: { align: "justify", listItem: true, bold: false } }
 */
export function readDocxDraft(bytes: Uint8Array, options: ReadDocxDraftOptions = {}): DraftReading {
  if (!(bytes instanceof Uint8Array)) {
    throw new TypeError(`a Word draft must be a Uint8Array (got ${typeof bytes})`);
  }
  const locale = checkLocale(options.locale);
  const zip = openDocx(bytes, locale);
  let partName = DOCUMENT;
  const read = (name: string): Element | undefined => {
    const file = zip.file(name);
    if (!file) return undefined;
    partName = name;
    try {
      return parseXml(file.asText());
    } catch (cause) {
      if (!(cause instanceof MalformedXmlError)) throw cause;
      refuse(
        {
          path: [],
          code: DocxIssueCode.InvalidXml,
          message: messageText(docxMessages[DocxIssueCode.InvalidXml], { part: name }, locale),
        },
        cause,
      );
    }
  };
  try {
    const related = relatedParts(zip, read);
    const first = (type: string, fallback: string) => related.get(type)?.[0] ?? fallback;
    const stylesRoot = read(first("styles", "word/styles.xml"));
    const numberingRoot = read(first("numbering", "word/numbering.xml"));
    const styles = new DocxStyles(stylesRoot);
    const reader = new PartReader(styles, new DocxNumbering(numberingRoot, styles));
    const documentRoot = read(DOCUMENT);
    const body = documentRoot ? wChild(documentRoot, "body") : undefined;
    const blocks = body ? reader.blocks(body, 0) : [];
    reader.closeFields();
    const reading = numberBlocks(blocks, locale);
    const general: Issue[] = [];
    const warn = (code: DocxIssueCode, message: string) => general.push({ path: [], code, message });
    const { insertions, deletions, comments, notes } = reader.counts;
    if (insertions + deletions > 0) {
      warn(
        DocxIssueCode.TrackedChanges,
        messageText(docxMessages[DocxIssueCode.TrackedChanges], { insertions, deletions }, locale),
      );
    }
    if (comments > 0) {
      warn(
        DocxIssueCode.Comments,
        messageText(docxMessages[DocxIssueCode.Comments], { count: comments }, locale),
      );
    }
    if (notes > 0) {
      warn(DocxIssueCode.Notes, messageText(docxMessages[DocxIssueCode.Notes], { count: notes }, locale));
    }
    for (const type of ["header", "footer"]) {
      for (const name of related.get(type) ?? []) {
        const root = read(name);
        if (!root) continue;
        // Headers number their own lists: a fresh count, so the body's numbers are not disturbed.
        const text = headerText(
          new PartReader(styles, new DocxNumbering(numberingRoot, styles)).blocks(root, 0),
        );
        if (text === "") continue;
        warn(
          DocxIssueCode.HeaderText,
          messageText(
            docxMessages[DocxIssueCode.HeaderText],
            { footer: type === "footer", text: excerpt(text) },
            locale,
          ),
        );
      }
    }
    return { paragraphs: reading.paragraphs, warnings: [...general, ...reading.warnings] };
  } catch (cause) {
    if (!(cause instanceof TooDeepError)) throw cause;
    refuse({
      path: [],
      code: DocxIssueCode.TooDeep,
      message: messageText(docxMessages[DocxIssueCode.TooDeep], { part: partName }, locale),
    });
  }
}

/** Numbers the blocks that have text from 1, and turns each note into a warning naming its place. */
function numberBlocks(blocks: RawBlock[], locale: Locale): DraftReading {
  const paragraphs: DraftParagraph[] = [];
  const warnings: Issue[] = [];
  const boxes = new Map<number, { first: number; last: number }>();
  const boxOrder: number[] = [];
  const flushBox = (box: number | undefined) => {
    for (const id of [...boxOrder]) {
      if (id === box) continue;
      const range = boxes.get(id);
      boxOrder.splice(boxOrder.indexOf(id), 1);
      if (!range) continue;
      warnings.push({
        path: ["paragraphs", range.first - 1],
        code: DocxIssueCode.TextBox,
        message: messageText(docxMessages[DocxIssueCode.TextBox], range, locale),
      });
    }
  };
  for (const block of blocks) {
    flushBox(block.textBox);
    let entry: DraftParagraph | undefined;
    if (block.kind === "paragraph") {
      const text = paragraphText(block);
      if (text !== "") {
        const hints = { ...block.hints };
        if (block.sawText) hints.bold = block.allBold;
        entry = { text, source: { paragraph: paragraphs.length + 1 }, hints };
      }
    } else if (block.rows.some((row) => row.some((cell) => cell !== ""))) {
      entry = { text: "", source: { paragraph: paragraphs.length + 1 }, table: block.rows };
    }
    if (entry) paragraphs.push(entry);
    const number = paragraphs.length;
    const place: Place = { paragraph: number, after: entry === undefined };
    const path = entry ? ["paragraphs", number - 1] : [];
    if (entry && block.textBox !== undefined) {
      const range = boxes.get(block.textBox);
      if (range) range.last = number;
      else {
        boxes.set(block.textBox, { first: number, last: number });
        boxOrder.push(block.textBox);
      }
    }
    for (const note of block.notes) {
      const message = (() => {
        switch (note.code) {
          case DocxIssueCode.Picture:
            return messageText(docxMessages[note.code], { ...place, count: note.count }, locale);
          case DocxIssueCode.HiddenText:
          case DocxIssueCode.Placeholder:
            return messageText(docxMessages[note.code], { ...place, text: note.text }, locale);
          case DocxIssueCode.EmbeddedFile:
          case DocxIssueCode.UnclosedField:
            return messageText(docxMessages[note.code], place, locale);
          case DocxIssueCode.TextBox:
            return messageText(docxMessages[note.code], { first: number, last: number }, locale);
        }
      })();
      warnings.push({ path, code: note.code, message });
    }
  }
  flushBox(undefined);
  return { paragraphs, warnings };
}
