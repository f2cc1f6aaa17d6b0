import type { LayoutOptions, ResolvedLayout } from "../layout/options.js";
import { DEFAULT_LAYOUT, layoutKey, resolveLayout } from "../layout/options.js";
import type { LayoutPatch } from "../layout/patch.js";
import { sameBytes } from "./bytes.js";
import type { PrebuiltTemplate } from "./render.js";

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

/**
 * The templates with the default layout, prebuilt by `npm run templates` into modules of their own, each
 * with the patch that gives the template's other layouts: loading one needs neither the `docx` package
 * nor the other two, and a bundler can split each off.
 */
const PREBUILT: Record<BuiltInTemplate, () => Promise<{ base64: string; layoutPatch: LayoutPatch }>> = {
  report: () => import("./prebuilt/report.js"),
  document: () => import("./prebuilt/document.js"),
  minutes: () => import("./prebuilt/minutes.js"),
};

/** The patcher, for any other layout: small, but a default render never needs it. */
const patcher = () => import("../layout/patch.js");

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Templates of a layout other than the default kept at once, least recently used dropped first: each
 * also keeps its compiled form, so the cache stays bounded whatever layouts a long-running process asks for.
 */
const KEPT_LAYOUTS = 12;

/** Built templates by name and layout; the default layout's three are never dropped. */
const cache = new Map<string, Promise<Uint8Array>>();

/** Whether `name` names a built-in template. */
export function isBuiltInTemplate(name: unknown): name is BuiltInTemplate {
  return typeof name === "string" && Object.hasOwn(PREBUILT, name);
}

/**
 * A built-in template's compiled form in a layout without compiling (src/template/prebuilt-programs.ts):
 * from the layout, the template with the default layout (the shipped bytes, whatever a caller did to the
 * buffer it was given), and the patch of the layout's values.
 */
export type ProgramMaker = (
  layout: ResolvedLayout,
  defaultTemplate: Uint8Array,
  patch: LayoutPatch,
) => PrebuiltTemplate | undefined;

/** What gives a built-in template's {@link ProgramMaker}, where Node turned that on; asked as it loads. */
let programSource: ((name: BuiltInTemplate) => Promise<ProgramMaker>) | undefined;

/** Makes the built-in templates loaded from now on render from what `source` gives (Node only). */
export function loadProgramsFrom(source: (name: BuiltInTemplate) => Promise<ProgramMaker>): void {
  programSource = source;
}

/** The buffers {@link builtInTemplate} returned: a copy of their bytes, and their compiled form's maker. */
const made = new WeakMap<Uint8Array, { copy: Uint8Array; prebuilt: () => PrebuiltTemplate | undefined }>();

/**
 * The compiled form, made without compiling, of a buffer {@link builtInTemplate} returned, while it holds
 * the bytes it was returned with (a caller may change them); undefined for any other buffer, or where the
 * templates render without prebuilt programs (browsers).
 */
export function prebuiltOf(bytes: Uint8Array): PrebuiltTemplate | undefined {
  const known = made.get(bytes);
  return known && sameBytes(known.copy, bytes) ? known.prebuilt() : undefined;
}

async function load(name: BuiltInTemplate, layout: ResolvedLayout): Promise<Uint8Array> {
  const [module, maker] = await Promise.all([PREBUILT[name](), programSource?.(name)]);
  // Decoded here, not taken from the default layout's buffer: that one is the caller's too, who may have
  // changed it.
  const template = fromBase64(module.base64);
  const bytes =
    layoutKey(layout) === layoutKey(DEFAULT_LAYOUT)
      ? template
      : (await patcher()).patchLayout(template, module.layoutPatch, layout);
  if (maker) {
    const patch = module.layoutPatch;
    made.set(bytes, { copy: bytes.slice(), prebuilt: () => maker(layout, template, patch) });
  }
  return bytes;
}

/**
 * The bytes of a built-in template. With the default layout they are the prebuilt `templates/<name>.docx`;
 * another layout is that template with the few values the layout changes (face names, line pitch,
 * margins) patched in on first use, part for part the XML the layout code builds. Kept for each name and
 * layout, so every call for the same name and layout returns the same buffer.
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
  const isDefault = layoutKey(resolved) === layoutKey(DEFAULT_LAYOUT);
  const key = `${name}:${layoutKey(resolved)}`;
  let built = cache.get(key);
  if (built) {
    if (!isDefault) {
      cache.delete(key); // most recently used goes last
      cache.set(key, built);
    }
    return built;
  }
  built = load(name, resolved);
  cache.set(key, built);
  built.catch(() => cache.delete(key));
  if (!isDefault) {
    const others = [...cache.keys()].filter((k) => !k.endsWith(`:${layoutKey(DEFAULT_LAYOUT)}`));
    for (const old of others.slice(0, Math.max(0, others.length - KEPT_LAYOUTS))) cache.delete(old);
  }
  return built;
}
