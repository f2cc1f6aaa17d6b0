import { ErrorCode, InvalidSummaryError, TemplateError } from "./errors/index.js";
import { toView } from "./format/view.js";
import { type LayoutOptions, linePitch, type ResolvedLayout, resolveLayout } from "./layout/options.js";
import { checkLocale } from "./messages/catalogue.js";
import { suggest } from "./model/issues.js";
import { type ParseOptions, parseSummary } from "./model/parse.js";
import { templateIssues } from "./model/template-checks.js";
import type { MeetingSummary } from "./model/types.js";
import { unplacedContent } from "./template/agreement.js";
import { type BuiltInTemplate, builtInTemplate, isBuiltInTemplate } from "./template/builtin.js";
import { checkData } from "./template/data.js";
import { analyseTemplate, type TemplateTag } from "./template/inspect.js";
import {
  type CompiledParts,
  type CompiledTemplate,
  cachedTemplate,
  type DocumentFinish,
  inLocale,
  type RenderTemplateOptions,
  renderCompiled,
} from "./template/render.js";
import { localizeIssues, type TemplateIssue, TemplateIssueCode } from "./template/template-issues.js";
import { dataShapeKey } from "./template/vocabulary.js";

/**
 * A value with every array and object readonly, as an `as const` literal has them: what
 * {@link renderSummary} accepts (it only reads the summary).
 */
export type DeepReadonly<T> = T extends Date
  ? T
  : T extends readonly (infer U)[]
    ? readonly DeepReadonly<U>[]
    : T extends object
      ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
      : T;

/** Your own .docx template: its bytes, or a Blob (a File from an `<input type="file">`) holding them. */
export type TemplateSource = Uint8Array | ArrayBuffer | BlobLike;

/** What {@link renderSummary} needs of a Blob (so that the types stand without the DOM library). */
export interface BlobLike {
  arrayBuffer(): Promise<ArrayBuffer>;
  readonly size: number;
  readonly type: string;
}

/** Options of {@link renderSummary}. */
export interface RenderOptions extends ParseOptions, RenderTemplateOptions {
  /**
   * Called with each warning, in order, before the document is returned: what renders, but perhaps not
   * as meant — content of the summary the template prints nowhere (`unplaced_content`: attachments, facts,
   * a kind of item), a tag typed with track changes on, spaces that keep a loop's paragraph, a `{@…}` tag
   * in a text box. Each is a {@link TemplateIssue} with its code, and a path for summary content.
   * @example
   * const warnings: TemplateIssue[] = [];
   * await renderSummary(summary, { template, onWarning: (w) => warnings.push(w) });
   */
  onWarning?: ((warning: TemplateIssue) => void) | undefined;
  /** A built-in template name (default `"report"`), or your own .docx template (bytes or a Blob). */
  template?: BuiltInTemplate | TemplateSource | undefined;
  /** How a built-in template is laid out: fonts, margins, lines per page (ignored for your own .docx). */
  layout?: LayoutOptions | undefined;
}

/** Every option {@link renderSummary} knows; anything else is a mistake worth naming. */
const OPTION_NAMES = [
  "template",
  "layout",
  "missingValues",
  "invalidCharacters",
  "data",
  "locale",
  "onWarning",
] as const;

function isBlobLike(value: unknown): value is BlobLike {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as BlobLike).arrayBuffer === "function" &&
    typeof (value as BlobLike).size === "number"
  );
}

/**
 * One view per ArrayBuffer, so that the compiled template kept for the view (render.ts, by buffer) is found
 * again on the next call with the same ArrayBuffer, as for a Uint8Array; its bytes are still compared then.
 */
const views = new WeakMap<ArrayBuffer, Uint8Array>();

function viewOf(buffer: ArrayBuffer): Uint8Array {
  const kept = views.get(buffer);
  // A detached buffer has no bytes: `new Uint8Array` says so, as it always did.
  if (kept && buffer.byteLength > 0 && kept.byteLength === buffer.byteLength) return kept;
  const view = new Uint8Array(buffer);
  views.set(buffer, view);
  return view;
}

/** The bytes of each Blob read so far: a Blob never changes, so it is read once. */
const blobBytes = new WeakMap<object, Promise<Uint8Array>>();

function readBlob(blob: BlobLike): Promise<Uint8Array> {
  // Only a real Blob is known not to change; anything else with an `arrayBuffer()` is read every time.
  const immutable = typeof Blob === "function" && blob instanceof Blob;
  const kept = immutable ? blobBytes.get(blob) : undefined;
  if (kept) return kept;
  const read = blob.arrayBuffer().then((buffer) => new Uint8Array(buffer));
  if (immutable) {
    blobBytes.set(blob, read);
    read.catch(() => blobBytes.delete(blob));
  }
  return read;
}

function templateBytes(
  template: RenderOptions["template"],
  layout: LayoutOptions | undefined,
): Promise<Uint8Array> | Uint8Array {
  if (template === undefined) return builtInTemplate("report", layout);
  if (template instanceof Uint8Array) return template;
  if (template instanceof ArrayBuffer) return viewOf(template);
  if (isBlobLike(template)) return readBlob(template);
  if (isBuiltInTemplate(template)) return builtInTemplate(template, layout);
  throw new TypeError(
    `options.template must be a built-in template name ("report", "document", "minutes") or the bytes of a .docx (got ${typeof template === "string" ? JSON.stringify(template) : typeof template})`,
  );
}

/** An unknown plain tag `{x}`: what `missingValues: "empty"` asks to print as nothing. */
function isPlainUnknown(issue: TemplateIssue, tags: readonly TemplateTag[]): boolean {
  return (
    issue.code === TemplateIssueCode.UnknownTag &&
    tags.some((tag) => !tag.known && tag.sign === "" && tag.name === issue.tag)
  );
}

/** Checks the options; returns the layout with its defaults filled in. */
function checkOptions(options: RenderOptions): ResolvedLayout {
  if (typeof options !== "object" || options === null) throw new TypeError("options must be an object");
  for (const key of Object.keys(options)) {
    if ((OPTION_NAMES as readonly string[]).includes(key)) continue;
    const likely = suggest(key, OPTION_NAMES);
    throw new TypeError(
      `options.${key} is not an option of renderSummary${likely ? ` (did you mean ${likely}?)` : ""}: use ${OPTION_NAMES.join(", ")}`,
    );
  }
  const layout = resolveLayout(options.layout);
  const { missingValues, onWarning } = options;
  if (onWarning !== undefined && typeof onWarning !== "function") {
    throw new TypeError(`options.onWarning must be a function (got ${typeof onWarning})`);
  }
  if (missingValues !== undefined && missingValues !== "error" && missingValues !== "empty") {
    throw new RangeError(
      `options.missingValues must be "error" or "empty" (got ${JSON.stringify(missingValues)})`,
    );
  }
  return layout;
}

/** The styles part, which the 红头文件's page estimate reads. */
const STYLES_PART = "word/styles.xml";

/**
 * Renders a meeting summary to a Word document: validate → view data (numbers, dates) → template → bytes.
 * The summary is validated even when it comes from TypeScript, so nothing invalid reaches the document.
 * Same input, same bytes.
 *
 * @param summary - the report; untrusted JSON is fine: it is validated (`JSON.parse` returns `any`, so no cast)
 * The template is checked first as `inspectTemplate` checks it, and refused for any problem it would
 * report; content of the summary the template prints nowhere is passed to `onWarning`.
 *
 * @param options - {@link RenderOptions}: the template and its layout, your own `data`, the `locale` of
 *   messages, `onWarning`, what to do with invalid characters and missing tags
 * @returns the .docx file's bytes
 * @throws {@link InvalidSummaryError} (`invalid_summary`) listing every problem of the summary with its path,
 *   and for the `document` template a missing `document.issuer` or `document.documentNumber`
 *   (`required_by_template`)
 * @throws {@link TemplateError} (`invalid_template` / `render_failed`) for a template that cannot be used
 *   (every problem `inspectTemplate` reports, a template with no tag)
 * @throws {@link InvalidDataError} (`invalid_data`) for `data` that shadows a tag or is not JSON-like
 * @throws TypeError / RangeError for wrong options: an option it does not know (a misspelling like
 *   `missingValue` is named, with the option meant), or a value of the wrong type or out of its set
 * @example
 * const bytes = await renderSummary(summary)
 * //=> Uint8Array [80, 75, 3, 4, …] (a .docx)
 * await renderSummary(summary, { template: "document", layout: { fonts: "plain", margins: "screen" } })
 * await renderSummary({ ...summary, title: "" }, { locale: "zh-CN" })
 * //=> throws InvalidSummaryError: "会议总结有误：标题（title）不能为空"
 */
export async function renderSummary(
  summary: MeetingSummary | DeepReadonly<MeetingSummary>,
  options: RenderOptions = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const layout = checkOptions(options);
  const template = templateBytes(options.template, layout);
  // A built-in template's sign-off keeps to its line grid; a template of your own gets GB/T 9704's.
  const builtIn = options.template === undefined || typeof options.template === "string";
  const pitch = builtIn ? linePitch(layout) : undefined;
  const locale = checkLocale(options.locale);
  const data = checkData(options.data, locale);
  const parsed = parseSummary(summary, options);
  // What a built-in template needs beyond the model (the 红头文件's 版头), reported like any other problem.
  const missing =
    typeof options.template === "string" ? templateIssues(parsed, options.template, locale) : [];
  if (missing.length > 0) throw new InvalidSummaryError(missing, { locale });
  const view = toView(parsed, { linePitch: pitch });
  const bytes = await template;
  // The 红头文件's page count (src/layout/pagination.ts) is loaded only for it: the other templates and a
  // browser bundle of them do without.
  const pagination = options.template === "document" ? await import("./layout/pagination.js") : undefined;
  const emptyAllowed = options.missingValues === "empty";
  return inLocale(locale, () => {
    // The template is checked as `inspect` checks it, and refused with the very issues inspect lists (a
    // misspelt loop would otherwise drop its whole part without a word).
    // Compiled once per template and kept (src/template/render.ts); a template that does not compile is
    // analysed for every issue inspect would list.
    let structural: TemplateIssue[] = [];
    let seen: CompiledParts | undefined;
    const compiled = cachedTemplate(bytes, (issues, parts) => {
      structural = issues;
      seen = parts;
    });
    const found = analysis(compiled, () => (compiled?.parts ?? seen) as CompiledParts, structural, data);
    const issues = found.issues.filter((issue) => !(emptyAllowed && isPlainUnknown(issue, found.tags)));
    if (issues.length > 0 || !compiled) throw new TemplateError(ErrorCode.InvalidTemplate, issues);
    const warnings = [...found.warnings, ...unplacedContent(parsed, found.tags)];
    // The 红头文件's 版记 on the back of the last sheet: a blank page before it where the text is estimated
    // to end on an even page (src/layout/pagination.ts).
    const finish: DocumentFinish | undefined = pagination
      ? (xml, part) => pagination.withBlankPageBeforeImprint(xml, part(STYLES_PART) ?? "")
      : undefined;
    const rendered = renderCompiled(compiled, view, data, options, bytes, finish);
    for (const warning of localizeIssues(warnings, locale)) options.onWarning?.(warning);
    return rendered;
  });
}

/**
 * The analyses of a compiled template, kept with it: one per shape of your own data (the names and kinds
 * of its fields, `dataShapeKey`), which is all the analysis reads of the data; none is one shape too.
 */
const analyses = new WeakMap<CompiledTemplate, Map<string, ReturnType<typeof analyseTemplate>>>();

/** Shapes of data kept per template, least recently used dropped first. */
const ANALYSES_PER_TEMPLATE = 8;

function analysis(
  compiled: CompiledTemplate | undefined,
  parts: () => CompiledParts,
  structural: TemplateIssue[],
  data: Readonly<Record<string, unknown>> | undefined,
): ReturnType<typeof analyseTemplate> {
  if (!compiled) return analyseTemplate(parts(), structural, data);
  // A built-in template ships its analysis without data of your own (and compiles for data).
  if (data === undefined && compiled.analysis) return compiled.analysis;
  let kept = analyses.get(compiled);
  if (!kept) {
    kept = new Map();
    analyses.set(compiled, kept);
  }
  const key = dataShapeKey(data);
  let found = kept.get(key);
  if (found) kept.delete(key);
  else found = analyseTemplate(parts(), structural, data);
  kept.set(key, found);
  if (kept.size > ANALYSES_PER_TEMPLATE) kept.delete(kept.keys().next().value as string);
  return found;
}
