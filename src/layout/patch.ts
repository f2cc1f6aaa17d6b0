/**
 * A built-in template in another layout, made from the prebuilt default one without the `docx` package.
 * A layout option changes only attribute values of a template, never its structure: the 仿宋/楷体 face
 * names (styles.xml, fontTable.xml), the line pitch and its multiples (w:line, w:before, w:after,
 * w:linePitch), and the page margins with what follows from them (w:pgMar, the footer distance, the
 * 版记's table position). `npm run templates` (scripts/build-templates.mjs) builds every template in
 * every layout with the builders, finds the values that differ from the default, and records each one's
 * place in the default part's text with a rule for its value; it refuses to write a patch whose rules do
 * not give every layout's built value exactly. A test compares each patched template with the built one.
 */
import { deflatePart, writeZip } from "../template/docx-zip.js";
import { openTemplate } from "../template/open.js";
import { linePitch, type ResolvedLayout } from "./options.js";

/** How one value follows from the layout. */
export type LayoutRule =
  /** A whole number of line pitches (`linePitch(layout)` × k). */
  | { pitch: number }
  /** A value for each font set (a face name). */
  | { fonts: Readonly<Record<ResolvedLayout["fonts"], string>> }
  /** A value for each set of margins (a margin, or a length measured from one). */
  | { margins: Readonly<Record<ResolvedLayout["margins"], string>> };

/**
 * Per part of the default template: the values a layout changes, in the order they occur, each as the
 * offset of its first character in the part's text, its length there, and its rule.
 */
export type LayoutPatch = Readonly<Record<string, readonly (readonly [number, number, LayoutRule])[]>>;

function ruleValue(rule: LayoutRule, layout: ResolvedLayout, pitch: number): string {
  if ("pitch" in rule) return String(rule.pitch * pitch);
  if ("fonts" in rule) return rule.fonts[layout.fonts];
  return rule.margins[layout.margins];
}

/**
 * The template `bytes` (a built-in template with the default layout) in `layout`: each patched part
 * compressed afresh, every other part copied as it is.
 * @param bytes - the prebuilt template
 * @param patch - the patch recorded for that template
 * @param layout - the layout wanted
 * @returns the .docx file
 * @throws Error when the patch does not fit the template (a prebuilt module out of step with itself)
 */
export function patchLayout(bytes: Uint8Array, patch: LayoutPatch, layout: ResolvedLayout): Uint8Array {
  const { parts, texts } = openTemplate(bytes);
  const edits = layoutEdits(patch, layout);
  return writeZip(
    parts.map((part) => {
      const partEdits = edits[part.name];
      if (partEdits === undefined) return part;
      const text = texts.get(part.name);
      if (text === undefined) throw new Error(`patchLayout: the template has no text for ${part.name}`);
      let out = "";
      let at = 0;
      for (const [offset, length, value] of partEdits) {
        if (offset < at || offset + length > text.length) {
          throw new Error(`patchLayout: the patch of ${part.name} does not fit the template`);
        }
        out += text.slice(at, offset) + value;
        at = offset + length;
      }
      return deflatePart(part.name, out + text.slice(at));
    }),
  );
}

/**
 * The edits of `patch` for `layout`, per part: each value's offset and length in the default part's text,
 * and the layout's value. (Also applied to the built-in templates' prebuilt render programs.)
 */
export function layoutEdits(
  patch: LayoutPatch,
  layout: ResolvedLayout,
): Record<string, (readonly [number, number, string])[]> {
  const pitch = linePitch(layout);
  const edits: Record<string, (readonly [number, number, string])[]> = {};
  for (const [name, rules] of Object.entries(patch)) {
    edits[name] = rules.map(
      ([offset, length, rule]) => [offset, length, ruleValue(rule, layout, pitch)] as const,
    );
  }
  return edits;
}
