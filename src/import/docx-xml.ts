/**
 * The little of the DOM the Word reader needs: parsing a part with @xmldom/xmldom (strictly: Word never
 * writes malformed XML), and finding WordprocessingML elements by namespace and local name, so that a
 * document saved as "Strict Open XML" (another namespace) or with other prefixes reads the same.
 */
import { DOMParser, type Element, type Node } from "@xmldom/xmldom";

/** WordprocessingML, as Word writes it ("transitional") and as "Strict Open XML Document" saves it. */
const W_NAMESPACES = new Set([
  "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
  "http://purl.oclc.org/ooxml/wordprocessingml/main",
]);
/** Office Math. */
const M_NAMESPACES = new Set([
  "http://schemas.openxmlformats.org/officeDocument/2006/math",
  "http://purl.oclc.org/ooxml/officeDocument/math",
]);
const MC_NAMESPACE = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/**
 * The namespaces whose markup a `mc:Choice` may require and still be read here: the text of a text box or
 * a shape is found the same way in Word 2010+ shapes (wps, wpg, wpc) as in VML, and w14/w15 only add to
 * WordprocessingML.
 */
const UNDERSTOOD = new Set([
  ...W_NAMESPACES,
  ...M_NAMESPACES,
  MC_NAMESPACE,
  "http://schemas.microsoft.com/office/word/2010/wordml",
  "http://schemas.microsoft.com/office/word/2012/wordml",
  "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
  "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
  "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas",
  "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing",
  "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
  "http://schemas.openxmlformats.org/drawingml/2006/main",
  "http://schemas.openxmlformats.org/drawingml/2006/picture",
  "urn:schemas-microsoft-com:vml",
  "urn:schemas-microsoft-com:office:office",
  "urn:schemas-microsoft-com:office:word",
]);

const ELEMENT_NODE = 1;

/** Thrown by {@link parseXml} for a part that is not well-formed XML; the caller turns it into an issue. */
export class MalformedXmlError extends Error {
  override name = "MalformedXmlError";
}

/**
 * Parses a part of the .docx. Errors are not recovered from: a damaged part is refused as a whole, so
 * that no half-read text reaches the draft.
 * @throws {@link MalformedXmlError} when the part is not well-formed
 */
export function parseXml(text: string): Element {
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") throw new MalformedXmlError(message);
    },
  });
  let root: Element | null;
  try {
    root = parser.parseFromString(text, "text/xml").documentElement;
  } catch (cause) {
    throw new MalformedXmlError(cause instanceof Error ? cause.message : String(cause), { cause });
  }
  if (!root) throw new MalformedXmlError("no root element");
  return root;
}

/** Whether `node` is a WordprocessingML element, with local name `name` when given. */
export function isW(node: Node, name?: string): boolean {
  return (
    node.nodeType === ELEMENT_NODE &&
    W_NAMESPACES.has(node.namespaceURI ?? "") &&
    (name === undefined || node.localName === name)
  );
}

/** Whether `node` is an Office Math element, with local name `name` when given. */
export function isMath(node: Node, name?: string): boolean {
  return (
    node.nodeType === ELEMENT_NODE &&
    M_NAMESPACES.has(node.namespaceURI ?? "") &&
    (name === undefined || node.localName === name)
  );
}

/** Whether `node` is an element (of any namespace). */
export function isElement(node: Node): node is Element {
  return node.nodeType === ELEMENT_NODE;
}

/** Whether `node` is `mc:AlternateContent`. */
export function isAlternateContent(node: Node): boolean {
  return (
    node.nodeType === ELEMENT_NODE &&
    node.namespaceURI === MC_NAMESPACE &&
    node.localName === "AlternateContent"
  );
}

/** The element children of `parent`, in order. */
export function elements(parent: Element): Element[] {
  const out: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) if (isElement(node)) out.push(node);
  return out;
}

/** The first WordprocessingML child called `name`. */
export function wChild(parent: Element | undefined, name: string): Element | undefined {
  if (!parent) return undefined;
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (isElement(node) && isW(node, name)) return node;
  }
  return undefined;
}

/** Every WordprocessingML child called `name`. */
export function wChildren(parent: Element, name: string): Element[] {
  return elements(parent).filter((e) => isW(e, name));
}

/** A WordprocessingML attribute (`w:val`, `w:type`…), whatever prefix the part gives the namespace. */
export function wAttr(element: Element | undefined, name: string): string | undefined {
  if (!element) return undefined;
  const attributes = element.attributes;
  for (let i = 0; i < attributes.length; i++) {
    const attribute = attributes.item(i);
    if (attribute && attribute.localName === name && W_NAMESPACES.has(attribute.namespaceURI ?? "")) {
      return attribute.value;
    }
  }
  return undefined;
}

/** `w:val` of the child `name`. */
export function wVal(parent: Element | undefined, name: string): string | undefined {
  return wAttr(wChild(parent, name), "val");
}

/** An integer attribute value, or undefined when absent or not a number. */
export function toInt(value: string | undefined): number | undefined {
  if (value === undefined || !/^\s*-?\d+\s*$/.test(value)) return undefined;
  return Number.parseInt(value, 10);
}

/**
 * A WordprocessingML on/off property (`<w:b/>`, `<w:b w:val="0"/>`): true, false, or undefined when the
 * element is absent.
 */
export function onOff(parent: Element | undefined, name: string): boolean | undefined {
  const element = wChild(parent, name);
  if (!element) return undefined;
  const value = wAttr(element, "val");
  return value === undefined || !/^(0|false|off)$/i.test(value);
}

/**
 * The one branch of `mc:AlternateContent` to read: the first `mc:Choice` whose required namespaces are
 * all understood here, else `mc:Fallback`. Both branches describe the same content, so reading both would
 * read it twice.
 */
export function chooseAlternative(alternate: Element): Element | undefined {
  let fallback: Element | undefined;
  for (const branch of elements(alternate)) {
    if (branch.namespaceURI !== MC_NAMESPACE) continue;
    if (branch.localName === "Choice") {
      const requires = (branch.getAttribute("Requires") ?? "").split(/\s+/).filter((p) => p !== "");
      if (requires.every((prefix) => UNDERSTOOD.has(branch.lookupNamespaceURI(prefix) ?? ""))) return branch;
    } else if (branch.localName === "Fallback") fallback = branch;
  }
  return fallback;
}

/**
 * Characters of the symbol fonts Word uses for bullets and 插入 → 符号, which Word stores as private-use
 * code points (U+F000 + the font's code), as the Unicode characters they show.
 */
const SYMBOL_FONTS: Record<string, Record<number, string>> = {
  symbol: { 183: "•", 168: "♦", 169: "♥", 170: "♠", 171: "↔", 174: "→", 214: "√", 180: "×" },
  wingdings: {
    108: "●",
    110: "■",
    113: "❑",
    117: "◆",
    118: "❖",
    167: "▪",
    168: "◻",
    216: "➢",
    252: "✔",
    254: "☑",
    161: "○",
  },
};

/**
 * The text a symbol-font character shows: a private-use code point of Symbol or Wingdings becomes the
 * Unicode character it draws; anything else is kept as it is.
 * @example
 * symbolText("\uF0B7", "Symbol") //=> "•"
 */
export function symbolText(text: string, font: string | undefined): string {
  const table = SYMBOL_FONTS[(font ?? "").trim().toLowerCase()];
  if (!table) return text;
  return [...text]
    .map((char) => {
      const code = char.codePointAt(0) as number;
      const inFont = code >= 0xf000 && code <= 0xf0ff ? code - 0xf000 : code;
      return table[inFont] ?? char;
    })
    .join("");
}
