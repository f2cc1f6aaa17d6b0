import { TemplateError } from "../errors/index.js";
import { checkLocale, type Locale } from "../messages/catalogue.js";
import { suggest } from "../model/issues.js";
import { checkData } from "./data.js";
import { msg, type TagPlace, type TemplateMessage } from "./messages.js";
import { type CompiledParts, compileTemplate, type ParsedTag } from "./render.js";
import {
  localizeIssues,
  localizeTemplateError,
  makeIssue,
  partName,
  type TemplateIssue,
  TemplateIssueCode,
} from "./template-issues.js";
import {
  namesInScope,
  resolveTag,
  rootScopeWith,
  scopesOf,
  TagKind,
  type VocabularyScope,
  vocabularyTags,
} from "./vocabulary.js";
import { wordMarkWarnings } from "./word-marks.js";

/** How a tag is written: `{x}`, `{#x}`, `{^x}` or `{@x}`. */
export type TagSign = "" | "#" | "^" | "@";

/** One tag found in a template. */
export interface TemplateTag {
  /** The name without braces or sign, e.g. `"meeting.kind"`. */
  name: string;
  /** `""` for `{x}`, `"#"` for `{#x}…{/x}`, `"^"` for `{^x}…{/x}` (when empty), `"@"` for `{@x}`. */
  sign: TagSign;
  /** The loops and conditions the tag is inside, outermost first, joined with ".": `"sections.blocks"`. */
  scope: string;
  /** The part of the document: "body", "header", "footer", "properties"… */
  part: string;
  /** The text of the paragraph the tag sits in. */
  paragraph?: string;
  /** Whether the tag is in the vocabulary and usable where it is. */
  known: boolean;
  /** The field of the data it reads, from the top: `"sections.blocks.text"`, `"meeting.kind"`, `"unitName"`. */
  field?: string;
}

/** What {@link inspectTemplate} finds. */
export interface InspectTemplateResult {
  /** Every tag in document order, body first, then headers, footers and the rest. */
  tags: TemplateTag[];
  /** Every problem at once: structural ones first (as rendering would report them), then vocabulary ones. */
  issues: TemplateIssue[];
  /**
   * What renders, but not as meant: tags typed with track changes on, spaces that keep a loop's paragraph
   * (a blank line per entry), `{@…}` tags in text boxes. `render` prints them and goes on.
   */
  warnings: TemplateIssue[];
}

const PART_ORDER = ["body", "header", "footer"];

function partRank(file: string): number {
  const rank = PART_ORDER.indexOf(partName(file));
  return rank < 0 ? PART_ORDER.length : rank;
}

function signOf(part: ParsedTag): TagSign {
  if (part.module === "rawxml") return "@";
  if (part.module === "loop") return part.inverted ? "^" : "#";
  return "";
}

/** Where a tag of the vocabulary is filled, in words (see `tag_out_of_scope`). */
function where(scope: string): TagPlace {
  if (scope === "") return { at: "top" };
  const loop = vocabularyTags.find((t) => (t.scope === "" ? t.name : `${t.scope}.${t.name}`) === scope);
  return loop?.kind === TagKind.Group
    ? { at: "group", usage: `{${scope}.…}` }
    : { at: "loop", usage: loop?.usage ?? `{#${scope}}…{/${scope}}` };
}

/**
 * The scope opened by a loop whose name is not known and has no likely meaning: the tags inside it are
 * only checked for being tags at all, not for being in the right loop (which cannot be told).
 */
const UNKNOWN_SCOPE: VocabularyScope = { path: "?", fields: {} };

interface Checked {
  issue?: TemplateIssue;
  /** The scope the tag opens, when it opens one. */
  scope?: VocabularyScope;
  /** The field it resolves to, e.g. `"sections.blocks.text"`. */
  field?: string;
}

/** Checks one tag against the vocabulary, given where it is. */
function vocabularyIssue(
  name: string,
  sign: TagSign,
  scopes: readonly VocabularyScope[],
  place: { part: string; paragraph?: string | undefined },
): Checked {
  const at = { tag: name, ...place };
  const opens = sign === "#" || sign === "^";
  if (name === "") {
    // `{title}}` also leaves a nameless tag behind; only braces written as `{}` are reported as empty.
    if (place.paragraph === undefined || !/\{\s*\}/.test(place.paragraph)) return {};
    return { issue: makeIssue(TemplateIssueCode.EmptyTag, msg("empty_tag", {}), at) };
  }
  // `{.}` is the current entry of a loop (a list of texts of your own data).
  if (name === "." && scopes.length > 1) return {};
  const found = resolveTag(name, scopes);
  const inUnknown = scopes.includes(UNKNOWN_SCOPE);
  if (!found) {
    const definedIn = scopesOf(name.split(".").at(-1) ?? name).filter((s) => !name.includes(".") || s !== "");
    // Inside a loop of unknown name, a tag that some loop fills may well be right: it cannot be told.
    if (inUnknown && definedIn.length > 0) return opens ? { scope: UNKNOWN_SCOPE } : {};
    if (definedIn.length > 0 && !name.includes(".")) {
      const places = [...new Set(definedIn)].map(where);
      return {
        issue: makeIssue(TemplateIssueCode.TagOutOfScope, msg("tag_out_of_scope", { name, places }), at),
        ...(opens ? { scope: UNKNOWN_SCOPE } : {}),
      };
    }
    const candidates = inUnknown
      ? [...new Set([...namesInScope(scopes), ...vocabularyTags.map((t) => t.name)])]
      : namesInScope(scopes);
    const suggestion = suggest(name, candidates);
    const written = `{${sign}${name}}`;
    const suggested = suggestion ? `{${sign}${suggestion}}` : undefined;
    let message = msg("unknown_tag", { written, suggestion: suggested });
    let scope: VocabularyScope | undefined;
    if (opens) {
      // A misspelt loop or condition: one issue, and the tags inside it are checked as if it were spelt
      // as suggested, so that they are not all reported as out of place.
      const meant = suggestion ? resolveTag(suggestion, scopes) : undefined;
      scope = meant?.scope ?? (meant ? (scopes.at(-1) as VocabularyScope) : UNKNOWN_SCOPE);
      message = msg("unknown_loop", { written, suggestion: suggested, close: `{/${name}}` });
    }
    const issue = makeIssue(TemplateIssueCode.UnknownTag, message, at);
    if (suggestion) issue.suggestion = suggestion;
    return scope ? { issue, scope } : { issue };
  }
  let message: TemplateMessage | undefined;
  if (sign === "" && found.kind === TagKind.Loop) {
    message = msg("loop_as_text", { name });
  } else if (sign === "" && found.kind === TagKind.Group) {
    message = msg("group_as_text", { name, field: Object.keys(found.scope?.fields ?? {})[0] ?? "…" });
  } else if (sign === "" && found.kind === TagKind.Condition) {
    message = msg("condition_as_text", { name });
  } else if (sign === "" && found.kind === TagKind.Raw) {
    message = msg("raw_as_text", { name });
  } else if (sign === "@" && found.kind !== TagKind.Raw) {
    message = msg("not_raw", { name, isText: found.kind === TagKind.Value });
  }
  const result: Checked = { field: found.path };
  if (message) result.issue = makeIssue(TemplateIssueCode.WrongTagKind, message, at);
  if (opens) result.scope = found.scope ?? (scopes.at(-1) as VocabularyScope);
  return result;
}

/** Walks a part's tags (nested loops, or flat ones when the template does not parse) in document order. */
function walkPart(
  file: string,
  parsed: readonly ParsedTag[],
  parts: CompiledParts,
  root: VocabularyScope,
  out: Analysis,
) {
  const part = partName(file);
  const locate = parts.locators.get(file);
  // Parallel stacks: the loop names written in the template, and the vocabulary scopes they open.
  const names: string[] = [];
  const scopes: VocabularyScope[] = [root];
  const visit = (items: readonly ParsedTag[]) => {
    for (const item of items) {
      if (item.type !== "placeholder") continue;
      const raw = (item as { raw?: string }).raw ?? "";
      const name = String(item.value ?? "").trim();
      if (item.module === "loop" && !item.subparsed && raw.startsWith("/")) {
        // A flat closing tag (the template did not parse, so loops were not nested): close its scope.
        const at = names.lastIndexOf(name);
        if (at >= 0) {
          names.length = at;
          scopes.length = at + 1;
        }
        continue;
      }
      const sign = signOf(item);
      const paragraph = item.offset === undefined ? undefined : locate?.(item.offset);
      const { issue, scope, field } = vocabularyIssue(name, sign, scopes, { part, paragraph });
      const tag: TemplateTag = { name, sign, scope: names.join("."), part, known: issue === undefined };
      if (paragraph !== undefined) tag.paragraph = paragraph;
      if (field !== undefined) tag.field = field;
      out.tags.push(tag);
      out.offsets.push({ file, offset: item.offset, length: raw.length + 2 });
      if (issue) out.issues.push(issue);
      if (sign === "#" || sign === "^") {
        names.push(name);
        scopes.push(scope ?? (scopes.at(-1) as VocabularyScope));
        if (item.subparsed) {
          visit(item.subparsed);
          names.pop();
          scopes.pop();
        }
      }
    }
  };
  visit(parsed);
}

/** A tag name between full-width braces, as a Chinese input method types them: ｛title｝. */
const FULL_WIDTH_TAG = /｛\s*([#/^@]?)\s*([A-Za-z][\w.]*)\s*｝/g;

/** Tags typed with full-width braces are plain text to the renderer: say so, in each paragraph. */
function fullWidthBraces(file: string, parts: CompiledParts, out: Analysis): void {
  const part = partName(file);
  for (const paragraph of parts.locators.get(file)?.all() ?? []) {
    for (const [written, sign = "", name = ""] of paragraph.matchAll(FULL_WIDTH_TAG)) {
      out.issues.push(
        makeIssue(
          TemplateIssueCode.FullWidthBraces,
          msg("full_width_braces", { written, fixed: `{${sign}${name}}` }),
          { tag: name, part, paragraph },
        ),
      );
    }
  }
}

/** Options of {@link inspectTemplate}. */
export interface InspectTemplateOptions {
  /**
   * Your own data, as you will pass it to `renderSummary` (or sample values of it): its fields are tags
   * too, `{unitName}` and `{#contacts}{name}{/contacts}`. Its names may not be the vocabulary's.
   */
  data?: Readonly<Record<string, unknown>>;
  /** The language of the messages: "zh-CN" or "en" (default). */
  locale?: Locale;
}

/** What the inspection of a compiled template finds, before it is written in a language. */
interface Analysis extends InspectTemplateResult {
  /** Per tag (same order as `tags`): its file and text offset, to find Word's marks around it. */
  offsets: { file: string; offset: number | undefined; length: number }[];
}

/**
 * Checks a compiled template against the vocabulary (and your own data): the one analysis shared by
 * {@link inspectTemplate} and `renderSummary`, so that no template `inspect` flags is rendered.
 * (Internal: used by render-summary.ts.)
 * @param parts - what the template engine saw of each part
 * @param structural - the issues of a template that did not parse
 * @param data - your own data, already checked by `checkData`
 */
export function analyseTemplate(
  parts: CompiledParts,
  structural: readonly TemplateIssue[] = [],
  data?: Readonly<Record<string, unknown>>,
): InspectTemplateResult {
  const out: Analysis = { tags: [], issues: [...structural], warnings: [], offsets: [] };
  const root = rootScopeWith(data);
  const files = [...parts.tags.keys()].sort((a, b) => partRank(a) - partRank(b));
  for (const file of files) {
    walkPart(file, parts.tags.get(file) ?? [], parts, root, out);
    fullWidthBraces(file, parts, out);
  }
  if (structural.length > 0) {
    // Loops that do not pair up leave their tags in the wrong scope: saying so again is noise.
    out.issues = out.issues.filter((issue) => issue.code !== TemplateIssueCode.TagOutOfScope);
  }
  if (out.tags.length === 0 && structural.length === 0 && out.issues.length === 0) {
    out.issues.push(makeIssue(TemplateIssueCode.NoTags, msg("no_tags", {})));
  }
  out.warnings.push(...wordMarkWarnings(parts, out.tags, out.offsets));
  return { tags: out.tags, issues: out.issues, warnings: out.warnings };
}

/**
 * Inspects a template without rendering it: the tags it uses, where each one is, and every problem at
 * once — braces that do not pair up, loops that are not closed or closed in the wrong order, `{@…}` tags
 * that share their paragraph, tags that are not in the vocabulary (with a "did you mean"), tags used
 * outside the loop that fills them — each with a stable code, the part (body, header, footer) and the
 * text of its paragraph, and an explanation for someone editing the template in Word or WPS.
 * The structural problems are the very issues `renderTemplate` throws for the same template.
 * @param template - the .docx template's bytes
 * @param options - {@link InspectTemplateOptions}: your own `data` (its fields are tags too), the `locale`
 * @returns {@link InspectTemplateResult}: `issues` is empty for a template that renders cleanly;
 *   `warnings` lists what renders but not as meant
 * @throws {@link TemplateError} `invalid_template` only for a file that cannot be opened at all (not a
 *   .docx, too large, a DTD): there is nothing to inspect
 * @throws {@link InvalidDataError} (`invalid_data`) for `data` that shadows a tag or is not JSON-like
 * @throws TypeError when `template` is not a Uint8Array; RangeError for an unknown `locale`
 * @example
 * inspectTemplate(await builtInTemplate("report")).issues //=> []
 * inspectTemplate(bytesWith("{titel}")).issues[0]
 * //=> { code: "unknown_tag", tag: "titel", suggestion: "title", part: "body", paragraph: "{titel}",
 * //     message: "body «{titel}»: {titel} is not a tag this library fills (did you mean {title}?). …" }
 */
export function inspectTemplate(
  template: Uint8Array,
  options: InspectTemplateOptions = {},
): InspectTemplateResult {
  const locale = checkLocale(options.locale);
  const data = checkData(options.data, locale);
  let structural: TemplateIssue[] = [];
  let parts: CompiledParts | undefined;
  let compiled: ReturnType<typeof compileTemplate>;
  try {
    compiled = compileTemplate(template, (issues, seen) => {
      structural = issues;
      parts = seen;
    });
  } catch (error) {
    if (error instanceof TemplateError) throw localizeTemplateError(error, locale);
    throw error;
  }
  parts ??= compiled?.parts;
  if (!parts) return { tags: [], issues: localizeIssues(structural, locale), warnings: [] };
  const found = analyseTemplate(parts, structural, data);
  return {
    tags: found.tags,
    issues: localizeIssues(found.issues, locale),
    warnings: localizeIssues(found.warnings, locale),
  };
}
