import { ErrorCode, type Issue, TemplateError } from "../errors/index.js";
import { DEFAULT_LOCALE, type Locale } from "../messages/catalogue.js";
import { msg, placeOf, type TemplateMessage, templateText } from "./messages.js";

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
  /** A template with no tag at all: it would render as a copy of itself. */
  NoTags: "no_tags",
  /** A field of your own data has the name of a vocabulary tag (`data` option). */
  DataShadowsTag: "data_shadows_tag",
  /** A field of your own data is not text, a number, true/false, a list or an object. */
  InvalidData: "invalid_data",
  /** Warning: a tag typed with track changes on; its values would come out as tracked insertions. */
  TrackedTag: "tracked_tag",
  /** Warning: a loop's paragraph also holds spaces, so it stays, adding a blank paragraph per entry. */
  LoopParagraphSpaces: "loop_paragraph_spaces",
  /** Warning: a `{@…}` tag in a text box, which clips the paragraphs it becomes. */
  RawTagInTextBox: "raw_tag_in_text_box",
  /** Warning: the summary has content the template prints nowhere (attachments, facts, …). */
  UnplacedContent: "unplaced_content",
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

/** Where an issue is: the tag, the part and the paragraph, when known. */
export interface IssuePlace {
  tag?: string | undefined;
  part?: string | undefined;
  paragraph?: string | undefined;
}

/** What each issue was made from, so that it can be written again in another language. */
const made = new WeakMap<TemplateIssue, { message: TemplateMessage; where: IssuePlace }>();

function issueIn(
  code: string,
  message: TemplateMessage,
  where: IssuePlace,
  locale: Locale,
  extra: Partial<TemplateIssue> = {},
): TemplateIssue {
  const explanation = templateText(message, locale);
  const place = placeOf(
    where.part,
    where.paragraph === undefined ? undefined : excerpt(where.paragraph),
    locale,
  );
  const issue: TemplateIssue = {
    path: [],
    code,
    message:
      place === "" ? explanation : templateText(msg("place_prefix", { place, text: explanation }), locale),
    explanation,
  };
  if (where.tag !== undefined) issue.tag = where.tag;
  if (where.part !== undefined) issue.part = where.part;
  if (where.paragraph !== undefined) issue.paragraph = where.paragraph;
  Object.assign(issue, extra);
  made.set(issue, { message, where });
  return issue;
}

/**
 * Builds an issue; the message starts with where it is: `body «{title 会议»: …` (`正文“{title 会议”处：…`).
 * @param code - its {@link TemplateIssueCode}
 * @param message - what is wrong and what to do, in Word terms: a message of the catalogue (src/template/messages.ts)
 * @param where - the tag, part and paragraph, when known
 * @param locale - the language of `message` (default en; {@link localizeIssues} writes it again in another)
 * @example
 * makeIssue("unknown_tag", msg("unknown_tag", { written: "{titel}" }), { tag: "titel", part: "body", paragraph: "{titel}" }).message
 * //=> "body «{titel}»: {titel} is not a tag…"
 */
export function makeIssue(
  code: TemplateIssueCode,
  message: TemplateMessage,
  where: IssuePlace = {},
  locale: Locale = DEFAULT_LOCALE,
): TemplateIssue {
  return issueIn(code, message, where, locale);
}

/**
 * The same issues written in `locale` (codes, tags, parts and paragraphs unchanged). Issues are made in
 * English where they are found and written again at the API's edge, so that the stages in between (and
 * any cache of compiled templates) never carry a language.
 * @example
 * localizeIssues([issue], "zh-CN")[0].message //=> "正文“{title”处：标记 {title 缺少右大括号 }。…"
 */
export function localizeIssues(issues: readonly TemplateIssue[], locale: Locale): TemplateIssue[] {
  return issues.map((issue) => {
    const from = made.get(issue);
    if (!from) return issue;
    const { code, message: _m, explanation: _e, tag: _t, part: _a, paragraph: _g, ...extra } = issue;
    return issueIn(code, from.message, from.where, locale, extra);
  });
}

/**
 * A {@link TemplateError} with its issues and message written in `locale`.
 * @param error - the error as thrown (English)
 * @param locale - the language wanted
 */
export function localizeTemplateError(error: TemplateError, locale: Locale): TemplateError {
  if (locale === DEFAULT_LOCALE) return error;
  const issues = localizeIssues(error.issues as TemplateIssue[], locale);
  const localized = new TemplateError(
    error.code as typeof ErrorCode.InvalidTemplate | typeof ErrorCode.RenderFailed,
    issues,
    { cause: error.cause },
  );
  const key = error.code === ErrorCode.InvalidTemplate ? "invalid_template" : "render_failed";
  const first = issues[0]?.message;
  if (first !== undefined) {
    localized.message = templateText(msg(key, { first, more: issues.length - 1 }), locale);
  }
  return localized;
}

/** The explanation and code for one docxtemplater error, in words for someone editing in Word or WPS. */
function explain(
  error: XtError,
  paragraph: string | undefined,
): { code: TemplateIssueCode; tag?: string; explanation: TemplateMessage } {
  const p = error.properties ?? {};
  const context = p.context ?? "";
  switch (p.id) {
    case "unclosed_tag": {
      // The name only: `{recipient：` is the tag `recipient` followed by text.
      const tag = /^[\p{L}\p{N}_.]*/u.exec(bare(context.split(/\s/)[0] ?? ""))?.[0] ?? "";
      return {
        code: TemplateIssueCode.UnclosedTag,
        tag,
        explanation: msg("unclosed_tag", { tag }),
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
        explanation: msg("unopened_tag", { tag }),
      };
    }
    case "duplicate_open_tag": {
      const tag = bare(/\{\{\s*([^{}]*)/.exec(paragraph ?? "")?.[1] ?? context);
      return {
        code: TemplateIssueCode.DuplicateOpenTag,
        tag,
        explanation: msg("duplicate_open_tag", { tag }),
      };
    }
    case "duplicate_close_tag": {
      // docxtemplater only quotes the last few characters; the paragraph has the whole tag.
      const whole = /\{([^{}]*)\}\s*\}/.exec(paragraph ?? "")?.[1];
      const tag = bare(whole ?? context);
      return {
        code: TemplateIssueCode.DuplicateCloseTag,
        tag,
        explanation: msg("duplicate_close_tag", {
          written: whole === undefined ? `…${context}` : `{${whole}}}`,
        }),
      };
    }
    case "unclosed_loop": {
      const tag = p.xtag ?? "";
      return {
        code: TemplateIssueCode.UnclosedLoop,
        tag,
        explanation: msg("unclosed_loop", { tag }),
      };
    }
    case "unopened_loop": {
      const tag = p.xtag ?? "";
      return {
        code: TemplateIssueCode.UnopenedLoop,
        tag,
        explanation: msg("unopened_loop", { tag }),
      };
    }
    case "closing_tag_does_not_match_opening_tag": {
      const open = p.openingtag ?? "";
      const close = p.closingtag ?? "";
      return {
        code: TemplateIssueCode.MismatchedLoop,
        tag: open,
        explanation: msg("mismatched_loop", { open, close }),
      };
    }
    case "unbalanced_loop_tags": {
      const a = p.lastPair?.left ?? "";
      const b = p.pair?.left ?? "";
      return {
        code: TemplateIssueCode.UnbalancedLoops,
        tag: b,
        explanation: msg("unbalanced_loops", { a, b }),
      };
    }
    case "loop_position_invalid": {
      const tag = bare(p.xtag ?? "");
      return {
        code: TemplateIssueCode.MisplacedLoop,
        tag,
        explanation: msg("misplaced_loop", { tag }),
      };
    }
    case "raw_xml_tag_should_be_only_text_in_paragraph": {
      const tag = bare(p.xtag ?? "");
      return {
        code: TemplateIssueCode.RawTagNotAlone,
        tag,
        explanation: msg("raw_tag_not_alone", { tag }),
      };
    }
    case "raw_tag_outerxml_invalid": {
      const tag = bare(p.xtag ?? "");
      return {
        code: TemplateIssueCode.RawTagNotInParagraph,
        tag,
        explanation: msg("raw_tag_not_in_paragraph", { tag }),
      };
    }
    case "invalid_xml_characters":
      return {
        code: TemplateIssueCode.InvalidCharacters,
        tag: p.xtag ?? "",
        explanation: msg("invalid_characters", { tag: p.xtag ?? "" }),
      };
    case "invalid_raw_xml_value":
      return {
        code: TemplateIssueCode.InvalidRawValue,
        tag: bare(p.xtag ?? ""),
        explanation: msg("invalid_raw_value", { tag: bare(p.xtag ?? "") }),
      };
    case "file_has_invalid_xml":
    case "malformed_xml":
      return {
        code: TemplateIssueCode.InvalidXml,
        explanation: msg("invalid_xml", {}),
      };
    default:
      return {
        code: TemplateIssueCode.TemplateError,
        ...(p.xtag === undefined ? {} : { tag: p.xtag }),
        explanation: msg("template_error", {
          text: p.explanation ?? error.message ?? "The template cannot be used.",
        }),
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
  return mixedBraces(
    all.map((one) => {
      const file = one.properties?.file;
      const offset = firstOffset(one.properties?.offset);
      const paragraph = file !== undefined && offset !== undefined ? locators.get(file)?.(offset) : undefined;
      const { code, tag, explanation } = explain(one, paragraph);
      return makeIssue(code, explanation, {
        tag,
        part: file === undefined ? undefined : partName(file),
        paragraph,
      });
    }),
  );
}

/** A tag with one half-width and one full-width brace: `｛signature}` or `{date｝`. */
const MIXED_BRACES = /｛\s*([#/^@]?)\s*([A-Za-z][\w.]*)\s*\}|\{\s*([#/^@]?)\s*([A-Za-z][\w.]*)\s*｝/g;

/** The brace errors a mixed-brace tag causes (the engine sees a lone `}` or `{`). */
const BRACE_CODES: ReadonlySet<string> = new Set([
  TemplateIssueCode.UnclosedTag,
  TemplateIssueCode.UnopenedTag,
  TemplateIssueCode.DuplicateOpenTag,
  TemplateIssueCode.DuplicateCloseTag,
]);

/**
 * One issue per tag typed with one full-width brace (`｛signature}`, `{date｝`), in place of the brace
 * errors the engine reports for it: a lone `}`, or a `{` that runs on into the next tag.
 */
function mixedBraces(issues: TemplateIssue[]): TemplateIssue[] {
  const out: TemplateIssue[] = [];
  const done = new Set<string>();
  for (const issue of issues) {
    const mixed = BRACE_CODES.has(issue.code) ? [...(issue.paragraph ?? "").matchAll(MIXED_BRACES)] : [];
    if (mixed.length === 0) {
      out.push(issue);
      continue;
    }
    for (const [written, s1, n1, s2, n2] of mixed) {
      const key = `${issue.part}\u0000${issue.paragraph}\u0000${written}`;
      if (done.has(key)) continue;
      done.add(key);
      const name = n1 ?? n2 ?? "";
      out.push(
        makeIssue(
          TemplateIssueCode.FullWidthBraces,
          msg("mixed_braces", { written, fixed: `{${s1 ?? s2 ?? ""}${name}}` }),
          { tag: name, part: issue.part, paragraph: issue.paragraph },
        ),
      );
    }
  }
  return out;
}
