/**
 * styles.xml, read for what a draft's paragraphs inherit: alignment, outline level and heading styles,
 * list numbering, bold and hidden text. A property set on the paragraph or run wins; otherwise the style's,
 * then the style it is based on, and so on up the `w:basedOn` chain, then the document defaults.
 */
import type { Element } from "@xmldom/xmldom";
import { onOff, toInt, wAttr, wChild, wChildren, wVal } from "./docx-xml.js";

interface Style {
  id: string;
  type: string;
  /** The style's name as Word stores it ("heading 1", "Title", "标题 2"). */
  name: string;
  basedOn: string | undefined;
  pPr: Element | undefined;
  rPr: Element | undefined;
}

/** A `w:basedOn` chain longer than this is a loop or a hostile file: it is cut there. */
const MAX_CHAIN = 32;

/** The styles of a document, with the lookups the reader needs. */
export class DocxStyles {
  readonly #styles = new Map<string, Style>();
  readonly #defaultParagraph: string | undefined;
  readonly #defaultCharacter: string | undefined;
  readonly #pPrDefault: Element | undefined;
  readonly #rPrDefault: Element | undefined;

  /** @param root - the root element of styles.xml, or undefined when the document has none */
  constructor(root: Element | undefined) {
    if (!root) return;
    const defaults = wChild(root, "docDefaults");
    this.#pPrDefault = wChild(wChild(defaults, "pPrDefault"), "pPr");
    this.#rPrDefault = wChild(wChild(defaults, "rPrDefault"), "rPr");
    for (const element of wChildren(root, "style")) {
      const id = wAttr(element, "styleId");
      if (id === undefined) continue;
      const type = wAttr(element, "type") ?? "paragraph";
      const style: Style = {
        id,
        type,
        name: wVal(element, "name") ?? id,
        basedOn: wVal(element, "basedOn"),
        pPr: wChild(element, "pPr"),
        rPr: wChild(element, "rPr"),
      };
      this.#styles.set(id, style);
      const isDefault = wAttr(element, "default");
      if (isDefault !== undefined && /^(1|true|on)$/i.test(isDefault)) {
        if (type === "paragraph") this.#defaultParagraph ??= id;
        if (type === "character") this.#defaultCharacter ??= id;
      }
    }
  }

  /** The style and those it is based on, nearest first. */
  chain(id: string | undefined): Style[] {
    const out: Style[] = [];
    const seen = new Set<string>();
    let style = id === undefined ? undefined : this.#styles.get(id);
    while (style && !seen.has(style.id) && out.length < MAX_CHAIN) {
      seen.add(style.id);
      out.push(style);
      style = style.basedOn === undefined ? undefined : this.#styles.get(style.basedOn);
    }
    return out;
  }

  /** The paragraph style of a paragraph: its `w:pStyle`, or the document's default paragraph style. */
  paragraphStyle(pPr: Element | undefined): string | undefined {
    const id = wVal(pPr, "pStyle");
    return id !== undefined && this.#styles.has(id) ? id : this.#defaultParagraph;
  }

  /** The first value `read` finds in the paragraph's properties, its style chain, then the defaults. */
  paragraphProperty<T>(
    pPr: Element | undefined,
    read: (pPr: Element | undefined) => T | undefined,
  ): T | undefined {
    const own = read(pPr);
    if (own !== undefined) return own;
    for (const style of this.chain(this.paragraphStyle(pPr))) {
      const value = read(style.pPr);
      if (value !== undefined) return value;
    }
    return read(this.#pPrDefault);
  }

  /**
   * A run property: the run's own, its character style chain, the paragraph style chain, then the
   * document defaults.
   */
  runProperty<T>(
    rPr: Element | undefined,
    pPr: Element | undefined,
    read: (rPr: Element | undefined) => T | undefined,
  ): T | undefined {
    const own = read(rPr);
    if (own !== undefined) return own;
    const characterStyle = wVal(rPr, "rStyle") ?? this.#defaultCharacter;
    for (const style of this.chain(characterStyle)) {
      const value = read(style.rPr);
      if (value !== undefined) return value;
    }
    for (const style of this.chain(this.paragraphStyle(pPr))) {
      const value = read(style.rPr);
      if (value !== undefined) return value;
    }
    return read(this.#rPrDefault);
  }

  /**
   * The heading level a paragraph declares: its outline level (`w:outlineLvl` 0 → 1), or a heading style
   * by name ("heading 2", "标题 2" → 2; "Title", "标题" → 0), nearest first. Outline level 9 is body text.
   */
  headingLevel(pPr: Element | undefined): number | undefined {
    const own = toInt(wVal(pPr, "outlineLvl"));
    if (own !== undefined) return own >= 0 && own < 9 ? own + 1 : undefined;
    for (const style of this.chain(this.paragraphStyle(pPr))) {
      const outline = toInt(wVal(style.pPr, "outlineLvl"));
      if (outline !== undefined) return outline >= 0 && outline < 9 ? outline + 1 : undefined;
      const byName = levelFromName(style.name);
      if (byName !== undefined) return byName;
    }
    return undefined;
  }

  /** Whether a run's text shows in bold. */
  bold(rPr: Element | undefined, pPr: Element | undefined): boolean {
    return this.runProperty(rPr, pPr, (r) => onOff(r, "b")) ?? false;
  }

  /** Whether a run's text is hidden (`w:vanish`): Word neither shows nor prints it. */
  hidden(rPr: Element | undefined, pPr: Element | undefined): boolean {
    return this.runProperty(rPr, pPr, (r) => onOff(r, "vanish")) ?? false;
  }

  /** The `w:numPr` of a numbering style (`w:numStyleLink` points at one). */
  numberingStyleNumId(id: string): string | undefined {
    for (const style of this.chain(id)) {
      const numId = wVal(wChild(style.pPr, "numPr"), "numId");
      if (numId !== undefined) return numId;
    }
    return undefined;
  }
}

/** "heading 3" / "Heading 3" / "标题 3" → 3; "Title" / "标题" → 0. */
function levelFromName(name: string): number | undefined {
  const heading = /^(?:heading|标题)\s*([1-9])$/i.exec(name.trim());
  if (heading?.[1]) return Number(heading[1]);
  if (/^(title|标题)$/i.test(name.trim())) return 0;
  return undefined;
}
