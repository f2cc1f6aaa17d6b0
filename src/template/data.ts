/**
 * Your own data for a template: fields no summary holds (单位名称, 联系人, …), filled by tags of your own
 * (`{unitName}`, `{#contacts}{name}{/contacts}`). They sit beside the vocabulary's fields at the top level of
 * the data a template reads, and may not take a vocabulary name: `{title}` must always print the summary's
 * title.
 */
import { ErrorCode, formatPath, type IssuePath, MeetingSummaryError } from "../errors/index.js";
import { type Locale, Locale as Locales } from "../messages/catalogue.js";
import { msg, templateText } from "./messages.js";
import { type TemplateIssue, TemplateIssueCode } from "./template-issues.js";
import { rootNames, vocabularyTags } from "./vocabulary.js";

/** Your own data: a JSON object whose fields are text, numbers, true/false, lists and objects. */
export type TemplateData = Readonly<Record<string, unknown>>;

function describe(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "function") return "a function";
  if (typeof value === "bigint") return `the bigint ${value}`;
  if (typeof value === "symbol") return "a symbol";
  if (typeof value === "number") return String(value);
  if (value instanceof Date) return "a Date";
  return Object.prototype.toString.call(value).slice(8, -1);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function checkValue(value: unknown, path: (string | number)[], bad: IssuePath[]): void {
  if (value === null || typeof value === "string" || typeof value === "boolean") return;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) bad.push(path);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((entry, i) => {
      checkValue(entry, [...path, i], bad);
    });
    return;
  }
  if (isPlainObject(value)) {
    for (const [key, field] of Object.entries(value)) checkValue(field, [...path, key], bad);
    return;
  }
  bad.push(path);
}

function valueAt(data: TemplateData, path: IssuePath): unknown {
  let value: unknown = data;
  for (const key of path) value = (value as Record<string | number, unknown>)[key];
  return value;
}

/** An error about your own data: one issue per field. */
export class InvalidDataError extends MeetingSummaryError {
  override name = "InvalidDataError";
  constructor(issues: readonly TemplateIssue[], message: string) {
    super(ErrorCode.InvalidData, message, issues);
  }
}

/**
 * Checks your own data: an object, every value JSON-like, no top-level name of the vocabulary.
 * @param data - the `data` option, or undefined
 * @param locale - the language of the messages
 * @returns the data, unchanged
 * @throws {@link InvalidDataError} (`invalid_data`) naming each field that shadows a tag (with the tag) or
 *   holds something else than text, numbers, true/false, lists and objects
 * @throws TypeError when `data` is not an object
 * @example
 * checkData({ title: "x" }, "en")
 * //=> throws InvalidDataError: "The data field title has the name of this library's tag {title} …"
 */
export function checkData(data: unknown, locale: Locale = Locales.En): TemplateData | undefined {
  if (data === undefined) return undefined;
  if (!isPlainObject(data)) {
    throw new TypeError(`options.data must be an object of your own fields (got ${describe(data)})`);
  }
  const issues: TemplateIssue[] = [];
  const at = (path: IssuePath, code: string, text: string): TemplateIssue => ({
    path,
    code,
    message: text,
    explanation: text,
  });
  for (const key of Object.keys(data)) {
    if (!rootNames.includes(key)) continue;
    const usage = vocabularyTags.find((t) => t.scope === "" && t.name === key)?.usage ?? `{${key}}`;
    const issue = at(
      [key],
      TemplateIssueCode.DataShadowsTag,
      templateText(msg("data_shadows_tag", { key, usage }), locale),
    );
    issue.tag = key;
    issues.push(issue);
  }
  const bad: IssuePath[] = [];
  for (const [key, value] of Object.entries(data)) checkValue(value, [key], bad);
  for (const path of bad) {
    const got = describe(valueAt(data, path));
    issues.push(
      at(
        path,
        TemplateIssueCode.InvalidData,
        templateText(msg("invalid_data", { path: formatPath(path), got }), locale),
      ),
    );
  }
  if (issues.length > 0) {
    const first = issues[0]?.message ?? "";
    const more = issues.length - 1;
    const message =
      locale === Locales.ZhCN
        ? `自定义数据有误：${first}${more > 0 ? `（另有 ${more} 处问题）` : ""}`
        : `Invalid data: ${first}${more > 0 ? ` (and ${more} more)` : ""}`;
    throw new InvalidDataError(issues, message);
  }
  return data;
}
