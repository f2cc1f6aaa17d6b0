import { ErrorCode, InvalidSummaryError, TemplateError } from "./errors/index.js";
import { toView } from "./format/view.js";
import { type LayoutOptions, linePitch, type ResolvedLayout, resolveLayout } from "./layout/options.js";
import { checkLocale } from "./messages/catalogue.js";
import { type ParseOptions, parseSummary } from "./model/parse.js";
import { templateIssues } from "./model/template-checks.js";
import type { MeetingSummary } from "./model/types.js";
import { unplacedContent } from "./template/agreement.js";
import { type BuiltInTemplate, builtInTemplate, isBuiltInTemplate } from "./template/builtin.js";
import { checkData } from "./template/data.js";
import { analyseTemplate, type TemplateTag } from "./template/inspect.js";
import {
  type CompiledParts,
  compileTemplate,
  inLocale,
  type RenderTemplateOptions,
  renderCompiled,
} from "./template/render.js";
import { localizeIssues, type TemplateIssue, TemplateIssueCode } from "./template/template-issues.js";

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
  onWarning?: (warning: TemplateIssue) => void;
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
 * @throws TypeError / RangeError for wrong options
 * @example
 * const bytes = await renderSummary(summary)
 * //=> Uint8Array [80, 75, 3, 4, …] (a .docx)
 * await renderSummary(summary, { template: "document", layout: { fonts: "plain", margins: "screen" } })
 * await renderSummary({ ...summary, title: "" }, { locale: "zh-CN" })
 * //=> throws InvalidSummaryError: "会议总结有误：标题（title）不能为空"
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
  const locale = checkLocale(options.locale);
  const data = checkData(options.data, locale);
  const parsed = parseSummary(summary, options);
  // What a built-in template needs beyond the model (the 红头文件's 版头), reported like any other problem.
  const missing =
    typeof options.template === "string" ? templateIssues(parsed, options.template, locale) : [];
  if (missing.length > 0) throw new InvalidSummaryError(missing, { locale });
  const view = toView(parsed, { linePitch: pitch });
  const bytes = await template;
  const emptyAllowed = options.missingValues === "empty";
  return inLocale(locale, () => {
    // The template is checked as `inspect` checks it, and refused with the very issues inspect lists (a
    // misspelt loop would otherwise drop its whole part without a word).
    let structural: TemplateIssue[] = [];
    let seen: CompiledParts | undefined;
    const compiled = compileTemplate(bytes, (issues, parts) => {
      structural = issues;
      seen = parts;
    });
    const found = analyseTemplate((compiled?.parts ?? seen) as CompiledParts, structural, data);
    const issues = found.issues.filter((issue) => !(emptyAllowed && isPlainUnknown(issue, found.tags)));
    if (issues.length > 0 || !compiled) throw new TemplateError(ErrorCode.InvalidTemplate, issues);
    const warnings = [...found.warnings, ...unplacedContent(parsed, found.tags)];
    const rendered = renderCompiled(compiled, view, data, options);
    for (const warning of localizeIssues(warnings, locale)) options.onWarning?.(warning);
    return rendered;
  });
}
