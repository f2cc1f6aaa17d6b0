/*
 * Every sentence the model writes about a summary, in zh-CN and en: the schema's issues, the consistency
 * rules' findings and the JSON file's syntax error. A key is the issue's code, or `code.variant` where one
 * code is said in several ways (`required.printer`): the code an issue carries is the key up to the dot.
 *
 * Each message is a whole sentence and names its field itself ({@link fieldName}), because Chinese puts
 * the field where its grammar wants it: “会议信息（meeting）中没有“hots”这一字段”.
 */

import { formatPath, type IssuePath } from "../errors/index.js";
import { defineMessages, type Locale } from "../messages/catalogue.js";
import type { SentenceKind } from "./facts.js";
import { labelFor } from "./labels.js";

/**
 * The field at `path` as a message names it: `organization.blocks[2].heading (条目标题)` in English;
 * in Chinese its name first and the path in brackets, inside the top-level field it belongs to:
 * `会议召开（organization）中的条目标题（organization.blocks[2].heading）`.
 * @example
 * fieldName(["title"], "zh-CN") //=> "标题（title）"
 * fieldName(["opening", 0], "zh-CN") //=> "导语第 1 段（opening[0]）"
 */
export function fieldName(path: IssuePath, locale: Locale): string {
  const written = formatPath(path);
  if (locale === "en") {
    const label = labelFor(path);
    return `${written || "The summary"}${label ? ` (${label})` : ""}`;
  }
  if (path.length === 0) return "会议总结";
  const last = path[path.length - 1];
  const name = typeof last === "number" ? entryName(path.slice(0, -1), last) : labelFor(path);
  const root = path[0];
  const rootName = typeof root === "string" ? labelFor([root]) : undefined;
  // The top-level field the value sits in, unless the name already says it (导语第 1 项, date.text).
  const within =
    rootName && path.length > 1 && !(typeof last === "number" && path.length === 2) && name !== rootName
      ? `${rootName}（${String(root)}）中的`
      : "";
  return name ? `${within}${name}（${written}）` : `${within}字段 ${written}`;
}

/** How the entries of a list are counted: paragraphs by 段, problems by 条, everything else by 项. */
const MEASURE: Record<string, string> = { opening: "段", closing: "段", problems: "条", rectification: "条" };

/** The Chinese name of entry `index` of the list at `list`: 导语第 1 段, 附件2, 内容第 3 项. */
function entryName(list: IssuePath, index: number): string | undefined {
  const key = list[list.length - 1];
  if (list.length === 1 && key === "attachments") return `附件${index + 1}`;
  const name = labelFor(list);
  return name && `${name}第 ${index + 1} ${MEASURE[String(key)] ?? "项"}`;
}

/** A value as the messages quote it: `"2026-13-01"`, `5`, `a list` / `数字 5`, `列表`. */
export function describeValue(value: unknown, locale: Locale): string {
  const zh = locale === "zh-CN";
  if (value === undefined) return zh ? "空缺" : "nothing";
  if (value === null) return zh ? "空值 null" : "null";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "number") return zh ? `数字 ${value}` : String(value);
  if (typeof value === "boolean") return zh ? `布尔值 ${value}` : String(value);
  if (typeof value === "bigint") return zh ? `大整数 ${value}n` : `the BigInt ${value}n`;
  if (typeof value === "symbol") return zh ? "符号（Symbol）" : "a symbol";
  if (typeof value === "function") return zh ? "函数" : "a function";
  if (Array.isArray(value)) return zh ? "列表" : "a list";
  if (value instanceof Date) return zh ? "日期对象" : "a date";
  return zh ? "对象" : "an object";
}

/** The kind of value a field needs, by zod's name for it. */
const EXPECTED: Record<Locale, Record<string, string>> = {
  en: {
    string: "text",
    array: "a list",
    object: "an object",
    date: "a date",
    number: "a number",
    boolean: "true or false",
    int: "a whole number",
  },
  "zh-CN": {
    string: "文字",
    array: "列表",
    object: "对象",
    date: "日期",
    number: "数字",
    boolean: "true 或 false",
    int: "整数",
  },
};

/** `"a", "b" or "c"` / `"a"、"b" 或 "c"` */
export function quoteList(values: readonly unknown[], locale: Locale): string {
  const quoted = values.map((v) => JSON.stringify(v));
  if (quoted.length <= 1) return quoted.join("");
  return locale === "en"
    ? `${quoted.slice(0, -1).join(", ")} or ${quoted.at(-1)}`
    : `${quoted.slice(0, -1).join("、")} 或 ${quoted.at(-1)}`;
}

const en = (path: IssuePath) => fieldName(path, "en");
const zh = (path: IssuePath) => fieldName(path, "zh-CN");
/** The Chinese name of a field the message only mentions: `主持人` for `["meeting", "host"]`. */
const zhLabel = (path: IssuePath) => {
  const label = labelFor(path);
  return label ? `（${label}）` : "";
};

/** What each standard sentence needs, for the message when it is missing. */
const SENTENCE_NEEDS: Record<Locale, Record<SentenceKind, string>> = {
  en: {
    meeting: "meeting.date and meeting.organizer (or signature)",
    agenda: "meeting.agenda",
    preparation: "meeting.preparation.talks or meeting.preparation.opinions",
    criticism: "meeting.criticism.speakers or meeting.criticism.criticisms",
    evaluation: "evaluation",
    rectification: "problems or rectification",
  },
  "zh-CN": {
    meeting: "会议日期（meeting.date），以及召开单位（meeting.organizer）或发文机关署名（signature）",
    agenda: "会议议程（meeting.agenda）",
    preparation: "谈心谈话人次（meeting.preparation.talks）或征求意见条数（meeting.preparation.opinions）",
    criticism: "发言人数（meeting.criticism.speakers）或批评意见条数（meeting.criticism.criticisms）",
    evaluation: "民主评议党员（evaluation）",
    rectification: "查摆问题（problems）或整改清单（rectification）",
  },
};

/** The Chinese name of each standard sentence. */
const SENTENCE_NAMES: Record<SentenceKind, string> = {
  meeting: "会议召开情况",
  agenda: "会议议程",
  preparation: "会前准备情况",
  criticism: "批评和自我批评情况",
  evaluation: "民主评议结果",
  rectification: "问题整改情况",
};

type At = { path: IssuePath };

/** One mistake in a 发文字号 (see document-schema.ts), as {@link documentNumberMessages} words it. */
export type DocumentNumberMistake =
  | { kind: "brackets"; open: string; close: string }
  | { kind: "ordinal" }
  | { kind: "padded"; number: string }
  | { kind: "noBrackets" }
  | { kind: "noCode" }
  | { kind: "year"; year: string }
  | { kind: "noHao"; year: string }
  | { kind: "zero" }
  | { kind: "serial"; serial: string }
  | { kind: "shape" };

/** The parts of an `invalid_document_number` message: one per mistake a 发文字号 can have. */
export const documentNumberMessages = defineMessages({
  brackets: {
    "zh-CN": (p: { open: string; close: string }) => `年份用了“${p.open}${p.close}”，应使用六角括号“〔〕”`,
    en: (p: { open: string; close: string }) => `uses ${p.open}${p.close} instead of 〔〕 around the year`,
  },
  ordinal: {
    "zh-CN": () => "发文顺序号前不加“第”字",
    en: () => "must not put 第 before the number",
  },
  padded: {
    "zh-CN": (p: { number: string }) => `发文顺序号“${p.number}”不编虚位，前面不加 0`,
    en: (p: { number: string }) => `number ${p.number} must not be zero-padded`,
  },
  noBrackets: {
    "zh-CN": () => "年份应用六角括号“〔〕”括入，如 某委发〔2026〕5号",
    en: () => "must put the year in hexagonal brackets 〔〕, like 某委发〔2026〕5号",
  },
  noCode: {
    "zh-CN": () => "应以发文机关代字开头，如 某委发〔2026〕5号",
    en: () => "must start with the issuer's code (机关代字), like 某委发〔2026〕5号",
  },
  year: {
    "zh-CN": (p: { year: string }) => `〔〕内的年份应为四位数字，实际为“〔${p.year}〕”`,
    en: (p: { year: string }) => `must give the year as four digits in 〔〕 (got 〔${p.year}〕)`,
  },
  noHao: {
    "zh-CN": (p: { year: string }) => `发文顺序号后应加“号”字，如 某委发〔${p.year}〕5号`,
    en: (p: { year: string }) => `must end with 号 after the number, like 某委发〔${p.year}〕5号`,
  },
  zero: {
    "zh-CN": () => "发文顺序号从 1 起编，不能为 0",
    en: () => "number 0 is not a serial number: they start at 1",
  },
  serial: {
    "zh-CN": (p: { serial: string }) => `“号”字前应为阿拉伯数字的发文顺序号，实际为“${p.serial}”`,
    en: (p: { serial: string }) =>
      `must have an Arabic serial number before 号 (got ${JSON.stringify(p.serial)})`,
  },
  shape: {
    "zh-CN": () => "应写作 某委发〔2026〕5号 的形式：机关代字、六角括号内的年份、发文顺序号、“号”字",
    en: () => "must look like 某委发〔2026〕5号: 机关代字, the year in 〔〕, the number, 号",
  },
});

function mistakeText(mistake: DocumentNumberMistake, locale: Locale): string {
  const { kind, ...params } = mistake;
  return (documentNumberMessages[kind][locale] as (p: object) => string)(params);
}

/**
 * What is wrong with a 发文字号, from its mistakes: the ones with one right correction (with the number
 * written right, when that is all), then what is wrong with its shape.
 */
export function documentNumberText(
  p: { mistakes: readonly DocumentNumberMistake[]; corrected?: string | undefined },
  locale: Locale,
): string {
  const shape = p.mistakes.find((m) => !CORRECTABLE.has(m.kind));
  const fixes = p.mistakes.filter((m) => CORRECTABLE.has(m.kind)).map((m) => mistakeText(m, locale));
  const shapeText = shape && mistakeText(shape, locale);
  if (locale === "en") {
    if (fixes.length === 0) return shapeText ?? "";
    if (shapeText === undefined) return `${fixes.join("; ")}: write ${p.corrected}`;
    return `${fixes.join("; ")}; and ${shapeText}`;
  }
  if (fixes.length === 0) return shapeText ?? "";
  if (shapeText === undefined) return `${fixes.join("；")}，应写作 ${p.corrected}`;
  return `${fixes.join("；")}；此外，${shapeText}`;
}

const CORRECTABLE = new Set<DocumentNumberMistake["kind"]>(["brackets", "ordinal", "padded"]);

/** A position in a JSON file: its line and column (from 1), and the character there. */
type JsonPlace = { line: number; column: number; char?: string | undefined };

/** Full-width punctuation typed with a Chinese input method where JSON needs ASCII. */
const FULL_WIDTH = /^[，：；“”‘’｛｝［］　]$/u;

/** The model's messages, by issue code (see the file's comment). */
export const modelMessages = defineMessages({
  required: {
    "zh-CN": (p: At) => `${zh(p.path)}为必填项，未填写`,
    en: (p: At) => `${en(p.path)} is required`,
  },
  "required_by_template.issuer": {
    "zh-CN": (p: At) => `使用红头文件模板（document）时，${zh(p.path)}为必填项：版头将其印为发文机关标志`,
    en: (p: At) =>
      `${en(p.path)} is required by the document template (红头文件): the 版头 prints it as the 发文机关标志`,
  },
  "required_by_template.documentNumber": {
    "zh-CN": (p: At) => `使用红头文件模板（document）时，${zh(p.path)}为必填项：版头将其印在红色分隔线之上`,
    en: (p: At) =>
      `${en(p.path)} is required by the document template (红头文件): the 版头 prints it above the red rule`,
  },
  "required_by_template.signOff": {
    "zh-CN": (p: At) =>
      `使用红头文件模板（document）时，${zh(p.path)}为必填项：公文正文之后须有发文机关署名和成文日期（GB/T 9704 7.3.5）`,
    en: (p: At) =>
      `${en(p.path)} is required by the document template (红头文件): a 公文's text ends with the issuing organ's signature and the date (GB/T 9704 7.3.5)`,
  },
  "required_by_template.banji": {
    "zh-CN": (p: At) => `使用红头文件模板（document）时，${zh(p.path)}为必填项：版记将其印在最后一页（封四）`,
    en: (p: At) =>
      `${en(p.path)} is required by the document template (红头文件): its 版记 prints it, on the back of the last sheet`,
  },
  "required.blockType": {
    "zh-CN": (p: At & { options: readonly string[] }) =>
      `${zh(p.path)}未填写，应为 ${quoteList(p.options, "zh-CN")} 之一`,
    en: (p: At & { options: readonly string[] }) =>
      `${en(p.path)} is required: one of ${quoteList(p.options, "en")}`,
  },
  "required.upwardSigner": {
    "zh-CN": (p: At) => `${zh(p.path)}未填写：上行文（行文方向为 "upward"）须注明签发人`,
    en: (p: At) => `${en(p.path)} is required for an upward document (direction "upward")`,
  },
  "required.printDate": {
    "zh-CN": (p: At) => `${zh(p.path)}未填写：填写了印发机关（printer），版记须同时印出印发日期`,
    en: (p: At) => `${en(p.path)} is required with printer: the 版记 prints both`,
  },
  "required.printerForPrintDate": {
    "zh-CN": (p: At) => `${zh(p.path)}未填写：填写了印发日期（printDate），版记须同时印出印发机关`,
    en: (p: At) => `${en(p.path)} is required with printDate: the 版记 prints both`,
  },
  "required.printerForCopyTo": {
    "zh-CN": (p: At) => `${zh(p.path)}未填写：填写了抄送机关（copyTo），版记须以印发机关和印发日期结尾`,
    en: (p: At) => `${en(p.path)} is required with copyTo: the 版记 ends with it`,
  },
  empty: {
    "zh-CN": (p: At) => `${zh(p.path)}不能为空`,
    en: (p: At) => `${en(p.path)} must not be empty`,
  },
  "empty.list": {
    "zh-CN": (p: At) => `${zh(p.path)}至少应有一项`,
    en: (p: At) => `${en(p.path)} must have at least one entry`,
  },
  invalid_type: {
    "zh-CN": (p: At & { expected: string; got: unknown }) =>
      `${zh(p.path)}应为${EXPECTED["zh-CN"][p.expected] ?? p.expected}，实际为${typeof p.got === "string" ? "文字 " : ""}${describeValue(p.got, "zh-CN")}`,
    en: (p: At & { expected: string; got: unknown }) =>
      `${en(p.path)} must be ${EXPECTED.en[p.expected] ?? p.expected} (got ${describeValue(p.got, "en")})`,
  },
  "invalid_type.form": {
    "zh-CN": (p: At & { got: unknown }) => `${zh(p.path)}的写法不对，实际为${describeValue(p.got, "zh-CN")}`,
    en: (p: At & { got: unknown }) =>
      `${en(p.path)} has an unexpected form (got ${describeValue(p.got, "en")})`,
  },
  unknown_field: {
    "zh-CN": (p: At & { suggestion?: string | undefined; allowed: readonly string[] }) => {
      const field = p.path[p.path.length - 1];
      const parent = p.path.slice(0, -1);
      const within = parent.length === 0 ? "会议总结中" : `${zh(parent)}中`;
      const hint = p.suggestion
        ? `是否应为“${p.suggestion}”${zhLabel([...parent, p.suggestion])}？`
        : `此处可用的字段为：${p.allowed.map((f) => `“${f}”`).join("、")}`;
      return `${within}没有“${String(field)}”这一字段，${hint}`;
    },
    en: (p: At & { suggestion?: string | undefined; allowed: readonly string[] }) =>
      `${en(p.path)} is not a field here (${p.suggestion ? `did you mean "${p.suggestion}"?` : `allowed here: ${p.allowed.join(", ")}`})`,
  },
  too_small: {
    "zh-CN": (p: At & { minimum: number | bigint; got: unknown }) =>
      `${zh(p.path)}不能小于 ${p.minimum}，实际为 ${String(p.got)}`,
    en: (p: At & { minimum: number | bigint; got: unknown }) =>
      `${en(p.path)} must be at least ${p.minimum} (got ${describeValue(p.got, "en")})`,
  },
  too_big: {
    "zh-CN": (p: At & { maximum: number | bigint; got: unknown }) =>
      `${zh(p.path)}不能大于 ${p.maximum}，实际为 ${String(p.got)}`,
    en: (p: At & { maximum: number | bigint; got: unknown }) =>
      `${en(p.path)} must be at most ${p.maximum} (got ${describeValue(p.got, "en")})`,
  },
  invalid_value: {
    "zh-CN": (p: At & { values: readonly unknown[]; got: unknown }) =>
      `${zh(p.path)}应为 ${quoteList(p.values, "zh-CN")} 之一，实际为 ${describeValue(p.got, "zh-CN")}`,
    en: (p: At & { values: readonly unknown[]; got: unknown }) =>
      `${en(p.path)} must be one of ${quoteList(p.values, "en")} (got ${describeValue(p.got, "en")})`,
  },
  unknown_block_type: {
    "zh-CN": (p: At & { options: readonly string[]; got: string; suggestion?: string | undefined }) =>
      `${zh(p.path)}应为 ${quoteList(p.options, "zh-CN")} 之一，实际为 ${JSON.stringify(p.got)}${p.suggestion ? `，是否应为 "${p.suggestion}"？` : ""}`,
    en: (p: At & { options: readonly string[]; got: string; suggestion?: string | undefined }) =>
      `${en(p.path)} must be one of ${quoteList(p.options, "en")} (got ${describeValue(p.got, "en")}${p.suggestion ? `; did you mean "${p.suggestion}"?` : ""})`,
  },
  invalid_block: {
    "zh-CN": (p: At & { got: unknown }) =>
      `${zh(p.path)}应为一段文字，或 "type" 为 "paragraph"、"item"、"ordinals"、"generated" 之一的对象，实际为${describeValue(p.got, "zh-CN")}`,
    en: (p: At & { got: unknown }) =>
      `${en(p.path)} must be a paragraph (text) or an object with "type": "paragraph", "item", "ordinals" or "generated" (got ${describeValue(p.got, "en")})`,
  },
  invalid_date: {
    "zh-CN": (p: At & { got: string }) =>
      `${zh(p.path)}应为形如 2026-01-05 的日期，实际为 ${JSON.stringify(p.got)}`,
    en: (p: At & { got: string }) =>
      `${en(p.path)} must be a date like 2026-01-05 (got ${JSON.stringify(p.got)})`,
  },
  "invalid_date.real": {
    "zh-CN": (p: At & { got: string }) =>
      `${zh(p.path)}应为形如 2026-03-31 的确切日期，实际为 ${JSON.stringify(p.got)}`,
    en: (p: At & { got: string }) =>
      `${en(p.path)} must be a real date like 2026-03-31 (got ${JSON.stringify(p.got)})`,
  },
  "invalid_date.year": {
    "zh-CN": (p: At & { got: string }) => `${zh(p.path)}的年份应在 1 至 9999 之间，实际为 ${p.got}`,
    en: (p: At & { got: string }) => `${en(p.path)} must be a date from year 1 to 9999 (got ${p.got})`,
  },
  only_punctuation: {
    "zh-CN": (p: At & { got: string }) => `${zh(p.path)}只有标点（${p.got}），没有文字，打印时会整行消失`,
    en: (p: At & { got: string }) =>
      `${en(p.path)} must contain words, not only punctuation (got ${p.got}): it would print as nothing`,
  },
  "invalid_date.object": {
    "zh-CN": (p: At) => `${zh(p.path)}不是有效的日期（传入的日期对象无效）`,
    en: (p: At) => `${en(p.path)} must be a valid date (got an Invalid Date)`,
  },
  "invalid_date.form": {
    "zh-CN": (p: At & { got: unknown }) =>
      `${zh(p.path)}应为形如 2026-01-05 的日期，日期未定时可写作 {"text": "*月*日"}，实际为${describeValue(p.got, "zh-CN")}`,
    en: (p: At & { got: unknown }) =>
      `${en(p.path)} must be a date like 2026-01-05, or {"text": "…"} for a date not yet known (got ${describeValue(p.got, "en")})`,
  },
  invalid_character: {
    "zh-CN": (p: At & { codePoint: string; position: number }) =>
      `${zh(p.path)}第 ${p.position} 个字符是 ${p.codePoint}，Word 文档无法容纳这个字符，请删去`,
    en: (p: At & { codePoint: string; position: number }) =>
      `${en(p.path)} contains ${p.codePoint} at position ${p.position}, a character a Word document cannot hold`,
  },
  line_break: {
    "zh-CN": (p: At) => `${zh(p.path)}只能是一段文字，不能换行：请把每段分别写成一项`,
    en: (p: At) => `${en(p.path)} must be a single paragraph: put each paragraph in its own entry`,
  },
  level_too_shallow: {
    "zh-CN": (p: At & { level: number; at: number }) =>
      `${zh(p.path)}不能编为第 ${p.level} 级：该条目位于第 ${p.at} 级，层次只能向下跳级`,
    en: (p: At & { level: number; at: number }) =>
      `${en(p.path)} cannot be numbered at level ${p.level}: it stands at level ${p.at} (level may only skip deeper)`,
  },
  too_deep: {
    "zh-CN": (p: At) => `${zh(p.path)}层次过深：条目最多分四级（一、（一）1.（1））`,
    en: (p: At) => `${en(p.path)} is nested too deep: items go down to four levels (一、（一）1.（1）)`,
  },
  invalid_document_number: {
    "zh-CN": (p: At & { mistakes: readonly DocumentNumberMistake[]; corrected?: string | undefined }) =>
      `${zh(p.path)}有误：${documentNumberText(p, "zh-CN")}`,
    en: (p: At & { mistakes: readonly DocumentNumberMistake[]; corrected?: string | undefined }) =>
      `${en(p.path)} ${documentNumberText(p, "en")}`,
  },
  invalid: {
    "zh-CN": (p: At & { detail: string }) => `${zh(p.path)}不符合要求`,
    en: (p: At & { detail: string }) => `${en(p.path)} ${p.detail}`,
  },
  invalid_json: {
    "zh-CN": (p: { place?: JsonPlace | undefined; reason: string }) => {
      if (p.place === undefined) {
        return /end of JSON input/i.test(p.reason)
          ? "文件不是有效的 JSON：内容在结尾处中断，可能缺少右括号“}”“]”或引号"
          : "文件不是有效的 JSON，请检查括号、引号和逗号是否成对、齐全";
      }
      const { line, column, char } = p.place;
      const hint =
        char === undefined
          ? "内容在此中断，可能缺少右括号“}”“]”或引号"
          : FULL_WIDTH.test(char)
            ? `此处是中文标点（${char}），JSON 的标点须用英文半角`
            : "请检查此处前后是否缺少英文逗号、引号或括号";
      return `文件不是有效的 JSON，第 ${line} 行第 ${column} 列有误：${hint}`;
    },
    en: (p: { place?: JsonPlace | undefined; reason: string }) =>
      `The file is not valid JSON${p.place ? ` at line ${p.place.line}, column ${p.place.column}` : ""}: ${p.reason}`,
  },
  attendance_mismatch: {
    "zh-CN": (p: At & { present: number; onLeave: number; absent: number; sum: number; expected: number }) =>
      `${zh(p.path)}人数对不上：实到 ${p.present} 人 + 请假 ${p.onLeave} 人 + 缺席 ${p.absent} 人 = ${p.sum} 人，而应到 ${p.expected} 人`,
    en: (p: At & { present: number; onLeave: number; absent: number; sum: number; expected: number }) =>
      `${en(p.path)} does not add up: 实到 ${p.present} + 请假 ${p.onLeave} + 缺席 ${p.absent} = ${p.sum}, but 应到 is ${p.expected}`,
  },
  attendees_mismatch: {
    "zh-CN": (p: At & { listed: number; present: number }) =>
      `${zh(p.path)}列出 ${p.listed} 人，而实到人数（present）为 ${p.present} 人`,
    en: (p: At & { listed: number; present: number }) =>
      `${en(p.path)} lists ${p.listed} names, but present (实到人数) is ${p.present}`,
  },
  duplicate_name: {
    "zh-CN": (p: At & { name: string; other: string }) =>
      `${zh(p.path)}“${p.name}”已在 ${p.other} 列出，请核对是否重复（确为同名的两人可不必理会）`,
    en: (p: At & { name: string; other: string }) =>
      `${en(p.path)} ${JSON.stringify(p.name)} is also listed at ${p.other}`,
  },
  speakers_over_present: {
    "zh-CN": (p: At & { speakers: number; present: number }) =>
      `${zh(p.path)}为 ${p.speakers} 人，多于实到的 ${p.present} 人（实到人数）`,
    en: (p: At & { speakers: number; present: number }) =>
      `${en(p.path)} is ${p.speakers}, more than the ${p.present} members present (实到人数)`,
  },
  excellent_over_third: {
    "zh-CN": (p: At & { excellent: number; graded: number; max: number }) =>
      `${zh(p.path)}为 ${p.excellent} 人：参评的 ${p.graded} 人中，评为优秀的不得超过三分之一（${p.max} 人）`,
    en: (p: At & { excellent: number; graded: number; max: number }) =>
      `${en(p.path)} is ${p.excellent} of ${p.graded} graded members: at most one third (${p.max}) may be rated 优秀`,
  },
  evaluation_count_mismatch: {
    "zh-CN": (p: At & { total: number; expected: number }) =>
      `${zh(p.path)}共计 ${p.total} 人（参评党员与预备党员），而应到人数（meeting.attendance.expected）为 ${p.expected} 人`,
    en: (p: At & { total: number; expected: number }) =>
      `${en(p.path)} counts ${p.total} members (graded and probationary), but 应到 (meeting.attendance.expected) is ${p.expected}`,
  },
  report_before_meeting: {
    "zh-CN": (p: At & { report: string; meeting: string }) =>
      `${zh(p.path)}为${p.report}，早于会议日期（meeting.date）${p.meeting}`,
    en: (p: At & { report: string; meeting: string }) =>
      `${en(p.path)} ${p.report} is before the meeting date (meeting.date) ${p.meeting}`,
  },
  late_report: {
    "zh-CN": (p: At & { days: number; meeting: string; kind: string; limit: number }) =>
      `${zh(p.path)}距会议（${p.meeting}）已 ${p.days} 天：${p.kind}一般应在会后 ${p.limit} 日内报送`,
    en: (p: At & { days: number; meeting: string; kind: string; limit: number }) =>
      `${en(p.path)} is ${p.days} days after the meeting (${p.meeting}): a ${p.kind} is usually reported within ${p.limit} days`,
  },
  deadline_before_meeting: {
    "zh-CN": (p: At & { deadline: string; meeting: string }) =>
      `${zh(p.path)}为${p.deadline}，早于会议日期（${p.meeting}）`,
    en: (p: At & { deadline: string; meeting: string }) =>
      `${en(p.path)} ${p.deadline} is before the meeting (${p.meeting})`,
  },
  "missing_facts.sentence": {
    "zh-CN": (p: At & { kind: SentenceKind }) =>
      `${zh(p.path)}要求生成“${SENTENCE_NAMES[p.kind]}”一段（"${p.kind}"），但缺少据以生成的内容：请填写${SENTENCE_NEEDS["zh-CN"][p.kind]}`,
    en: (p: At & { kind: SentenceKind }) =>
      `${en(p.path)} asks for the "${p.kind}" sentence, but the facts it is written from are missing: give ${SENTENCE_NEEDS.en[p.kind]}`,
  },
  "missing_facts.rectificationTable": {
    "zh-CN": (p: At) => `${zh(p.path)}为 "rectification"，但整改清单（rectification）没有任何条目`,
    en: (p: At) => `${en(p.path)} is "rectification", but rectification (整改清单) has no entries`,
  },
  "missing_facts.evaluationTable": {
    "zh-CN": (p: At) => `${zh(p.path)}为 "evaluation"，但未填写民主评议党员（evaluation）`,
    en: (p: At) => `${en(p.path)} is "evaluation", but there is no evaluation (民主评议党员)`,
  },
  empty_attachment: {
    "zh-CN": (p: At) => `${zh(p.path)}既没有表格，也没有正文，该附件页将是空白`,
    en: (p: At) => `${en(p.path)} has neither a table nor paragraphs: its page would be empty`,
  },
  unknown_attachment: {
    "zh-CN": (p: At & { number: number; count: number }) =>
      `${zh(p.path)}提到附件${p.number}，但${p.count === 0 ? "本报告没有附件" : `附件只有 ${p.count} 个`}`,
    en: (p: At & { number: number; count: number }) =>
      `${en(p.path)} refers to 附件${p.number}, but the summary has ${p.count === 0 ? "no attachments" : `attachments 1 to ${p.count} only`}`,
  },
  typed_number: {
    "zh-CN": (p: At & { typed: string }) =>
      `${zh(p.path)}以“${p.typed}”开头：序号按先后顺序自动生成，这里再写就会重复`,
    en: (p: At & { typed: string }) =>
      `${en(p.path)} starts with "${p.typed}": numbers are generated from the order, so it would print twice`,
  },
});

/** A key of {@link modelMessages}. */
export type ModelMessageKey = keyof typeof modelMessages;

/** The parameters of a model message, without the path (which every issue has). */
export type ModelMessageParams<K extends ModelMessageKey> = Omit<
  Parameters<(typeof modelMessages)[K]["en"]>[0],
  "path"
>;

/** The issue code a message key stands for: the key up to its first dot. */
export function codeOf(key: string): string {
  return key.split(".")[0] as string;
}
