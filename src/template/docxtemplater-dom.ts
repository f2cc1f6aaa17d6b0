/**
 * The little of a DOM docxtemplater asks of `@xmldom/xmldom`, for the browser build (dist/browser,
 * chosen by the package's `browser` field; Node keeps @xmldom/xmldom). docxtemplater parses two small
 * parts of every template with it, `[Content_Types].xml` and `_rels/.rels`, and reads them with
 * `getElementsByTagName` and `getAttribute` only; the one part it would parse and write back,
 * `[Content_Types].xml`, is left alone (`contentTypesLeftAlone` in word-parts.ts), so nothing is ever
 * serialized. A browser has its own DOMParser, but not in a Web Worker, and its XMLSerializer writes
 * differently from xmldom's: this reader gives the same answers everywhere, in about 1 kB instead of
 * xmldom's 90.
 *
 * It refuses what xmldom refuses (its fatal errors: a tag not closed or closed out of order, an attribute
 * twice, no root element, a second root element, a "<" in an attribute value) with a {@link ParseError},
 * as xmldom does, and lets pass what xmldom only reports (text outside the root, a value without quotes).
 */

/** Malformed XML (xmldom throws an error of the same name). */
export class ParseError extends Error {
  override name = "ParseError";
}

const NAME = "[A-Za-z_:\\u00C0-\\uFFFF][\\w.:\\-\\u00B7\\u00C0-\\uFFFF]*";
/**
 * An attribute: name = "value" or 'value'. Like xmldom, it lets pass (with a warning there) a value without
 * quotes and a missing space between attributes.
 */
const ATTRIBUTE = new RegExp(`\\s*(${NAME})\\s*=\\s*(?:"([^"<]*)"|'([^'<]*)'|([^\\s"'<>/=]+))`, "y");
const START = new RegExp(`<(${NAME})`, "y");
const END = new RegExp(`</(${NAME})\\s*>`, "y");
const PREDEFINED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** An attribute value as XML reads it: white space made spaces, entities and character references replaced. */
function attributeValue(raw: string): string {
  return raw.replace(/[\t\n\r]/g, " ").replace(/&(#x[0-9a-fA-F]+|#[0-9]+|\w+);/g, (whole, ref: string) => {
    if (ref[0] !== "#") return PREDEFINED[ref] ?? whole;
    const code = ref[1] === "x" ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** An element as docxtemplater reads it. */
export class PartElement {
  constructor(
    readonly tagName: string,
    private readonly attributes: ReadonlyMap<string, string>,
  ) {}
  get nodeName(): string {
    return this.tagName;
  }
  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }
  hasAttribute(name: string): boolean {
    return this.attributes.has(name);
  }
}

/** A parsed part: its elements in document order, and the text it was parsed from. */
export class PartDocument {
  constructor(
    readonly elements: readonly PartElement[],
    readonly source: string,
  ) {}
  get documentElement(): PartElement | undefined {
    return this.elements[0];
  }
  /** The elements with this qualified name (`*` for all), in document order, as the DOM gives them. */
  getElementsByTagName(name: string): PartElement[] {
    return this.elements.filter((element) => name === "*" || element.tagName === name);
  }
}

/** XML's white space: space, tab, line feed, carriage return. */
function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** Where `text` has `close`, after `from`; a ParseError naming `what` when it has not. */
function skipPast(text: string, from: number, close: string, what: string): number {
  const at = text.indexOf(close, from);
  if (at < 0) throw new ParseError(`unclosed ${what}`);
  return at + close.length;
}

/**
 * Reads XML text into a {@link PartDocument}.
 * @throws {@link ParseError} for text that is not well-formed XML
 */
export function parseXml(text: string): PartDocument {
  const elements: PartElement[] = [];
  scanXml(text, elements);
  return new PartDocument(elements, text);
}

/**
 * Checks that XML text is well-formed, by the same rules as {@link parseXml}, keeping nothing (`openTemplate`
 * checks every part of a template with it).
 * @throws {@link ParseError} for text that is not well-formed XML
 */
export function checkXml(text: string): void {
  scanXml(text, undefined);
}

/** Reads `text`, adding each element to `elements` when given. */
function scanXml(text: string, elements: PartElement[] | undefined): void {
  const open: string[] = [];
  let roots = 0;
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf("<", i);
    // Text is not read; like xmldom, text outside the root element passes (an error it only reports).
    if (lt < 0) break;
    i = lt;
    if (text.startsWith("<?", i)) i = skipPast(text, i, "?>", "processing instruction");
    else if (text.startsWith("<!--", i)) i = skipPast(text, i, "-->", "comment");
    else if (text.startsWith("<![CDATA[", i)) {
      if (open.length === 0) throw new ParseError("CDATA outside the root element");
      i = skipPast(text, i, "]]>", "CDATA section");
    } else if (text.startsWith("<!DOCTYPE", i)) {
      if (roots > 0) throw new ParseError("DOCTYPE after the root element");
      const subset = text.indexOf("[", i);
      const gt = text.indexOf(">", i);
      i =
        subset >= 0 && subset < gt
          ? skipPast(text, skipPast(text, subset, "]", "DOCTYPE"), ">", "DOCTYPE")
          : skipPast(text, i, ">", "DOCTYPE");
    } else if (text.startsWith("</", i)) {
      END.lastIndex = i;
      const end = END.exec(text);
      if (!end) throw new ParseError("malformed end tag");
      const expected = open.pop();
      if (expected !== end[1]) throw new ParseError(`end tag </${end[1]}> where </${expected}> was expected`);
      i = END.lastIndex;
    } else {
      START.lastIndex = i;
      const start = START.exec(text);
      if (!start) {
        // A "<" that opens no tag: xmldom takes it as text (an error it only reports), and so does this.
        i++;
        continue;
      }
      if (open.length === 0 && roots++ > 0) throw new ParseError("more than one root element");
      const name = start[1] as string;
      const attributes = new Map<string, string>();
      i = START.lastIndex;
      for (;;) {
        ATTRIBUTE.lastIndex = i;
        const attribute = ATTRIBUTE.exec(text);
        if (!attribute) break;
        const attributeName = attribute[1] as string;
        if (attributes.has(attributeName)) throw new ParseError(`attribute ${attributeName} redefined`);
        // Only a kept element's values are decoded: a check needs the names alone.
        const raw = attribute[2] ?? attribute[3] ?? attribute[4] ?? "";
        attributes.set(attributeName, elements ? attributeValue(raw) : raw);
        i = ATTRIBUTE.lastIndex;
      }
      while (isSpace(text.charCodeAt(i))) i++;
      elements?.push(new PartElement(name, attributes));
      if (text.startsWith("/>", i)) i += 2;
      else if (text[i] === ">") {
        open.push(name);
        i++;
      } else throw new ParseError(`malformed tag <${name}>`);
    }
  }
  if (open.length > 0) throw new ParseError(`unclosed element <${open[open.length - 1]}>`);
  if (roots === 0) throw new ParseError("missing root element");
}

/** xmldom's `DOMParser`, as docxtemplater calls it. */
export class DOMParser {
  parseFromString(text: string, _mimeType?: string): PartDocument {
    return parseXml(text);
  }
}

/**
 * xmldom's `XMLSerializer`, as docxtemplater calls it: nothing edits a {@link PartDocument}, so it is
 * written back as it was read.
 */
export class XMLSerializer {
  serializeToString(document: PartDocument): string {
    return document.source;
  }
}
