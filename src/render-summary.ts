import { InvalidSummaryError } from "./errors/index.js";
import { toView } from "./format/view.js";
import { type LayoutOptions, linePitch, type ResolvedLayout, resolveLayout } from "./layout/options.js";
import { type ParseOptions, parseSummary } from "./model/parse.js";
import { templateIssues } from "./model/template-checks.js";
import type { MeetingSummary } from "./model/types.js";
import { type BuiltInTemplate, builtInTemplate, isBuiltInTemplate } from "./template/builtin.js";
import { type RenderTemplateOptions, renderTemplate } from "./template/render.js";

/** Options of {@link renderSummary}. */
export interface RenderOptions extends ParseOptions, RenderTemplateOptions {
  /** A built-in template name (default `"report"`), or the bytes of your own .docx template. */
  template?: BuiltInTemplate | Uint8Array | ArrayBuffer;
  /** How a built-in template is laid out: fonts, margins, lines per page (ignored for your own .docx). */
  layout?: LayoutOptions;
}

function templateBytes(
  template: RenderOptions["template"],
  layout: LayoutOptions | undefined,
): Promise<Uint8Array> | Uint8Array {
  if (template === undefined) return builtInTemplate("report", layout);
  if (template instanceof Uint8Array) return template;
  if (template instanceof ArrayBuffer) return new Uint8Array(template);
  if (isBuiltInTemplate(template)) return builtInTemplate(template, layout);
  throw new TypeError(
    `options.template must be a built-in template name ("report", "document", "minutes") or the bytes of a .docx (got ${typeof template === "string" ? JSON.stringify(template) : typeof template})`,
  );
}

/** Checks the options; returns the layout with its defaults filled in. */
function checkOptions(options: RenderOptions): ResolvedLayout {
  if (typeof options !== "object" || options === null) throw new TypeError("options must be an object");
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
 * @throws {@link InvalidSummaryError} (`invalid_summary`) listing every problem of the summary with its path,
 *   and for the `document` template a missing `document.issuer` or `document.documentNumber`
 *   (`required_by_template`)
 * @throws {@link TemplateError} (`invalid_template` / `render_failed`) for a template that cannot be used
 * @throws TypeError / RangeError for wrong options
 * @example
 * const bytes = await renderSummary(summary)
 * //=> Uint8Array [80, 75, 3, 4, …] (a .docx)
 * await renderSummary(summary, { template: "document", layout: { fonts: "plain", margins: "screen" } })
 */
export async function renderSummary(
  summary: MeetingSummary,
  options: RenderOptions = {},
): Promise<Uint8Array> {
  const layout = checkOptions(options);
  const template = templateBytes(options.template, layout);
  // A built-in template's sign-off keeps to its line grid; a template of your own gets GB/T 9704's.
  const builtIn = options.template === undefined || typeof options.template === "string";
  const pitch = builtIn ? linePitch(layout) : undefined;
  const parsed = parseSummary(summary, options);
  // What a built-in template needs beyond the model (the 红头文件's 版头), reported like any other problem.
  const missing = typeof options.template === "string" ? templateIssues(parsed, options.template) : [];
  if (missing.length > 0) throw new InvalidSummaryError(missing);
  const view = toView(parsed, { linePitch: pitch });
  return renderTemplate(await template, view, options);
}
