import { buildDocumentTemplate } from "../layout/document.js";
import { buildMinutesTemplate } from "../layout/minutes.js";
import { type LayoutOptions, layoutKey, resolveLayout } from "../layout/options.js";
import { buildReportTemplate } from "../layout/report.js";

/** The built-in templates. */
export const BuiltInTemplate = {
  /** 总结报告: the official report layout of GB/T 9704-2012 (title, recipient, body, sign-off, "— N —"). */
  Report: "report",
  /** 红头文件: the report under a red 版头 (发文机关标志, 发文字号, separator), sealed sign-off and 版记. */
  Document: "document",
  /** 纪要: the red ××××纪要 mark, the report's body, and the 出席/请假/列席 lines. */
  Minutes: "minutes",
} as const;
export type BuiltInTemplate = (typeof BuiltInTemplate)[keyof typeof BuiltInTemplate];

const BUILDERS: Record<BuiltInTemplate, (layout?: LayoutOptions) => Promise<Uint8Array>> = {
  report: buildReportTemplate,
  document: buildDocumentTemplate,
  minutes: buildMinutesTemplate,
};

/** Built templates, kept for the life of the process, per name and layout: building one takes far longer than filling it. */
const cache = new Map<string, Promise<Uint8Array>>();

/** Whether `name` names a built-in template. */
export function isBuiltInTemplate(name: unknown): name is BuiltInTemplate {
  return typeof name === "string" && Object.hasOwn(BUILDERS, name);
}

/**
 * The bytes of a built-in template (with the default layout, the same as `templates/<name>.docx`), built
 * from code on first use and kept for each name and layout.
 * @param name - `"report"`, `"document"` or `"minutes"`
 * @param layout - {@link LayoutOptions}: `fonts` ("gb2312" | "plain"), `margins` ("print" | "screen"),
 *   `linesPerPage` (18–26, default 22)
 * @throws RangeError for a name that is not a built-in template or a layout value out of its set
 * @throws TypeError for layout options of the wrong type
 * @example
 * const bytes = await builtInTemplate("document", { fonts: "plain" }) // a .docx with docxtemplater tags
 */
export function builtInTemplate(name: BuiltInTemplate, layout?: LayoutOptions): Promise<Uint8Array> {
  if (!isBuiltInTemplate(name)) {
    throw new RangeError(
      `unknown built-in template ${JSON.stringify(name)}: use one of ${Object.values(BuiltInTemplate).join(", ")}`,
    );
  }
  const resolved = resolveLayout(layout);
  const key = `${name}:${layoutKey(resolved)}`;
  let built = cache.get(key);
  if (!built) {
    built = BUILDERS[name](resolved);
    cache.set(key, built);
    built.catch(() => cache.delete(key));
  }
  return built;
}
