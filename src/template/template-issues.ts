import type { Issue } from "../errors/index.js";

/**
 * Template problems as a template author sees them: a stable code, the tag, the part of the document
 * ("body", "header", "footer") and the text of the paragraph it sits in, and an explanation that speaks of
 * braces and paragraphs in Word or WPS rather than of the template engine. Used by both `inspectTemplate`
 * and `renderTemplate`, so the two report a broken template with the same issues.
 */

/** The stable codes of template issues. */
export const TemplateIssueCode = {
  /** The file is not a zip archive, so not a .docx. */
  NotADocx: "not_a_docx",
  /** The zip has no `word/document.xml`: not a Word document. */
  MissingDocument: "missing_document",
  /** A part declares a DTD (`<!DOCTYPE`), which Word never writes: refused against entity expansion. */
  DtdNotAllowed: "dtd_not_allowed",
  /** The file, a part, or all parts together are larger than {@link TemplateLimits} allow. */
  TooLarge: "too_large",
  /** The zip holds more files than {@link TemplateLimits} allow. */
  TooManyParts: "too_many_parts",
  /** A part is not well-formed XML. */
  InvalidXml: "invalid_xml",
  /** `{title` with no `}`. */
  UnclosedTag: "unclosed_tag",
  /** `title}` with no `{`. */
  UnopenedTag: "unopened_tag",
  /** `{{title}`. */
  DuplicateOpenTag: "duplicate_open_tag",
  /** `{title}}`. */
  DuplicateCloseTag: "duplicate_close_tag",
  /** `｛title｝`: a tag typed with full-width braces, which is printed as it is (inspect only). */
  FullWidthBraces: "full_width_braces",
  /** `{}`: braces with no name. */
  EmptyTag: "empty_tag",
  /** `{#sections}` with no `{/sections}`. */
  UnclosedLoop: "unclosed_loop",
  /** `{/sections}` with no `{#sections}`. */
  UnopenedLoop: "unopened_loop",
  /** `{#a}…{/b}`. */
  MismatchedLoop: "mismatched_loop",
  /** `{#a}…{#b}…{/a}…{/b}`: two loops that cross each other. */
  UnbalancedLoops: "unbalanced_loops",
  /** A loop's two tags in places that cannot repeat together (one in a table, one outside). */
  MisplacedLoop: "misplaced_loop",
  /** `{@signOff}` with other text or spaces in its paragraph. */
  RawTagNotAlone: "raw_tag_not_alone",
  /** `{@signOff}` outside a normal paragraph. */
  RawTagNotInParagraph: "raw_tag_not_in_paragraph",
  /** A tag that is not in the vocabulary (inspect only). */
  UnknownTag: "unknown_tag",
  /** A tag of the vocabulary used outside the loop that fills it, e.g. `{number}` outside `{#sections}` (inspect only). */
  TagOutOfScope: "tag_out_of_scope",
  /** A tag written as the wrong kind, e.g. `{sections}` without `#`, or `{@title}` (inspect only). */
  WrongTagKind: "wrong_tag_kind",
  /** A tag with no value in the data while rendering. */
  MissingValue: "missing_value",
  /** A value holds characters a Word document cannot hold. */
  InvalidCharacters: "invalid_characters",
  /** The value of a `{@…}` tag is not text. */
  InvalidRawValue: "invalid_raw_value",
  /** Any other problem the template engine reports. */
  TemplateError: "template_error",
} as const;
export type TemplateIssueCode = (typeof TemplateIssueCode)[keyof typeof TemplateIssueCode];

/** A template problem: an {@link Issue} that also says which tag, and where it is in the document. */
export interface TemplateIssue extends Issue {
  /** The tag concerned, without braces, when there is one. */
  tag?: string;
  /** Where in the document: "body", "header", "footer", "footnotes", "properties", or the file inside the .docx. */
  part?: string;
  /** The text of the paragraph the tag sits in, as Word shows it (tags included). */
  paragraph?: string;
  /** The explanation alone; `message` adds the part and paragraph in front of it. */
  explanation?: string;
  /** For an unknown tag: the vocabulary tag it most likely meant. */
  suggestion?: string;
}

/**
 * Names a .docx part the way a template author sees it.
 * @example
 * partName("word/header2.xml") //=> "header"
 */
export function partName(file: string): string {
  if (file === "word/document.xml") return "body";
  const match = /^word\/(header|footer|footnotes|endnotes|comments)\d*\.xml$/.exec(file);
  if (match?.[1]) return match[1];
  if (/^docProps\/(core|app|custom)\.xml$/.test(file)) return "properties";
  return file;
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos);/g, (_, name: string) => ENTITIES[name] ?? "");
}

/** The shape of docxtemplater's XML token list (the `xmllexed` of a part). */
export interface XmlToken {
  type: string;
  position?: string;
  tag?: string;
  value: string;
}

interface ParagraphSpan {
  start: number;
  end: number;
  text: string;
}

/**
 * Finds the paragraph around a text offset of a part, in docxtemplater's coordinates (the offsets its
 * errors and tags carry: positions in the concatenated text of the part's text elements).
 */
export interface ParagraphLocator {
  (offset: number): string | undefined;
  /** Every paragraph's text, in document order. */
  all(): string[];
}

/**
 * Builds a {@link ParagraphLocator} from a part's XML tokens (docxtemplater's `xmllexed`).
 * @param tokens - the part's tokens, in order
 * @example
 * paragraphLocator(tokens)(0) //=> "{title}" (the paragraph holding the part's first character)
 */
export function paragraphLocator(tokens: readonly XmlToken[]): ParagraphLocator {
  let spans: ParagraphSpan[] | undefined;
  const build = (): ParagraphSpan[] => {
    const out: ParagraphSpan[] = [];
    // Paragraphs nest (a text box inside a paragraph): the text belongs to the innermost one.
    const open: ParagraphSpan[] = [];
    let offset = 0;
    for (const token of tokens) {
      if (token.type === "tag" && token.tag === "w:p") {
        if (token.position === "start") open.push({ start: offset, end: offset, text: "" });
        else if (token.position === "end") {
          const done = open.pop();
          if (done) {
            done.end = offset;
            out.push(done);
          }
        }
      } else if (token.type === "content" && token.position === "insidetag") {
        const current = open.at(-1);
        if (current) current.text += token.value;
        offset += token.value.length;
      }
    }
    return out.sort((a, b) => a.start - b.start || b.end - a.end);
  };
  const locate = (offset: number) => {
    spans ??= build();
    let best: ParagraphSpan | undefined;
    for (const span of spans) {
      if (span.start <= offset && offset < span.end) {
        // The innermost (shortest) paragraph holding the offset.
        if (!best || span.end - span.start < best.end - best.start) best = span;
      }
    }
    return best ? decode(best.text) : undefined;
  };
  return Object.assign(locate, {
    all: () => {
      spans ??= build();
      return spans.map((span) => decode(span.text));
    },
  });
}

/** What a template error of docxtemplater carries that we use. */
export interface XtError {
  name?: string;
  message?: string;
  properties?: {
    id?: string;
    xtag?: string;
    context?: string;
    explanation?: string;
    file?: string;
    offset?: number | number[];
    openingtag?: string;
    closingtag?: string;
    lastPair?: { left: string; right: string };
    pair?: { left: string; right: string };
    errors?: XtError[];
  };
}

/**
 * Shortens a paragraph for a one-line message.
 * @param text - the paragraph's text
 * @param max - how many characters to keep
 * @example
 * excerpt("一二三四五", 3) //=> "一二三…"
 */
export function excerpt(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** A tag's name without braces and without its #, /, ^ or @ sign. */
function bare(text: string): string {
  return text
    .replace(/^[{\s]+|[}\s]+$/g, "")
    .replace(/^[#/^@]/, "")
    .trim();
}

/**
 * Builds an issue; the message starts with where it is: `body «{title 会议»: …`.
 * @param code - its {@link TemplateIssueCode}
 * @param explanation - what is wrong and what to do, in Word terms
 * @param where - the tag, part and paragraph, when known
 * @example
 * makeIssue("unknown_tag", "{titel} is not a tag…", { tag: "titel", part: "body", paragraph: "{titel}" }).message
 * //=> "body «{titel}»: {titel} is not a tag…"
 */
export function makeIssue(
  code: TemplateIssueCode,
  explanation: string,
  where: { tag?: string | undefined; part?: string | undefined; paragraph?: string | undefined } = {},
): TemplateIssue {
  const place = [where.part, where.paragraph === undefined ? undefined : `«${excerpt(where.paragraph)}»`]
    .filter((s) => s !== undefined)
    .join(" ");
  const issue: TemplateIssue = {
    path: [],
    code,
    message: place === "" ? explanation : `${place}: ${explanation}`,
    explanation,
  };
  if (where.tag !== undefined) issue.tag = where.tag;
  if (where.part !== undefined) issue.part = where.part;
  if (where.paragraph !== undefined) issue.paragraph = where.paragraph;
  return issue;
}

/** The explanation and code for one docxtemplater error, in words for someone editing in Word or WPS. */
function explain(
  error: XtError,
  paragraph: string | undefined,
): { code: TemplateIssueCode; tag?: string; explanation: string } {
  const p = error.properties ?? {};
  const context = p.context ?? "";
  switch (p.id) {
    case "unclosed_tag": {
      const tag = bare(context.split(/\s/)[0] ?? "");
      return {
        code: TemplateIssueCode.UnclosedTag,
        tag,
        explanation: `The tag {${tag} is missing its closing brace }. In Word, type } right after ${tag}.`,
      };
    }
    case "unopened_tag": {
      // The context runs from the previous "}" to this one: the tag is the last word before this "}".
      const tag = bare(
        context
          .replace(/\}\s*$/, "")
          .split(/[}\s]/)
          .at(-1) ?? "",
      );
      return {
        code: TemplateIssueCode.UnopenedTag,
        tag,
        explanation: `The tag ${tag}} is missing its opening brace {. In Word, type { right before ${tag}.`,
      };
    }
    case "duplicate_open_tag": {
      const tag = bare(/\{\{\s*([^{}]*)/.exec(paragraph ?? "")?.[1] ?? context);
      return {
        code: TemplateIssueCode.DuplicateOpenTag,
        tag,
        explanation: `The tag {{${tag} has one opening brace too many. Tags use single braces: delete one {.`,
      };
    }
    case "duplicate_close_tag": {
      // docxtemplater only quotes the last few characters; the paragraph has the whole tag.
      const whole = /\{([^{}]*)\}\s*\}/.exec(paragraph ?? "")?.[1];
      const tag = bare(whole ?? context);
      return {
        code: TemplateIssueCode.DuplicateCloseTag,
        tag,
        explanation: `The tag ${whole === undefined ? `ending ${context}` : `{${whole}}}`} has one closing brace too many. Tags use single braces: delete one }.`,
      };
    }
    case "unclosed_loop": {
      const tag = p.xtag ?? "";
      return {
        code: TemplateIssueCode.UnclosedLoop,
        tag,
        explanation: `{#${tag}} starts a part that repeats or may be left out, but no {/${tag}} ends it. Add a paragraph holding only {/${tag}} where that part should end.`,
      };
    }
    case "unopened_loop": {
      const tag = p.xtag ?? "";
      return {
        code: TemplateIssueCode.UnopenedLoop,
        tag,
        explanation: `{/${tag}} ends a part that no {#${tag}} starts. Add a paragraph holding only {#${tag}} where that part should start, or delete {/${tag}}.`,
      };
    }
    case "closing_tag_does_not_match_opening_tag": {
      const open = p.openingtag ?? "";
      const close = p.closingtag ?? "";
      return {
        code: TemplateIssueCode.MismatchedLoop,
        tag: open,
        explanation: `{#${open}} is ended by {/${close}}: the two names must be the same. Change {/${close}} to {/${open}}, or check that the parts end in the reverse order they start.`,
      };
    }
    case "unbalanced_loop_tags": {
      const a = p.lastPair?.left ?? "";
      const b = p.pair?.left ?? "";
      return {
        code: TemplateIssueCode.UnbalancedLoops,
        tag: b,
        explanation: `The parts {#${a}}…{/${a}} and {#${b}}…{/${b}} cross each other. A part that starts inside another must also end inside it (in a table: in the same row).`,
      };
    }
    case "loop_position_invalid": {
      const tag = bare(p.xtag ?? "");
      return {
        code: TemplateIssueCode.MisplacedLoop,
        tag,
        explanation: `{#${tag}} and {/${tag}} are in places that cannot repeat together, for example one inside a table and the other outside it. Put both in the same table cell, or both outside the table.`,
      };
    }
    case "raw_xml_tag_should_be_only_text_in_paragraph": {
      const tag = bare(p.xtag ?? "");
      return {
        code: TemplateIssueCode.RawTagNotAlone,
        tag,
        explanation: `{@${tag}} must be alone in its paragraph, because it is replaced by whole paragraphs. Move any other text or spaces in that paragraph to a paragraph of its own.`,
      };
    }
    case "raw_tag_outerxml_invalid": {
      const tag = bare(p.xtag ?? "");
      return {
        code: TemplateIssueCode.RawTagNotInParagraph,
        tag,
        explanation: `{@${tag}} must stand in a normal paragraph of its own, not in a text box, field or similar.`,
      };
    }
    case "invalid_xml_characters":
      return {
        code: TemplateIssueCode.InvalidCharacters,
        tag: p.xtag ?? "",
        explanation: `The value of {${p.xtag ?? ""}} holds characters a Word document cannot hold.`,
      };
    case "invalid_raw_xml_value":
      return {
        code: TemplateIssueCode.InvalidRawValue,
        tag: bare(p.xtag ?? ""),
        explanation: `The value of {@${bare(p.xtag ?? "")}} is not text, so it cannot replace a paragraph.`,
      };
    case "file_has_invalid_xml":
    case "malformed_xml":
      return {
        code: TemplateIssueCode.InvalidXml,
        explanation:
          "This part of the file is damaged (its XML is not well-formed). Open the template in Word or WPS and save it again.",
      };
    default:
      return {
        code: TemplateIssueCode.TemplateError,
        ...(p.xtag === undefined ? {} : { tag: p.xtag }),
        explanation: p.explanation ?? error.message ?? "The template cannot be used.",
      };
  }
}

/** Per part of the template: what is needed to say where a problem is. */
export type Locators = ReadonlyMap<string, ParagraphLocator>;

/** The first text offset an error points at. */
function firstOffset(offset: number | number[] | undefined): number | undefined {
  return Array.isArray(offset) ? offset[0] : offset;
}

/**
 * docxtemplater's errors (one, or a "multi error" holding all) → our issues, each with its part and
 * paragraph. The one mapping shared by inspect and render.
 * @param error - what docxtemplater threw
 * @param locators - per file of the .docx, the paragraph finder (see {@link paragraphLocator})
 * @returns the issues, or undefined when the error is not docxtemplater's (a bug to rethrow)
 * @example
 * issuesFromDocxtemplater(multiError, locators)[0]
 * //=> { code: "unclosed_tag", tag: "title", part: "body", paragraph: "{title", … }
 */
export function issuesFromDocxtemplater(error: unknown, locators: Locators): TemplateIssue[] | undefined {
  const xt = error as XtError;
  if (!xt?.properties) return undefined;
  const all = xt.properties.errors ?? [xt];
  return all.map((one) => {
    const file = one.properties?.file;
    const offset = firstOffset(one.properties?.offset);
    const paragraph = file !== undefined && offset !== undefined ? locators.get(file)?.(offset) : undefined;
    const { code, tag, explanation } = explain(one, paragraph);
    return makeIssue(code, explanation, {
      tag,
      part: file === undefined ? undefined : partName(file),
      paragraph,
    });
  });
}
