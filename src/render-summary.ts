import { toView } from "./format/view.js";
import { type LayoutOptions, linePitch, type ResolvedLayout, resolveLayout } from "./layout/options.js";
import { suggest } from "./model/issues.js";
import { type ParseOptions, parseSummary } from "./model/parse.js";
import type { MeetingSummary } from "./model/types.js";
import { type BuiltInTemplate, builtInTemplate, isBuiltInTemplate } from "./template/builtin.js";
import { type RenderTemplateOptions, renderTemplate } from "./template/render.js";

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
  /** A built-in template name (default `"report"`), or your own .docx template (bytes or a Blob). */
  template?: BuiltInTemplate | TemplateSource | undefined;
  /** How a built-in template is laid out: fonts, margins, lines per page (ignored for your own .docx). */
  layout?: LayoutOptions | undefined;
}

/** Every option {@link renderSummary} knows; anything else is a mistake worth naming. */
const OPTION_NAMES = ["template", "layout", "missingValues", "invalidCharacters"] as const;

function isBlobLike(value: unknown): value is BlobLike {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as BlobLike).arrayBuffer === "function" &&
    typeof (value as BlobLike).size === "number"
  );
}

function templateBytes(
  template: RenderOptions["template"],
  layout: LayoutOptions | undefined,
): Promise<Uint8Array> | Uint8Array {
  if (template === undefined) return builtInTemplate("report", layout);
  if (template instanceof Uint8Array) return template;
  if (template instanceof ArrayBuffer) return new Uint8Array(template);
  if (isBlobLike(template)) return template.arrayBuffer().then((buffer) => new Uint8Array(buffer));
  if (isBuiltInTemplate(template)) return builtInTemplate(template, layout);
  throw new TypeError(
    `options.template must be a built-in template name ("report", "document", "minutes") or the bytes of a .docx (got ${typeof template === "string" ? JSON.stringify(template) : typeof template})`,
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
  const { missingValues } = options;
  if (missingValues !== undefined && missingValues !== "error" && missingValues !== "empty") {
    throw new RangeError(
      `options.missingValues must be "error" or "empty" (got ${JSON.stringify(missingValues)})`,
    );
  }
  return layout;
}

/**
 * Renders a meeting summary to a Word document: validate → view data (numbers, dates) → template → bytes.
 * The summary is validated even when it comes from TypeScript, so nothing invalid reaches the document.
 * Same input, same bytes.
 *
 * @param summary - the report; untrusted JSON is fine: it is validated (`JSON.parse` returns `any`, so no cast)
 * @param options - {@link RenderOptions}: the template and its layout, what to do with invalid characters and missing tags
 * @returns the .docx file's bytes
 * @throws {@link InvalidSummaryError} (`invalid_summary`) listing every problem of the summary with its path
 * @throws {@link TemplateError} (`invalid_template` / `render_failed`) for a template that cannot be used
 * @throws TypeError / RangeError for wrong options: an option it does not know (a misspelling like
 *   `missingValue` is named, with the option meant), or a value of the wrong type or out of its set
 * @example
 * const bytes = await renderSummary(summary)
 * //=> Uint8Array [80, 75, 3, 4, …] (a .docx)
 * await renderSummary(summary, { template: "document", layout: { fonts: "plain", margins: "screen" } })
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
  const view = toView(parseSummary(summary, options), { linePitch: pitch });
  return renderTemplate(await template, view, options);
}
