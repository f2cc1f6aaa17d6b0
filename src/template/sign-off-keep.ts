/*
 * The sign-off's keep-with-next edit on a rendered part list (word/document.xml), shared by docxtemplater's
 * postrender module (src/template/render.ts) and our own render loop (src/template/render-loop.ts), so
 * that both make the very same edit.
 */
import { isSignOffXml, signOffKeepEdit, type TextEdit } from "../layout/sign-off.js";

/**
 * Applies an edit of the joined text of `parts[from…]` to docxtemplater's rendered parts, keeping their
 * boundaries: an insertion where two parts meet goes at the end of the first, so a part that opens an
 * element still starts with it (docxtemplater's last clean-up reads the parts' starts).
 * @param parts - the parts, changed in place
 * @param edit - offsets counted from the start of `parts[from]`
 * @param from - the first part the offsets count from
 */
export function spliceParts(parts: string[], { start, end, text }: TextEdit, from = 0): string[] {
  let offset = 0;
  for (let i = from; i < parts.length; i++) {
    const part = parts[i] as string;
    const partEnd = offset + part.length;
    const here = start === end ? start > offset && start <= partEnd : start >= offset && start < partEnd;
    if (here) {
      const head = part.slice(0, start - offset);
      if (end <= partEnd) {
        parts[i] = head + text + part.slice(end - offset);
        return parts;
      }
      parts[i] = head + text;
      // The rest of the replaced text runs on into the following parts.
      for (let j = i + 1, at = partEnd; j < parts.length && at < end; j++) {
        const next = parts[j] as string;
        parts[j] = next.slice(Math.min(next.length, end - at));
        at += next.length;
      }
      return parts;
    }
    offset = partEnd;
  }
  return parts;
}

const PARAGRAPH_OPENING = /^<w:p(?=[ >])[^>]*>$/;
const EMPTY_PARAGRAPH = /^<w:p(?: [^>]*)?\/>$/;

/**
 * The index of the part that opens the paragraph closed just before `parts[before]`, when docxtemplater
 * gave paragraph tags parts of their own (it does); 0 when it cannot tell, so that the caller looks at
 * everything before.
 */
function previousParagraphPart(parts: string[], before: number): number {
  let depth = 0;
  for (let i = before - 1; i >= 0; i--) {
    const part = parts[i] as string;
    if (part === "</w:p>") depth += 1;
    else if (PARAGRAPH_OPENING.test(part)) {
      depth -= 1;
      if (depth === 0) return i;
      if (depth < 0) return 0;
    } else if (depth === 0 && EMPTY_PARAGRAPH.test(part)) return i;
  }
  return 0;
}

/** How many paragraphs before the sign-off the keep-with-next chain is followed. */
const KEEP_CHAIN_LIMIT = 64;

/** What every sign-off style reference starts with: parts without it are not tested further. */
const STYLE_REFERENCE = '<w:pStyle w:val="';

/** Whether a rendered part holds a sign-off paragraph's style (see `isSignOffXml`). */
export function isSignOffPart(part: string): boolean {
  return part.includes(STYLE_REFERENCE) && isSignOffXml(part);
}

/**
 * Gives the paragraph before the sign-off "keep with next" in the rendered body's parts (see
 * `signOffKeepEdit`; the last text paragraph, past the 附件说明): only the parts from that paragraph to
 * the sign-off are read, so a long report costs no more than a short one.
 * @param parts - word/document.xml's rendered parts, changed in place
 * @param signOff - the index of the first part holding the sign-off (see {@link isSignOffPart}), when the
 *   caller knows it; -1 for none
 */
export function keepSignOff(parts: string[], signOff = parts.findIndex(isSignOffPart)): string[] {
  if (signOff === -1) return parts;
  // Back a paragraph at a time, past those that keep with the next already (the 附件说明).
  let from = signOff;
  for (let step = 0; step < KEEP_CHAIN_LIMIT && from > 0; step++) {
    from = previousParagraphPart(parts, from);
    const edit = signOffKeepEdit(parts.slice(from, signOff + 1).join(""));
    if (edit) return spliceParts(parts, edit, from);
  }
  return parts;
}
