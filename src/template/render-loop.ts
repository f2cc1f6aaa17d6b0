/*
 * Our own render loop over a compiled template: docxtemplater parses the template once (lexing, loops,
 * paragraph loops, raw XML tags, xml:space), and this walks what it parsed — each part's `postparsed` tree —
 * with the view data, pushing strings, instead of docxtemplater's render (a scope manager and an options
 * object per loop item, every module asked about every part, UTF-8 written by hand).
 *
 * The output is the very bytes docxtemplater's render gives, part for part: the same parts are pushed in the
 * same order (static XML, escaped values, line breaks as docxtemplater writes them with the run's own
 * properties, raw XML), then docxtemplater's own clean-ups run on them as it runs them (its space-preserve
 * module, the sign-off keep-with-next, its "join uncorrupt" pass for tables). A template using anything this
 * loop does not cover (another module, page breaks or sections inside a loop, PowerPoint parts) gets no
 * program and renders with docxtemplater; so does a render whose data does something unusual (a function as
 * a value, characters XML cannot hold, a raw XML tag given an object): docxtemplater then renders it and
 * reports its own errors. This leans on docxtemplater's internals (the parsed tree, the state of its Render
 * module), so its version is pinned and __tests__/template/render-loop.test.ts compares both paths byte for
 * byte.
 */
import type Docxtemplater from "docxtemplater";
import { isSignOffPart, keepSignOff } from "./sign-off-keep.js";

/** A part of docxtemplater's parsed tree, as far as the loop reads it. */
export interface TreePart {
  type: string;
  value: string;
  tag?: string;
  position?: string;
  module?: string;
  inverted?: boolean;
  offset?: number;
  subparsed?: TreePart[];
  paragraphLoop?: boolean;
  hasPageBreak?: boolean;
  hasPageBreakBeginning?: boolean;
  addNextPage?: unknown;
  addContinuousType?: boolean;
  sectPrCount?: number;
  lastParagrapSectPr?: string;
}

/** A template file as docxtemplater compiled it (its XmlTemplater, the fields the loop reads). */
interface CompiledFile {
  postparsed: TreePart[];
  contentType: string;
  linebreaks?: boolean;
}

/** docxtemplater's Render module: it records the run properties around a tag for line breaks in values. */
export interface RenderModuleState {
  name: string;
  recordRun: boolean;
  recordedRun: unknown;
}

/** What a tag records in the run properties (docxtemplater's Render.recordRuns). */
export enum Runs {
  /** Nothing of its own (added to the recording while a `<w:rPr>` is open). */
  None = 0,
  /** A `<w:r>` (opening or closing): the recording starts afresh. */
  Reset = 1,
  /** `<w:rPr>`: recorded, and the recording is on. */
  PropsStart = 2,
  /** `</w:rPr>` or `<w:rPr/>`: recorded, and the recording is off. */
  PropsEnd = 3,
}

export enum Kind {
  Static = 0,
  Value = 1,
  Raw = 2,
  Loop = 3,
}

export interface StaticNode {
  kind: Kind.Static;
  text: string;
  runs: Runs;
  /** It opens a table, row, cell or content control, or closes a table: join-uncorrupt may act on it. */
  join: boolean;
  /** It holds the sign-off's style (see `isSignOffPart`). */
  signOff: boolean;
}

export interface TagNode {
  kind: Kind.Value | Kind.Raw;
  /** The dotted path the tag reads (see `tagKeys`). */
  keys: string[];
  part: TreePart;
}

export interface LoopNode {
  kind: Kind.Loop;
  keys: string[];
  part: TreePart;
  inverted: boolean;
  body: Node[];
  /**
   * Its content can hold tables, content controls or raw XML: docxtemplater's join-uncorrupt pass over the
   * loop's parts may change them (elsewhere it is left out: it would change nothing).
   */
  structural: boolean;
  /** What an empty loop leaves when it held the section's properties. */
  emptySection: string | undefined;
  /** `emptySection` holds the sign-off's style. */
  emptySectionSignOff: boolean;
}

export type Node = StaticNode | TagNode | LoopNode;

export interface FileProgram {
  name: string;
  nodes: Node[];
  /** Values' "\n" become Word line breaks (docxtemplater's `linebreaks`; never in the document properties). */
  linebreaks: boolean;
  /** The part can hold tables or content controls: docxtemplater's join-uncorrupt pass has work to do. */
  structural: boolean;
  /** A Word body part (docxtemplater adds a paragraph after a table that is followed by none). */
  wordPart: boolean;
}

/** A compiled template's render program: one per templated file, in docxtemplater's order. */
export interface RenderProgram {
  files: FileProgram[];
  /** The files' names. */
  names: ReadonlySet<string>;
  /** docxtemplater's Render module, whose recording of run properties carries from file to file. */
  runs: RenderModuleState;
}

/** A missing value as docxtemplater's nullGetter sees it. */
export interface MissingValue {
  tag: string;
  file: string | undefined;
  offset: number | undefined;
}

/** Thrown inside the loop when docxtemplater must render (and report) this data itself. */
class Unsupported extends Error {}
const UNSUPPORTED = new Unsupported("left to docxtemplater");

/** The path a tag reads: `{title}` → ["title"], `{meeting.kind}` → ["meeting", "kind"], `{.}` → []. */
export function tagKeys(tag: string): string[] {
  const trimmed = tag.trim();
  return trimmed === "." ? [] : trimmed.split(".");
}

/** The value at `keys` in `scope`, own properties only; undefined where the path ends. */
export function readPath(scope: unknown, keys: readonly string[]): unknown {
  let value = scope;
  for (const key of keys) {
    if (value === null || typeof value !== "object" || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

// docxtemplater 3.71.0's constants (content-types.js, filetypes.js), checked against it by the tests.
export const NO_LINE_BREAKS = [
  "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml",
  "application/vnd.openxmlformats-package.core-properties+xml",
  "application/vnd.openxmlformats-officedocument.extended-properties+xml",
  "application/vnd.openxmlformats-officedocument.custom-properties+xml",
];
export const WORD_PARTS = [
  "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
  "application/vnd.ms-word.document.macroEnabled.main+xml",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
  "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml",
];
/** The modules of a compiled template, in order: another module means docxtemplater renders. */
export const EXPECTED_MODULES = [
  "LoopModule",
  "SpacePreserveModule",
  "ExpandPairTrait",
  "RawXmlModule",
  "Render",
  "Common",
  "MeetingSummaryListener",
  "MeetingSummarySignOffKeeper",
  "MeetingSummaryCommentsLeftAlone",
  "MeetingSummaryContentTypesLeftAlone",
];

/** What join-uncorrupt acts on (docxtemplater's tagShouldContain for docx, and the table end). */
const STRUCTURAL = /<w:(?:tbl|tc|tr|sdtContent)|<\/w:tbl>/;

/**
 * A part join-uncorrupt can start from: one opening a table, row, cell or content control (after the
 * space-preserve clean-up, which may take a `</w:t>` off its start), or one closing a table. Without such a
 * part among those rendered, the pass changes nothing and is left out.
 */
export function startsJoin(text: string): boolean {
  return /^(?:<\/w:t>)?<w:(?:sdtContent|tc|tr|tbl)[> /]/.test(text) || text.endsWith("</w:tbl>");
}

class NotCovered extends Error {}

function compileNodes(parts: readonly TreePart[], file: { structural: boolean }, inLoop = false): Node[] {
  const nodes: Node[] = [];
  for (const part of parts) {
    if (part.type === "content" || part.type === "tag") {
      if (typeof part.value !== "string") throw new NotCovered();
      if (part.tag === "a:ext" || part.tag === "p:xfrm" || part.tag === "a16:rowId") throw new NotCovered();
      if (STRUCTURAL.test(part.value)) file.structural = true;
      let runs = Runs.None;
      if (part.tag === "w:r") runs = Runs.Reset;
      else if (part.tag === "w:rPr") {
        if (part.position === "start") runs = Runs.PropsStart;
        else if (part.position === "end" || part.position === "selfclosing") runs = Runs.PropsEnd;
        else throw new NotCovered();
      }
      // An empty part pushes nothing (docxtemplater skips it), and records nothing.
      if (part.value !== "" || runs !== Runs.None) {
        nodes.push({
          kind: Kind.Static,
          text: part.value,
          runs,
          join: startsJoin(part.value),
          signOff: isSignOffPart(part.value),
        });
      }
    } else if (part.type === "placeholder" && typeof part.value === "string") {
      const keys = tagKeys(part.value);
      if (part.module === undefined) nodes.push({ kind: Kind.Value, keys, part });
      else if (part.module === "rawxml") {
        if (inLoop) file.structural = true;
        nodes.push({ kind: Kind.Raw, keys, part });
      } else if (part.module === "loop" && Array.isArray(part.subparsed)) {
        if (
          part.hasPageBreak ||
          part.hasPageBreakBeginning ||
          part.addNextPage ||
          part.addContinuousType ||
          part.sectPrCount === 1
        ) {
          throw new NotCovered();
        }
        const sect = part.lastParagrapSectPr;
        const emptySection = sect
          ? part.paragraphLoop
            ? `<w:p><w:pPr>${sect}</w:pPr></w:p>`
            : `</w:t></w:r></w:p><w:p><w:pPr>${sect}</w:pPr><w:r><w:t>`
          : undefined;
        const inner = { structural: false };
        const body = compileNodes(part.subparsed, inner, true);
        if (inner.structural) file.structural = true;
        nodes.push({
          kind: Kind.Loop,
          keys,
          part,
          inverted: part.inverted === true,
          body,
          structural: inner.structural,
          emptySection,
          emptySectionSignOff: emptySection !== undefined && isSignOffPart(emptySection),
        });
      } else throw new NotCovered();
    } else throw new NotCovered();
  }
  return nodes;
}

/**
 * The render program of a compiled template, or undefined when docxtemplater must render it (see above).
 * @param doc - a compiled docxtemplater (paragraphLoop, linebreaks, our modules)
 */
export function compileProgram(doc: Docxtemplater): RenderProgram | undefined {
  const internals = doc as unknown as {
    fileType?: string;
    modules?: { name?: string }[];
    compiled?: Record<string, CompiledFile>;
  };
  const modules = internals.modules;
  if (internals.fileType !== "docx" || !modules || !internals.compiled) return undefined;
  if (modules.map((m) => m.name).join() !== EXPECTED_MODULES.join()) return undefined;
  const runs = modules.find((m) => m.name === "Render") as RenderModuleState | undefined;
  if (!runs) return undefined;
  const files: FileProgram[] = [];
  try {
    for (const [name, compiled] of Object.entries(internals.compiled)) {
      if (!Array.isArray(compiled.postparsed) || compiled.linebreaks !== true) return undefined;
      const flags = { structural: false };
      const nodes = compileNodes(compiled.postparsed, flags);
      files.push({
        name,
        nodes,
        linebreaks: !NO_LINE_BREAKS.includes(compiled.contentType),
        structural: flags.structural,
        wordPart: WORD_PARTS.includes(compiled.contentType),
      });
    }
  } catch (error) {
    if (error instanceof NotCovered) return undefined;
    throw error;
  }
  return { files, names: new Set(files.map((file) => file.name)), runs };
}

// ---- Rendering ----

const XML_SPECIAL = /[&<>"']/;

/** docxtemplater's utf8ToWord: any value as text, with XML's five special characters escaped. */
function escapeValue(value: unknown): string {
  let text: string;
  if (typeof value === "string") text = value;
  else if (value != null && (value as { toString?: unknown }).toString) {
    const shown: unknown = value.toString();
    // docxtemplater would fail on it, in its own words.
    if (typeof shown !== "string") throw UNSUPPORTED;
    text = shown;
  } else text = "";
  if (!XML_SPECIAL.test(text)) return text;
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** Characters docxtemplater refuses in a value (it would report them: it renders then). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters it refuses.
const CORRUPT = /[\x00-\x08\x0B\x0C\x0E-\x1F]/;

const toStringTag = Object.prototype.toString;

class Renderer {
  /** The scopes from the view data (index 0) to the innermost loop item. */
  private readonly scopes: unknown[];
  private recordRun: boolean;
  private recordedRun: unknown;
  private file: FileProgram;
  /** How many parts join-uncorrupt could act on were rendered in the file so far (see `startsJoin`). */
  private joinParts = 0;
  /** The file's own parts (a loop without tables renders straight into them). */
  private top: string[] = [];
  /**
   * Where the first part holding the sign-off's style went among the file's parts: -1 while none did,
   * -2 when it went into a loop's parts of its own (whose join-uncorrupt may move it: searched for then).
   */
  private signOff = -1;

  constructor(
    root: unknown,
    runs: RenderModuleState,
    private readonly missing: MissingValue[],
  ) {
    this.scopes = [root];
    this.recordRun = runs.recordRun;
    this.recordedRun = runs.recordedRun;
    this.file = undefined as unknown as FileProgram;
  }

  /** Writes the recording of run properties back to docxtemplater's module, as its render would leave it. */
  save(runs: RenderModuleState): void {
    runs.recordRun = this.recordRun;
    runs.recordedRun = this.recordedRun;
  }

  renderFile(file: FileProgram): string {
    this.file = file;
    this.joinParts = 0;
    this.signOff = -1;
    const parts: string[] = [];
    this.top = parts;
    this.render(file.nodes, parts);
    preserveSpaces(parts);
    if (file.name === "word/document.xml" && this.signOff !== -1) {
      if (this.signOff === -2) keepSignOff(parts);
      else keepSignOff(parts, this.signOff);
    }
    if (file.structural && this.joinParts > 0) joinUncorrupt(parts, file.wordPart);
    return parts.join("");
  }

  /** Notes a part holding the sign-off's style, about to go into `out`. */
  private noteSignOff(out: string[]): void {
    if (this.signOff === -1) this.signOff = out === this.top ? out.length : -2;
  }

  /** docxtemplater's scope lookup: the innermost scope with a value (not null) wins. */
  private lookup(keys: readonly string[]): unknown {
    const scopes = this.scopes;
    for (let num = scopes.length - 1; ; num--) {
      const value = readPath(scopes[num], keys);
      if (value == null && num > 0) continue;
      // docxtemplater calls a function value with its scope manager: not ours to imitate.
      if (typeof value === "function") throw UNSUPPORTED;
      return value;
    }
  }

  /** A tag without a value: noted as missing (the listener's nullGetter), then "" (our nullGetter). */
  private nothing(part: TreePart): string {
    if (part.value !== undefined) {
      this.missing.push({ tag: String(part.value).trim(), file: this.file.name, offset: part.offset });
    }
    return "";
  }

  private render(nodes: readonly Node[], out: string[]): void {
    const linebreaks = this.file.linebreaks;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i] as Node;
      switch (node.kind) {
        case Kind.Static: {
          if (linebreaks) {
            const runs = node.runs;
            if (runs === Runs.Reset) this.recordedRun = "";
            else if (runs === Runs.PropsStart) {
              this.recordRun = true;
              this.recordedRun = `${this.recordedRun}${node.text}`;
            } else if (runs === Runs.PropsEnd) {
              this.recordedRun = `${this.recordedRun}${node.text}`;
              this.recordRun = false;
            } else if (this.recordRun) this.recordedRun = `${this.recordedRun}${node.text}`;
          }
          if (node.join) this.joinParts++;
          if (node.signOff) this.noteSignOff(out);
          if (node.text !== "") out.push(node.text);
          break;
        }
        case Kind.Value: {
          if (linebreaks && this.recordRun) this.recordedRun = `${this.recordedRun}${node.part.value}`;
          let value = this.lookup(node.keys);
          value ??= this.nothing(node.part);
          if (typeof value === "string") {
            if (CORRUPT.test(value)) throw UNSUPPORTED;
            if (linebreaks) {
              this.lineBreaks(value, out);
              break;
            }
          }
          const text = escapeValue(value);
          if (text !== "") out.push(text);
          break;
        }
        case Kind.Raw: {
          let value = this.lookup(node.keys);
          value ??= this.nothing(node.part);
          if (!value) break;
          // An object is an error docxtemplater reports; tables in a part without any are its to clean up.
          if (typeof value !== "string") throw UNSUPPORTED;
          if (STRUCTURAL.test(value)) {
            if (!this.file.structural) throw UNSUPPORTED;
            this.joinParts++;
          }
          if (isSignOffPart(value)) this.noteSignOff(out);
          out.push(value);
          break;
        }
        case Kind.Loop:
          this.loop(node, out);
          break;
      }
    }
  }

  /** One pass of a loop's content, in the scope of `scope`. */
  private body(node: LoopNode, scope: unknown, out: string[]): void {
    this.scopes.push(scope);
    this.render(node.body, out);
    this.scopes.pop();
  }

  /** docxtemplater's renderLineBreaks: each line escaped, a `<w:br/>` run between, in the run's properties. */
  private lineBreaks(value: string, out: string[]): void {
    if (!value.includes("\n")) {
      // One line: a part even when empty (docxtemplater pushes the array's items as they are).
      out.push(escapeValue(value));
      return;
    }
    const lines = value.split("\n");
    const br = `</w:t></w:r><w:r><w:br/></w:r><w:r>${this.recordedRun}<w:t xml:space="preserve">`;
    const brSignOff = isSignOffPart(br);
    for (let i = 0; i < lines.length; i++) {
      out.push(escapeValue(lines[i]));
      if (i < lines.length - 1) {
        if (brSignOff) this.noteSignOff(out);
        out.push(br);
      }
    }
  }

  private loop(node: LoopNode, out: string[]): void {
    let value = this.lookup(node.keys);
    value ??= this.nothing(node.part);
    const inverted = node.inverted;
    const structural = node.structural;
    // Without tables, docxtemplater's join of the loop's parts changes nothing: they go straight out.
    const parts = structural ? [] : out;
    const joinParts = this.joinParts;
    const scopes = this.scopes;
    // docxtemplater's loopOverValue.
    const type = toStringTag.call(value);
    let shown: boolean;
    if (value == null || !value || (type === "[object Array]" && (value as unknown[]).length === 0)) {
      if (inverted) this.body(node, scopes[scopes.length - 1], parts);
      shown = inverted;
    } else if (type === "[object Array]") {
      if (!inverted) {
        const items = value as unknown[];
        for (let i = 0; i < items.length; i++) this.body(node, items[i], parts);
      }
      shown = true;
    } else if (type === "[object Object]") {
      if (!inverted) this.body(node, value, parts);
      shown = !inverted;
    } else {
      if (!inverted) this.body(node, scopes[scopes.length - 1], parts);
      shown = !inverted;
    }
    if (!shown) {
      if (node.emptySection !== undefined) {
        if (node.emptySectionSignOff) this.noteSignOff(out);
        out.push(node.emptySection);
      }
      return;
    }
    if (structural) {
      if (this.joinParts > joinParts) joinUncorrupt(parts, this.file.wordPart);
      for (let i = 0; i < parts.length; i++) out.push(parts[i] as string);
    }
  }
}

/**
 * Renders every templated file of a compiled template with `root` as the view data.
 * @returns each file's XML, in docxtemplater's order; undefined when docxtemplater must render this data
 */
export function runProgram(
  program: RenderProgram,
  root: unknown,
  missing: MissingValue[],
): Map<string, string> | undefined {
  const renderer = new Renderer(root, program.runs, missing);
  const out = new Map<string, string>();
  try {
    for (const file of program.files) out.set(file.name, renderer.renderFile(file));
  } catch {
    // Unsupported data, or data that throws (a getter, a toString): docxtemplater renders it and says why.
    return undefined;
  }
  renderer.save(program.runs);
  return out;
}

// ---- docxtemplater's clean-ups of the rendered parts ----

const PRESERVED_TEXT = '<w:t xml:space="preserve">';
const TEXT_END = "</w:t>";

/**
 * docxtemplater's space-preserve postrender: a preserved text element left empty (its value was empty)
 * becomes `<w:t/>`.
 */
export function preserveSpaces(parts: string[]): void {
  let lastNonEmpty = 0;
  let endsPreserved = false;
  for (let i = 0; i < parts.length; i++) {
    let part = parts[i] as string;
    if (part === "") continue;
    if (endsPreserved && part.startsWith(TEXT_END)) {
      const last = parts[lastNonEmpty] as string;
      parts[lastNonEmpty] = `${last.slice(0, last.length - PRESERVED_TEXT.length)}<w:t/>`;
      part = part.slice(TEXT_END.length);
      parts[i] = part;
    }
    endsPreserved = part.endsWith(PRESERVED_TEXT);
    lastNonEmpty = i;
  }
}

/** docxtemplater's isStarting: `part` starts with the element's opening tag. */
function isStarting(part: string, element: string): boolean {
  if (part.charCodeAt(0) !== 60 || !part.startsWith(element, 1)) return false;
  const next = part[element.length + 1];
  return next === ">" || next === " " || next === "/";
}

const WHITE_SPACE = /^[ \n\r\t]+$/;

/** docxtemplater's tagShouldContain for docx. */
export const SHOULD_CONTAIN: readonly {
  tag: string;
  shouldContain: string[];
  value?: string;
  drop?: boolean;
}[] = [
  {
    tag: "w:sdtContent",
    shouldContain: ["w:p", "w:r", "w:commentRangeStart", "w:sdt"],
    value: "<w:p></w:p>",
  },
  { tag: "w:tc", shouldContain: ["w:p"], value: "<w:p></w:p>" },
  { tag: "w:tr", shouldContain: ["w:tc"], drop: true },
  { tag: "w:tbl", shouldContain: ["w:tr"], drop: true },
];

/**
 * docxtemplater's joinUncorrupt for docx, on strings: a paragraph after a table that is followed by none,
 * a paragraph in a cell or content control left without one, rows without cells and tables without rows
 * dropped.
 */
export function joinUncorrupt(parts: string[], wordPart: boolean): void {
  if (wordPart) {
    // Whether the last part neither white space nor a bookmark end closed a table. (Such a part after a
    // part that did not close one would leave that unchanged: it is looked at only after a table.)
    let afterTable = false;
    for (let i = 0; i < parts.length; i++) {
      let p = parts[i] as string;
      if (afterTable) {
        if (WHITE_SPACE.test(p) || p.startsWith("<w:bookmarkEnd")) continue;
        if (
          !p.startsWith("<w:p") &&
          !p.startsWith("<w:tbl") &&
          !p.startsWith("<w:sectPr") &&
          !p.startsWith("</w:ftr>") &&
          !p.startsWith("</w:hdr>")
        ) {
          p = `<w:p/>${p}`;
          parts[i] = p;
        }
      }
      afterTable = p.endsWith("</w:tbl>");
    }
  }
  let collecting = -1;
  let startIndex = -1;
  for (let j = 0; j < SHOULD_CONTAIN.length; j++) {
    const { tag, shouldContain, value, drop } = SHOULD_CONTAIN[j] as (typeof SHOULD_CONTAIN)[number];
    const ending = `</${tag}>`;
    let collected: string[] | null = null;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i] as string;
      if (collecting === j) {
        if (part === ending) {
          collecting = -1;
          for (let k = startIndex; k <= i; k++) parts[k] = "";
          if (!drop) parts[i] = (collected as string[]).join("") + value + part;
          collected = null;
        } else {
          if (collected) collected.push(part);
          for (const inner of shouldContain) {
            if (isStarting(part, inner)) {
              collecting = -1;
              collected = null;
              break;
            }
          }
        }
      }
      if (collecting === -1 && isStarting(part, tag) && part.indexOf("<", 1) === -1) {
        if (part[part.length - 2] === "/") parts[i] = "";
        else {
          startIndex = i;
          collecting = j;
          collected = drop ? null : [part];
        }
      }
    }
  }
}
