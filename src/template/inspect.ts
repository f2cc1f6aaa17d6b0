import { suggest } from "../model/issues.js";
import { type CompiledParts, compileTemplate, type ParsedTag } from "./render.js";
import { makeIssue, partName, type TemplateIssue, TemplateIssueCode } from "./template-issues.js";
import {
  namesInScope,
  ROOT_SCOPE,
  resolveTag,
  scopesOf,
  TagKind,
  tagVocabulary,
  type VocabularyScope,
} from "./vocabulary.js";

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
}

/** What {@link inspectTemplate} finds. */
export interface InspectTemplateResult {
  /** Every tag in document order, body first, then headers, footers and the rest. */
  tags: TemplateTag[];
  /** Every problem at once: structural ones first (as rendering would report them), then vocabulary ones. */
  issues: TemplateIssue[];
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

function where(scope: string): string {
  if (scope === "") return "at the top level";
  const loop = tagVocabulary.find((t) => (t.scope === "" ? t.name : `${t.scope}.${t.name}`) === scope);
  return loop?.kind === TagKind.Group
    ? `as {${scope}.…}`
    : `inside ${loop?.usage ?? `{#${scope}}…{/${scope}}`}`;
}

/** Checks one tag against the vocabulary, given where it is. */
function vocabularyIssue(
  name: string,
  sign: TagSign,
  scopes: readonly VocabularyScope[],
  place: { part: string; paragraph?: string | undefined },
): { issue?: TemplateIssue; scope?: VocabularyScope } {
  const at = { tag: name, ...place };
  if (name === "") {
    // `{title}}` also leaves a nameless tag behind; only braces written as `{}` are reported as empty.
    if (!/\{\s*\}/.test(place.paragraph ?? "{}")) return {};
    return {
      issue: makeIssue(
        TemplateIssueCode.EmptyTag,
        "These braces hold no tag name. Type a tag name between them, or delete them.",
        at,
      ),
    };
  }
  const found = resolveTag(name, scopes);
  if (!found) {
    const definedIn = scopesOf(name.split(".").at(-1) ?? name).filter((s) => !name.includes(".") || s !== "");
    if (definedIn.length > 0 && !name.includes(".")) {
      const places = [...new Set(definedIn)].map(where).join(", or ");
      return {
        issue: makeIssue(
          TemplateIssueCode.TagOutOfScope,
          `{${name}} is only filled ${places}; here it is not inside such a part. Move it there, or use another tag.`,
          at,
        ),
      };
    }
    const suggestion = suggest(name, namesInScope(scopes));
    const issue = makeIssue(
      TemplateIssueCode.UnknownTag,
      `{${sign}${name}} is not a tag this library fills${suggestion ? ` (did you mean {${sign}${suggestion}}?)` : ""}. Check its spelling against the list of tags in docs/templates.md.`,
      at,
    );
    if (suggestion) issue.suggestion = suggestion;
    return { issue };
  }
  const opens = sign === "#" || sign === "^";
  let explanation: string | undefined;
  if (sign === "" && found.kind === TagKind.Loop) {
    explanation = `{${name}} is a list, not text. Write {#${name}} and {/${name}} around what should repeat for each entry.`;
  } else if (sign === "" && found.kind === TagKind.Group) {
    explanation = `{${name}} is a group of fields, not text. Write one of its fields, e.g. {${name}.${Object.keys(found.scope?.fields ?? {})[0] ?? "…"}}.`;
  } else if (sign === "" && found.kind === TagKind.Condition) {
    explanation = `{${name}} is true or false, not text. Write {#${name}} and {/${name}} around what should print only when it is true.`;
  } else if (sign === "" && found.kind === TagKind.Raw) {
    explanation = `{${name}} holds ready-made paragraphs. Write {@${name}} alone in a paragraph of its own.`;
  } else if (sign === "@" && found.kind !== TagKind.Raw) {
    explanation = `{@${name}} is written for ready-made paragraphs, but {${name}} is ${found.kind === TagKind.Value ? "text" : "not"}: write {${name}} without @.`;
  }
  const result: { issue?: TemplateIssue; scope?: VocabularyScope } = {};
  if (explanation) result.issue = makeIssue(TemplateIssueCode.WrongTagKind, explanation, at);
  if (opens && found.scope) result.scope = found.scope;
  return result;
}

/** Walks a part's tags (nested loops, or flat ones when the template does not parse) in document order. */
function walkPart(
  file: string,
  parsed: readonly ParsedTag[],
  parts: CompiledParts,
  out: InspectTemplateResult,
) {
  const part = partName(file);
  const locate = parts.locators.get(file);
  // Parallel stacks: the loop names written in the template, and the vocabulary scopes they open.
  const names: string[] = [];
  const scopes: VocabularyScope[] = [ROOT_SCOPE];
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
      const { issue, scope } = vocabularyIssue(name, sign, scopes, { part, paragraph });
      const tag: TemplateTag = { name, sign, scope: names.join("."), part, known: issue === undefined };
      if (paragraph !== undefined) tag.paragraph = paragraph;
      out.tags.push(tag);
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
function fullWidthBraces(file: string, parts: CompiledParts, out: InspectTemplateResult): void {
  const part = partName(file);
  for (const paragraph of parts.locators.get(file)?.all() ?? []) {
    for (const [written, sign = "", name = ""] of paragraph.matchAll(FULL_WIDTH_TAG)) {
      out.issues.push(
        makeIssue(
          TemplateIssueCode.FullWidthBraces,
          `${written} is typed with full-width braces ｛｝, so it is printed as it is. Type the braces with the input method in English mode: {${sign}${name}}.`,
          { tag: name, part, paragraph },
        ),
      );
    }
  }
}

/**
 * Inspects a template without rendering it: the tags it uses, where each one is, and every problem at
 * once — braces that do not pair up, loops that are not closed or closed in the wrong order, `{@…}` tags
 * that share their paragraph, tags that are not in the vocabulary (with a "did you mean"), tags used
 * outside the loop that fills them — each with a stable code, the part (body, header, footer) and the
 * text of its paragraph, and an explanation for someone editing the template in Word or WPS.
 * The structural problems are the very issues `renderTemplate` throws for the same template.
 * @param template - the .docx template's bytes
 * @returns {@link InspectTemplateResult}: `issues` is empty for a template that renders cleanly
 * @throws {@link TemplateError} `invalid_template` only for a file that cannot be opened at all (not a
 *   .docx, too large, a DTD): there is nothing to inspect
 * @throws TypeError when `template` is not a Uint8Array
 * @example
 * inspectTemplate(await builtInTemplate("report")).issues //=> []
 * inspectTemplate(bytesWith("{titel}")).issues[0]
 * //=> { code: "unknown_tag", tag: "titel", suggestion: "title", part: "body", paragraph: "{titel}",
 * //     message: "body «{titel}»: {titel} is not a tag this library fills (did you mean {title}?). …" }
 */
export function inspectTemplate(template: Uint8Array): InspectTemplateResult {
  let structural: TemplateIssue[] = [];
  let parts: CompiledParts | undefined;
  const compiled = compileTemplate(template, (issues, seen) => {
    structural = issues;
    parts = seen;
  });
  parts ??= compiled?.parts;
  const out: InspectTemplateResult = { tags: [], issues: [...structural] };
  if (!parts) return out;
  const files = [...parts.tags.keys()].sort((a, b) => partRank(a) - partRank(b));
  for (const file of files) {
    walkPart(file, parts.tags.get(file) ?? [], parts, out);
    fullWidthBraces(file, parts, out);
  }
  return out;
}
