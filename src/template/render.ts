import Docxtemplater from "docxtemplater";
import type PizZip from "pizzip";
import { ErrorCode, type Issue, TemplateError } from "../errors/index.js";
import { openZip, zipToBytes } from "./zip.js";

/** What to do with a template tag that has no value in the view data. */
export const MissingValues = {
  /** Fail, naming each tag (the default): a misspelt tag must not print as nothing. */
  Error: "error",
  /** Print nothing in its place. */
  Empty: "empty",
} as const;
export type MissingValues = (typeof MissingValues)[keyof typeof MissingValues];

/** A template problem: an {@link Issue} that also names the tag and the part of the document. */
export interface TemplateIssue extends Issue {
  /** The tag concerned, without braces, when there is one. */
  tag?: string;
  /** Where in the document: "body", "header", "footer", or the file inside the .docx. */
  part?: string;
}

/**
 * Tags are names or dotted paths into the view data — `{title}`, `{meeting.kind}` — and `{.}` is the
 * current item of a loop. Only own properties are read, so a tag can never reach `constructor` or other
 * prototype members.
 */
function tagParser(tag: string) {
  const trimmed = tag.trim();
  const keys = trimmed === "." ? [] : trimmed.split(".");
  return {
    get(scope: unknown): unknown {
      let value = scope;
      for (const key of keys) {
        if (value === null || typeof value !== "object" || !Object.hasOwn(value, key)) return undefined;
        value = (value as Record<string, unknown>)[key];
      }
      return value;
    },
  };
}

/** Names a .docx part the way a template author sees it. */
function partName(file: string | undefined): string | undefined {
  if (file === undefined) return undefined;
  if (file === "word/document.xml") return "body";
  const match = /^word\/(header|footer)\d*\.xml$/.exec(file);
  return match ? match[1] : file;
}

interface XtError {
  name?: string;
  message?: string;
  properties?: {
    id?: string;
    xtag?: string;
    explanation?: string;
    file?: string;
    errors?: XtError[];
  };
}

function templateIssue(error: XtError): TemplateIssue {
  const p = error.properties ?? {};
  const part = partName(p.file);
  const issue: TemplateIssue = {
    path: [],
    code: p.id ?? "template_error",
    message: `${part ? `${part}: ` : ""}${p.explanation ?? error.message ?? "the template cannot be used"}`,
  };
  if (p.xtag !== undefined) issue.tag = p.xtag;
  if (part !== undefined) issue.part = part;
  return issue;
}

/** docxtemplater's errors (one, or a "multi error" holding all) → one TemplateError with every issue. */
function fromDocxtemplater(
  error: unknown,
  code: typeof ErrorCode.InvalidTemplate | typeof ErrorCode.RenderFailed,
) {
  const xt = error as XtError;
  if (!xt?.properties) return error;
  const all = xt.properties.errors ?? [xt];
  return new TemplateError(code, all.map(templateIssue), { cause: error });
}

function open(template: Uint8Array): PizZip {
  let zip: PizZip;
  try {
    zip = openZip(template);
  } catch (cause) {
    throw new TemplateError(
      ErrorCode.InvalidTemplate,
      [
        {
          path: [],
          code: "not_a_docx",
          message: "The template is not a .docx file: it is not a zip archive",
        },
      ],
      { cause },
    );
  }
  if (!zip.file("word/document.xml")) {
    throw new TemplateError(ErrorCode.InvalidTemplate, [
      {
        path: [],
        code: "not_a_docx",
        message: "The template is not a .docx file: it has no word/document.xml",
      },
    ]);
  }
  return zip;
}

/** Options of {@link renderTemplate}. */
export interface RenderTemplateOptions {
  /** A tag without a value: `"error"` (default) or `"empty"`. */
  missingValues?: MissingValues;
}

/**
 * Fills a .docx template with view data (docxtemplater: paragraph loops, line breaks in values, dotted
 * tags) and returns the document with fixed zip timestamps, so the same input gives the same bytes.
 * `renderSummary` calls it with `toView(summary)`; call it yourself to fill a template with data of your own.
 * @param template - the .docx template's bytes
 * @param view - the data its tags read, e.g. `toView(summary)`
 * @param options - {@link RenderTemplateOptions}
 * @example
 * renderTemplate(await builtInTemplate("report"), toView(summary)) //=> Uint8Array (a .docx)
 * @throws {@link TemplateError} `invalid_template` for a template that cannot be used, `render_failed`
 *   when a tag has no value (unless `missingValues: "empty"`) — each problem an issue.
 */
export function renderTemplate(
  template: Uint8Array,
  view: object,
  options: RenderTemplateOptions = {},
): Uint8Array {
  const zip = open(template);
  const missing: string[] = [];
  let doc: Docxtemplater;
  try {
    doc = new Docxtemplater(zip, {
      paragraphLoop: true,
      linebreaks: true,
      // Problems reach the caller as a TemplateError; nothing is printed to the console.
      errorLogging: false,
      parser: tagParser,
      nullGetter(part) {
        // Loops and conditions on a missing value simply do not render; a plain tag is a missing value.
        if (!part.module && part.value !== undefined) missing.push(String(part.value));
        return "";
      },
    });
  } catch (error) {
    throw fromDocxtemplater(error, ErrorCode.InvalidTemplate);
  }
  try {
    doc.render(view);
  } catch (error) {
    throw fromDocxtemplater(error, ErrorCode.RenderFailed);
  }
  if (missing.length > 0 && options.missingValues !== MissingValues.Empty) {
    throw new TemplateError(
      ErrorCode.RenderFailed,
      [...new Set(missing)].map((tag) => ({
        path: [],
        code: "missing_value",
        tag,
        message: `The tag {${tag}} has no value: it is not part of the view data (check its spelling), or pass missingValues: "empty" to print nothing`,
      })),
    );
  }
  return zipToBytes(doc.getZip());
}
