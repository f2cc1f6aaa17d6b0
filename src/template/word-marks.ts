/**
 * What Word leaves around tags that changes how they render, read from the parts' XML tokens: tags typed
 * with track changes on (inside `<w:ins>`: every value would come out as a tracked insertion), `{@…}` tags
 * in text boxes (`<w:txbxContent>`: the paragraphs they become are clipped), and loop paragraphs that also
 * hold spaces (the paragraph stays: one blank paragraph per entry). Each is a warning: the template renders.
 */
import type { TemplateTag } from "./inspect.js";
import { msg } from "./messages.js";
import type { CompiledParts } from "./render.js";
import {
  makeIssue,
  partName,
  type TemplateIssue,
  TemplateIssueCode,
  type XmlToken,
} from "./template-issues.js";

interface Range {
  start: number;
  end: number;
}

/**
 * The text offsets (docxtemplater's coordinates) inside each element named `tag`. The engine lexes only
 * the elements it needs (paragraphs, runs, text); others, such as `<w:ins>`, stay inside its content
 * tokens and are found there.
 */
function rangesInside(tokens: readonly XmlToken[], tag: string): Range[] {
  const ranges: Range[] = [];
  const element = new RegExp(`<(/?)${tag}(?:\\s[^>]*?)?(/?)>`, "g");
  let offset = 0;
  let depth = 0;
  let start = 0;
  const open = () => {
    if (depth === 0) start = offset;
    depth += 1;
  };
  const close = () => {
    if (depth === 0) return;
    depth -= 1;
    if (depth === 0) ranges.push({ start, end: offset });
  };
  for (const token of tokens) {
    if (token.type === "tag" && token.tag === tag) {
      if (token.position === "start") open();
      else if (token.position === "end") close();
    } else if (token.type === "content" && token.position === "insidetag") {
      offset += token.value.length;
    } else if (token.value.includes(tag)) {
      for (const [, closing, selfClosing] of token.value.matchAll(element)) {
        if (selfClosing) continue;
        if (closing) close();
        else open();
      }
    }
  }
  return ranges;
}

const overlaps = (ranges: readonly Range[], start: number, end: number) =>
  ranges.some((r) => r.start < end && start < r.end);

/** A paragraph holding only loop tags (`{#…}`, `{^…}`, `{/…}`) and at least one space. */
const LOOP_TAGS_AND_SPACES = /^(?=.*\s)\s*(?:\{\s*[#^/][^{}]*\}\s*)+$/s;

/**
 * The warnings of a compiled template.
 * @param parts - what the template engine saw of each part
 * @param tags - the tags found, in the order of `offsets`
 * @param offsets - per tag: its file, text offset and length
 */
export function wordMarkWarnings(
  parts: CompiledParts,
  tags: readonly TemplateTag[],
  offsets: readonly { file: string; offset: number | undefined; length: number }[],
): TemplateIssue[] {
  const warnings: TemplateIssue[] = [];
  const seen = new Set<string>();
  const once = (key: string, make: () => TemplateIssue) => {
    if (seen.has(key)) return;
    seen.add(key);
    warnings.push(make());
  };
  const insertions = new Map<string, Range[]>();
  const textBoxes = new Map<string, Range[]>();
  for (const [file, tokens] of parts.tokens) {
    insertions.set(file, rangesInside(tokens, "w:ins"));
    textBoxes.set(file, rangesInside(tokens, "w:txbxContent"));
  }
  tags.forEach((tag, i) => {
    const at = offsets[i];
    if (at?.offset === undefined) return;
    const end = at.offset + at.length;
    const place = { tag: tag.name, part: tag.part, paragraph: tag.paragraph };
    if (overlaps(insertions.get(at.file) ?? [], at.offset, end)) {
      once(`ins\u0000${at.file}\u0000${tag.paragraph}\u0000${tag.name}`, () =>
        makeIssue(TemplateIssueCode.TrackedTag, msg("tracked_tag", { tag: `${tag.sign}${tag.name}` }), place),
      );
    }
    if (tag.sign === "@" && overlaps(textBoxes.get(at.file) ?? [], at.offset, end)) {
      // A text box is written twice (mc:AlternateContent's Choice and Fallback): one warning.
      once(`box\u0000${at.file}\u0000${tag.name}`, () =>
        makeIssue(TemplateIssueCode.RawTagInTextBox, msg("raw_tag_in_text_box", { tag: tag.name }), place),
      );
    }
  });
  for (const [file, locate] of parts.locators) {
    for (const paragraph of locate.all()) {
      if (!LOOP_TAGS_AND_SPACES.test(paragraph)) continue;
      const tagsText = paragraph.match(/\{[^{}]*\}/g)?.join("") ?? paragraph;
      once(`spaces\u0000${file}\u0000${paragraph}`, () =>
        makeIssue(TemplateIssueCode.LoopParagraphSpaces, msg("loop_paragraph_spaces", { tags: tagsText }), {
          part: partName(file),
          paragraph,
        }),
      );
    }
  }
  return warnings;
}
