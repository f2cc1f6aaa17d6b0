import { buildReportTemplate } from "../layout/report.js";

/** The built-in templates. */
export const BuiltInTemplate = {
  /** 总结报告: the official report layout of GB/T 9704-2012 (title, recipient, body, sign-off, "— N —"). */
  Report: "report",
} as const;
export type BuiltInTemplate = (typeof BuiltInTemplate)[keyof typeof BuiltInTemplate];

const BUILDERS: Record<BuiltInTemplate, () => Promise<Uint8Array>> = {
  report: buildReportTemplate,
};

/** Built templates, kept for the life of the process: building one takes far longer than filling it. */
const cache = new Map<BuiltInTemplate, Promise<Uint8Array>>();

/** Whether `name` names a built-in template. */
export function isBuiltInTemplate(name: unknown): name is BuiltInTemplate {
  return typeof name === "string" && Object.hasOwn(BUILDERS, name);
}

/**
 * The bytes of a built-in template (the same as `templates/<name>.docx`), built from code on first use.
 * @throws RangeError for a name that is not a built-in template
 * @example
 * const bytes = await builtInTemplate("report") // a .docx with docxtemplater tags
 */
export function builtInTemplate(name: BuiltInTemplate): Promise<Uint8Array> {
  if (!isBuiltInTemplate(name)) {
    throw new RangeError(
      `unknown built-in template ${JSON.stringify(name)}: use one of ${Object.values(BuiltInTemplate).join(", ")}`,
    );
  }
  let built = cache.get(name);
  if (!built) {
    built = BUILDERS[name]();
    cache.set(name, built);
    built.catch(() => cache.delete(name));
  }
  return built;
}
