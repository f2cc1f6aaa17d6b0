import Docxtemplater from "docxtemplater";
import type PizZip from "pizzip";
import { ErrorCode, TemplateError } from "../errors/index.js";
import { checkLocale, type Locale } from "../messages/catalogue.js";
import { sameBytes } from "./bytes.js";
import { checkData } from "./data.js";
import { crc32, deflatePart, TemplateZip, utf8Length, writeZip, type ZipPart } from "./docx-zip.js";
import type { InspectTemplateResult } from "./inspect.js";
import { msg } from "./messages.js";
import { type OpenedTemplate, openTemplate } from "./open.js";
import {
  compileProgram,
  type MissingValue,
  type RenderProgram,
  readPath,
  runProgram,
  tagKeys,
} from "./render-loop.js";
import { keepSignOff } from "./sign-off-keep.js";
import {
  issuesFromDocxtemplater,
  localizeTemplateError,
  makeIssue,
  type ParagraphLocator,
  paragraphLocator,
  partName,
  type TemplateIssue,
  TemplateIssueCode,
  type XmlToken,
} from "./template-issues.js";
import { commentsLeftAlone, contentTypesLeftAlone, documentContentTypes } from "./word-parts.js";

/** The main document part, where the sign-off is. */
const DOCUMENT_PART = "word/document.xml";

export { spliceParts } from "./sign-off-keep.js";
export type { TemplateIssue } from "./template-issues.js";

/** What to do with a template tag that has no value in the view data. */
export const MissingValues = {
  /** Fail, naming each tag (the default): a misspelt tag must not print as nothing. */
  Error: "error",
  /** Print nothing in its place. */
  Empty: "empty",
} as const;
export type MissingValues = (typeof MissingValues)[keyof typeof MissingValues];

/**
 * Tags are names or dotted paths into the view data — `{title}`, `{meeting.kind}` — and `{.}` is the
 * current item of a loop. Only own properties are read, so a tag can never reach `constructor` or other
 * prototype members.
 */
function tagParser(tag: string) {
  const keys = tagKeys(tag);
  return { get: (scope: unknown): unknown => readPath(scope, keys) };
}

/** A tag of the template as docxtemplater parsed it (the parts of its `postparsed` we read). */
export interface ParsedTag {
  type: string;
  value: string;
  module?: string;
  inverted?: boolean;
  offset?: number;
  subparsed?: ParsedTag[];
}

/** What the template engine saw of each part, kept to say where a problem is. */
export interface CompiledParts {
  /** Per file of the .docx: the tags in document order, loops holding their content. */
  tags: Map<string, ParsedTag[]>;
  /** Per file of the .docx: finds the paragraph around a text offset. */
  locators: Map<string, ParagraphLocator>;
  /** Per file of the .docx: its XML tokens, to find Word's marks (revisions, text boxes) around tags. */
  tokens: Map<string, XmlToken[]>;
}

type MissingTag = MissingValue;

/**
 * A docxtemplater module that only listens: it keeps each part's XML tokens and parsed tags (for issue
 * locations and for inspect), and notes each tag that finds no value while rendering.
 */
function listener(parts: CompiledParts, missing: MissingTag[]) {
  return {
    name: "MeetingSummaryListener",
    set(options: { inspect?: { filePath?: string; xmllexed?: XmlToken[]; postparsed?: ParsedTag[] } }) {
      const inspect = options.inspect;
      if (!inspect?.filePath) return;
      if (inspect.xmllexed) {
        parts.locators.set(inspect.filePath, paragraphLocator(inspect.xmllexed));
        parts.tokens.set(inspect.filePath, inspect.xmllexed);
      }
      if (inspect.postparsed) parts.tags.set(inspect.filePath, inspect.postparsed);
    },
    nullGetter(part: ParsedTag, _scope: unknown, file?: { filePath?: string }) {
      // A tag, loop or condition whose name is not in the data is a missing value: a misspelt loop would
      // otherwise leave out everything it encloses without a word.
      if (part.value !== undefined) {
        missing.push({ tag: String(part.value).trim(), file: file?.filePath, offset: part.offset });
      }
      return undefined;
    },
  };
}

/**
 * A docxtemplater module that gives the paragraph before the sign-off "keep with next" in the rendered
 * body (see `keepSignOff`), on the parts before they are encoded.
 */
function signOffKeeper() {
  return {
    name: "MeetingSummarySignOffKeeper",
    postrender(parts: string[], options: { filePath?: string }): string[] {
      if (options.filePath !== DOCUMENT_PART) return parts;
      // docxtemplater's typing says strings; a module of its own may add bytes, which are left alone.
      if (!parts.every((part: unknown) => typeof part === "string")) return parts;
      return keepSignOff(parts);
    },
  };
}

/** A compiled template, ready to render (any number of times, see {@link renderCompiled}). */
export interface CompiledTemplate {
  doc: Docxtemplater;
  parts: CompiledParts;
  missing: MissingTag[];
  /** The template's files and texts, to copy the parts a render leaves unchanged. */
  source: OpenedTemplate;
  /** The zip docxtemplater reads, recording what a render writes. */
  zip: TemplateZip;
  /** Our own render loop over the compiled template; undefined where docxtemplater renders (see render-loop.ts). */
  program: RenderProgram | undefined;
  /**
   * What docxtemplater writes after rendering the files (an XML document a module of its parsed and
   * serialized again; `[Content_Types].xml` no longer is, see `contentTypesLeftAlone`): the same on every
   * render, so taken once.
   */
  synced: Map<string, string | Uint8Array>;
  /** Parts compressed once for the whole life of the compiled template (content that never changes). */
  constants: Map<string, { content: string | Uint8Array; part: ZipPart }>;
  /** Per part: whether its text's UTF-8 is the template's bytes (no BOM, no invalid UTF-8); kept once known. */
  textIsBytes: Map<string, boolean>;
  /** A built-in template's analysis without data of your own, shipped with its program. */
  analysis?: InspectTemplateResult;
}

/**
 * Opens and parses a template (no data involved). Shared by {@link renderTemplate} and `inspectTemplate`,
 * so both report a broken template with the same issues.
 * @param template - the .docx bytes
 * @param onError - what to do with the issues of a template that does not parse (default: throw them)
 * @param missing - where rendering notes the tags without a value (a compiled form compiling late shares its own)
 * @returns the compiled template; undefined only when `onError` took the issues
 * @throws {@link TemplateError} `invalid_template`
 * @example
 * compileTemplate(bytes).doc.render(view) // what renderTemplate does, before writing the zip
 */
export function compileTemplate(
  template: Uint8Array,
  onError?: (issues: TemplateIssue[], parts: CompiledParts) => void,
  missing: MissingTag[] = [],
): CompiledTemplate | undefined {
  const source = openTemplate(template);
  const zip = new TemplateZip(source.parts, source.texts);
  const parts: CompiledParts = { tags: new Map(), locators: new Map(), tokens: new Map() };
  try {
    // docxtemplater's typing asks for a PizZip; it uses only the calls TemplateZip answers.
    const doc = new Docxtemplater(zip as unknown as PizZip, {
      paragraphLoop: true,
      linebreaks: true,
      // Problems reach the caller as a TemplateError; nothing is printed to the console.
      errorLogging: false,
      parser: tagParser,
      modules: [listener(parts, missing), signOffKeeper(), commentsLeftAlone(), contentTypesLeftAlone()],
      nullGetter: () => "",
    });
    return { doc, parts, missing, source, zip, ...programOf(doc, zip) };
  } catch (error) {
    const issues = issuesFromDocxtemplater(error, parts.locators);
    if (!issues) throw error;
    if (onError) {
      onError(issues, parts);
      return undefined;
    }
    throw new TemplateError(ErrorCode.InvalidTemplate, issues, { cause: error });
  }
}

/** Our render program of a compiled template, and what docxtemplater's render writes that never changes. */
function programOf(
  doc: Docxtemplater,
  zip: TemplateZip,
): Pick<CompiledTemplate, "program" | "synced" | "constants" | "textIsBytes"> {
  const none = { program: undefined, synced: new Map(), constants: new Map(), textIsBytes: new Map() };
  const program = compileProgram(doc);
  if (!program) return none;
  const sync = (doc as unknown as { syncZip?: () => void }).syncZip;
  if (typeof sync !== "function") return none;
  try {
    zip.written = new Map();
    sync.call(doc);
    return { program, synced: zip.written, constants: new Map(), textIsBytes: new Map() };
  } catch {
    return none;
  } finally {
    zip.written = new Map();
  }
}

/** Options of {@link renderTemplate}. */
export interface RenderTemplateOptions {
  /** A tag without a value: `"error"` (default) or `"empty"`. */
  missingValues?: MissingValues | undefined;
  /**
   * Your own data, beside the view's fields: `{ unitName: "某某局" }` fills `{unitName}`. Its names may not be
   * the vocabulary's (`title`, `meeting`, …): see docs/custom-templates.md.
   */
  data?: Readonly<Record<string, unknown>> | undefined;
  /** The language of the issues' messages: "zh-CN" or "en" (default). Codes do not change. */
  locale?: Locale | undefined;
}

function missingIssues(missing: readonly MissingTag[], parts: CompiledParts): TemplateIssue[] {
  const seen = new Set<string>();
  const issues: TemplateIssue[] = [];
  for (const { tag, file, offset } of missing) {
    const key = `${tag}\u0000${file}\u0000${offset}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const paragraph =
      file !== undefined && offset !== undefined ? parts.locators.get(file)?.(offset) : undefined;
    issues.push(
      makeIssue(TemplateIssueCode.MissingValue, msg("missing_value", { tag }), {
        tag,
        part: file === undefined ? undefined : partName(file),
        paragraph,
      }),
    );
  }
  return issues;
}

/**
 * Fills a .docx template with view data (docxtemplater: paragraph loops, line breaks in values, dotted
 * tags) and returns the document with fixed zip timestamps, so the same input gives the same bytes. The
 * paragraph before the sign-off (`{@signOff}`, `{@document.signOff}`) keeps with it, so the signature and
 * date never stand on a page without text (see `signOffKeepEdit`).
 * `renderSummary` calls it with `toView(summary)`; call it yourself to fill a template with data of your own.
 * @param template - the .docx template's bytes
 * @param view - the data its tags read, e.g. `toView(summary)`
 * @param options - {@link RenderTemplateOptions}
 * @example
 * renderTemplate(await builtInTemplate("report"), toView(summary)) //=> Uint8Array (a .docx)
 * @throws {@link TemplateError} `invalid_template` for a template that cannot be used (the same structural
 *   issues as `inspectTemplate` reports), `render_failed` when a tag, loop or condition has no value in the
 *   data (unless `missingValues: "empty"`) — each problem an issue with its tag, part and paragraph, in
 *   the `locale` asked for. Unlike `renderSummary`, it does not check tags against the vocabulary (the data
 *   is yours) and reports no warnings.
 */
export function renderTemplate(
  template: Uint8Array,
  view: object,
  options: RenderTemplateOptions = {},
): Uint8Array<ArrayBuffer> {
  const locale = checkLocale(options.locale);
  const data = checkData(options.data, locale);
  return inLocale(locale, () =>
    renderCompiled(cachedTemplate(template) as CompiledTemplate, view, data, options, template),
  );
}

/**
 * Runs `render`, writing any {@link TemplateError} it throws in `locale`. (Internal: shared by
 * `renderTemplate` and `renderSummary`.)
 */
export function inLocale<T>(locale: Locale, render: () => T): T {
  try {
    return render();
  } catch (error) {
    if (error instanceof TemplateError) throw localizeTemplateError(error, locale);
    throw error;
  }
}

/** The docxtemplater internals {@link renderCompiled} relies on; checked before each render. */
interface Rerenderable {
  rendered: boolean;
  scopeManagers: Record<string, unknown>;
  /** Which part renders with which data: built from the data of the first render, so reset. */
  mapper: unknown;
  compiled: Record<string, unknown>;
}

function asRerenderable(doc: Docxtemplater): Rerenderable {
  const d = doc as unknown as Partial<Rerenderable>;
  if (
    typeof d.rendered !== "boolean" ||
    typeof d.scopeManagers !== "object" ||
    typeof d.compiled !== "object"
  ) {
    // Only a docxtemplater other than the pinned version can get here (see package.json).
    throw new Error(
      "meeting-summary-docx: this docxtemplater version is not the one the package was built for; install the version package.json pins",
    );
  }
  return d as Rerenderable;
}

/**
 * A last change to the rendered word/document.xml, made by `renderSummary` for a built-in template (the
 * 红头文件's blank page before the 版记): the document, and the template's other parts as text.
 */
export type DocumentFinish = (documentXml: string, part: (name: string) => string | undefined) => string;

/**
 * Renders a compiled template (with your own data beside the view): the second half of
 * {@link renderTemplate}, for a caller that checked the compiled template first (`renderSummary`).
 * Our render loop (src/template/render-loop.ts) walks the tree docxtemplater compiled, with docxtemplater's
 * output byte for byte; a template or data it leaves to docxtemplater renders with the compiled instance
 * itself, whose per-render state is reset instead (docxtemplater renders an instance once): `rendered`,
 * the scope managers and `mapper` (which hold the data), and what the zip recorded. Both lean on
 * docxtemplater's internals, so its version is pinned in package.json, a test renders one compiled
 * template many times against fresh instances, and another compares the two paths byte for byte.
 * @param template - the bytes it was compiled from: a render that fails in the engine may leave its state
 *   half-way, so the template is compiled afresh next time
 * @param finish - a last change to word/document.xml ({@link DocumentFinish})
 * @throws {@link TemplateError} `render_failed`, in English (see {@link inLocale})
 */
export function renderCompiled(
  compiled: CompiledTemplate,
  view: object,
  data: Readonly<Record<string, unknown>> | undefined,
  options: RenderTemplateOptions,
  template: Uint8Array,
  finish?: DocumentFinish,
): Uint8Array<ArrayBuffer> {
  const { missing, source } = compiled;
  const root = data === undefined ? view : { ...data, ...view };
  missing.length = 0;
  let written: Map<string, string | Uint8Array> | undefined;
  let rendered: ReadonlySet<string> = NOTHING_RENDERED;
  const output = compiled.program && runProgram(compiled.program, root, missing);
  if (output) {
    written = new Map<string, string | Uint8Array>(output);
    for (const [name, content] of compiled.synced) written.set(name, content);
    rendered = compiled.program?.names ?? NOTHING_RENDERED;
  } else {
    missing.length = 0;
    written = renderWithDocxtemplater(compiled, root, template);
  }
  if (missing.length > 0 && options.missingValues !== MissingValues.Empty) {
    throw new TemplateError(ErrorCode.RenderFailed, missingIssues(missing, compiled.parts));
  }
  if (finish) {
    const current = written.get(DOCUMENT_PART) ?? source.texts.get(DOCUMENT_PART);
    if (current !== undefined) {
      const xml = typeof current === "string" ? current : decoder.decode(current);
      const finished = finish(xml, (part) => source.texts.get(part));
      if (finished !== xml) {
        written.set(DOCUMENT_PART, finished);
        // Compressed as a rendered part, not kept as one that never changes.
        if (!rendered.has(DOCUMENT_PART)) rendered = new Set([...rendered, DOCUMENT_PART]);
      }
    }
  }
  // A .dotx's output gets the document content type, which Word opens (see documentContentTypes).
  const types = "[Content_Types].xml";
  const typesWritten = written.get(types) ?? source.texts.get(types);
  const typesText =
    typeof typesWritten === "string" ? typesWritten : typesWritten && decoder.decode(typesWritten);
  const asDocument = typesText === undefined ? undefined : documentContentTypes(typesText);
  if (asDocument !== undefined) written.set(types, asDocument);
  return writeZip(outputParts(compiled, written, rendered));
}

const NOTHING_RENDERED: ReadonlySet<string> = new Set();

/**
 * docxtemplater's own render of a compiled template: for a template or data our render loop leaves to it.
 * It renders an instance once; its compiled parts are kept and its per-render state reset instead.
 * @returns what it wrote into the zip
 */
function renderWithDocxtemplater(
  compiled: CompiledTemplate,
  root: object,
  template: Uint8Array,
): Map<string, string | Uint8Array> {
  const { doc, parts, zip } = compiled;
  const state = asRerenderable(doc);
  state.rendered = false;
  state.scopeManagers = {};
  state.mapper = undefined;
  zip.written = new Map();
  try {
    doc.render(root);
  } catch (error) {
    forgetCompiled(template);
    const issues = issuesFromDocxtemplater(error, parts.locators);
    if (!issues) throw error;
    throw new TemplateError(ErrorCode.RenderFailed, issues, { cause: error });
  }
  const written = zip.written;
  zip.written = new Map();
  return written;
}

const decoder = new TextDecoder();

/** Whether docxtemplater gave a part back as the template has it (as text, or as UTF-8 bytes). */
function unchanged(part: ZipPart, content: string | Uint8Array, text: string | undefined): boolean {
  if (typeof content === "string") return content === text;
  // The size first: a part that grew or shrank is not decoded to find out.
  return content.length === part.size && decoder.decode(content) === text;
}

/**
 * The template's parts with the rendered ones put in: only a part whose content changed is compressed.
 * @param rendered - the files our render loop wrote as text (docxtemplater would have given UTF-8 bytes)
 */
function outputParts(
  compiled: CompiledTemplate,
  written: Map<string, string | Uint8Array>,
  rendered: ReadonlySet<string>,
): ZipPart[] {
  const { source, constants, textIsBytes } = compiled;
  const out: ZipPart[] = [];
  for (const part of source.parts) {
    const content = written.get(part.name);
    written.delete(part.name);
    if (content === undefined) out.push(part);
    else if (typeof content === "string" && rendered.has(part.name)) {
      // As docxtemplater's bytes would compare: the same text, and the template's bytes that text's UTF-8.
      const text = source.texts.get(part.name);
      let same = content === text;
      if (same) {
        let known = textIsBytes.get(part.name);
        if (known === undefined) {
          known = utf8Length(content) === part.size;
          textIsBytes.set(part.name, known);
        }
        same = known;
      }
      if (same) out.push(part);
      else out.push(deflatePart(part.name, content));
    } else out.push(constantPart(constants, part, content, source.texts.get(part.name)));
  }
  // A file docxtemplater added (none of ours do) goes at the end.
  for (const [name, content] of written) out.push(deflatePart(name, content));
  return out;
}

/**
 * A part docxtemplater wrote without rendering it (an XML document serialized again, or the .dotx content
 * types): the template's own when unchanged, else compressed once and kept with the compiled template.
 */
function constantPart(
  constants: CompiledTemplate["constants"],
  part: ZipPart,
  content: string | Uint8Array,
  text: string | undefined,
): ZipPart {
  if (unchanged(part, content, text)) return part;
  const kept = constants.get(part.name);
  if (kept && kept.content === content) return kept.part;
  const deflated = deflatePart(part.name, content);
  if (typeof content === "string") constants.set(part.name, { content, part: deflated });
  return deflated;
}

/** A built-in template's compiled form as it ships (src/template/prebuilt-programs.ts). */
export interface PrebuiltTemplate {
  program: RenderProgram;
  analysis: InspectTemplateResult;
}

/** What gives a template's prebuilt compiled form, where the Node entries turned that on. */
let shippedPrograms: ((bytes: Uint8Array) => PrebuiltTemplate | undefined) | undefined;

/** Compiles the templates `prebuilt` knows from what it gives (src/template/prebuilt-programs.ts). */
export function useShippedPrograms(prebuilt: (bytes: Uint8Array) => PrebuiltTemplate | undefined): void {
  shippedPrograms = prebuilt;
}

/**
 * A template's compiled form from its prebuilt program: docxtemplater compiles it only when a render
 * needs docxtemplater itself (data the render loop leaves to it) or its parsed parts (where a tag without
 * a value is), and the recording of run properties then goes on in its Render module, as it would have.
 */
function fromProgram(bytes: Uint8Array, prebuilt: PrebuiltTemplate): CompiledTemplate {
  const source = openTemplate(bytes);
  const missing: MissingTag[] = [];
  const { program } = prebuilt;
  let engine: CompiledTemplate | undefined;
  const compiled = (): CompiledTemplate => {
    if (!engine) {
      engine = compileTemplate(bytes, undefined, missing) as CompiledTemplate;
      const runs = engine.program?.runs;
      if (runs) {
        runs.recordRun = program.runs.recordRun;
        runs.recordedRun = program.runs.recordedRun;
        program.runs = runs;
      }
    }
    return engine;
  };
  return {
    get doc() {
      return compiled().doc;
    },
    get parts() {
      return compiled().parts;
    },
    get zip() {
      return compiled().zip;
    },
    missing,
    source,
    program,
    synced: new Map(),
    constants: new Map(),
    textIsBytes: new Map(),
    analysis: prebuilt.analysis,
  };
}

/** How many compiled templates of your own bytes are kept (the built-in ones are kept apart). */
const CACHED_TEMPLATES = 8;

/** Compiled templates by buffer (with a copy of the bytes they were compiled from). */
const byBuffer = new WeakMap<Uint8Array, { bytes: Uint8Array; compiled: CompiledTemplate }>();
/** By content, for another buffer with the same bytes; least recently used first. */
const byContent = new Map<string, { bytes: Uint8Array; compiled: CompiledTemplate }>();

function contentKey(bytes: Uint8Array): string {
  // CRC-32 and length pick the slot; the bytes are compared before a hit counts.
  return `${bytes.length}:${crc32(bytes)}`;
}

/**
 * The compiled template of `bytes`, compiled on first use and kept: per buffer (a WeakMap, so it goes
 * with the buffer) and for the last {@link CACHED_TEMPLATES} contents. A buffer seen before is compared
 * with the bytes it held then, so one changed in place is compiled afresh.
 */
export function cachedTemplate(
  bytes: Uint8Array,
  onError?: (issues: TemplateIssue[], parts: CompiledParts) => void,
): CompiledTemplate | undefined {
  if (!(bytes instanceof Uint8Array)) {
    throw new TypeError(`a template must be a Uint8Array (got ${typeof bytes})`);
  }
  const kept = byBuffer.get(bytes);
  if (kept && sameBytes(kept.bytes, bytes)) return kept.compiled;
  const key = contentKey(bytes);
  let entry = byContent.get(key);
  if (entry && sameBytes(entry.bytes, bytes)) byContent.delete(key);
  else {
    // A template that does not compile is not kept: its issues go to `onError` (or are thrown) each time.
    const ready = shippedPrograms?.(bytes);
    const compiled = ready ? fromProgram(bytes, ready) : compileTemplate(bytes, onError);
    if (compiled === undefined) return undefined;
    entry = { bytes: bytes.slice(), compiled };
  }
  byContent.set(key, entry);
  while (byContent.size > CACHED_TEMPLATES) byContent.delete(byContent.keys().next().value as string);
  byBuffer.set(bytes, entry);
  return entry.compiled;
}

function forgetCompiled(bytes: Uint8Array): void {
  const compiled = byBuffer.get(bytes)?.compiled;
  byBuffer.delete(bytes);
  for (const [key, entry] of byContent) if (entry.compiled === compiled) byContent.delete(key);
}
