/*
 * What the command line writes in its own words, in zh-CN and en: the lines around the library's issues,
 * the help of every command and option, and the usage errors (which commander writes in English; the
 * Chinese is put in their place by `localizeUsageError`). The issues themselves come from the library,
 * already in the language asked for.
 */

import { defineMessages, type Locale } from "../messages/catalogue.js";
import { PART_ZH } from "../template/messages.js";

/** What the failing system call said, as a clerk reads it: `文件不存在（ENOENT）`. */
const ERRNO: Record<string, string> = {
  ENOENT: "文件或文件夹不存在",
  EACCES: "没有权限",
  EPERM: "没有权限",
  EISDIR: "这是一个文件夹，不是文件",
  ENOTDIR: "路径中有一段不是文件夹",
  EROFS: "所在磁盘只读",
  ENOSPC: "磁盘空间不足",
  EMFILE: "同时打开的文件过多",
  EBUSY: "文件正被其他程序占用",
};
export const zhReason = (reason: string) => (ERRNO[reason] ? `${ERRNO[reason]}（${reason}）` : reason);

/** The lines the commands write around the library's issues. */
export const cliMessages = defineMessages({
  issue: {
    "zh-CN": (p: { source: string; message: string; code?: string | undefined }) =>
      `${p.source}：${p.message}${p.code ? ` [${p.code}]` : ""}`,
    en: (p: { source: string; message: string; code?: string | undefined }) =>
      `${p.source}: ${p.message}${p.code ? ` [${p.code}]` : ""}`,
  },
  warning: {
    "zh-CN": (p: { source: string; message: string }) => `${p.source}：提醒：${p.message}`,
    en: (p: { source: string; message: string }) => `${p.source}: warning: ${p.message}`,
  },
  valid: {
    "zh-CN": (p: { source: string }) => `${p.source}：校验通过`,
    en: (p: { source: string }) => `${p.source}: valid`,
  },
  wrote: {
    "zh-CN": (p: { file: string }) => `已生成 ${p.file}`,
    en: (p: { file: string }) => `wrote ${p.file}`,
  },
  initWrote: {
    "zh-CN": (p: { file: string }) =>
      `已生成 ${p.file}：请按实际情况修改，然后运行 meeting-summary render ${p.file} -o report.docx`,
    en: (p: { file: string }) =>
      `wrote ${p.file}: edit it, then run: meeting-summary render ${p.file} -o report.docx`,
  },
  exists: {
    "zh-CN": (p: { file: string }) => `${p.file}：文件已存在（如需覆盖，请加 --force）`,
    en: (p: { file: string }) => `${p.file}: already exists (use --force to overwrite)`,
  },
  cannotRead: {
    "zh-CN": (p: { file: string; reason: string }) => `${p.file}：无法读取：${zhReason(p.reason)}`,
    en: (p: { file: string; reason: string }) => `${p.file}: cannot be read (${p.reason})`,
  },
  cannotWrite: {
    "zh-CN": (p: { file: string; reason: string }) => `${p.file}：无法写入：${zhReason(p.reason)}`,
    en: (p: { file: string; reason: string }) => `${p.file}: cannot be written (${p.reason})`,
  },
  partUses: {
    "zh-CN": (p: { file: string; part: string; tags: readonly string[] }) =>
      `${p.file}：${PART_ZH[p.part] ?? p.part}使用了 ${p.tags.join(" ")}`,
    en: (p: { file: string; part: string; tags: readonly string[] }) =>
      `${p.file}: ${p.part} uses ${p.tags.join(" ")}`,
  },
  problems: {
    "zh-CN": (p: { file: string; count: number }) => `${p.file}：共 ${p.count} 处问题`,
    en: (p: { file: string; count: number }) => `${p.file}: ${p.count} problem${p.count === 1 ? "" : "s"}`,
  },
  noProblems: {
    "zh-CN": (p: { file: string }) => `${p.file}：未发现问题`,
    en: (p: { file: string }) => `${p.file}: no problems`,
  },
});

/** The help of the program, its commands, their arguments and options. */
export const helpMessages = defineMessages({
  program: {
    "zh-CN": () => "把会议总结（JSON 或草稿）生成为符合 GB/T 9704-2012 格式的 Word 公文。",
    en: () =>
      "Turn a meeting summary (JSON, or a draft in plain text, Markdown or Word) into an official Word report laid out to GB/T 9704-2012.",
  },
  version: { "zh-CN": () => "显示版本号", en: () => "output the version number" },
  help: { "zh-CN": () => "显示命令的帮助", en: () => "display help for command" },
  lang: {
    "zh-CN": () => "提示和帮助使用的语言，不写时按环境变量 LC_ALL、LC_MESSAGES、LANG 确定",
    en: () => "the language of messages and help (default: from LC_ALL, LC_MESSAGES, LANG)",
  },
  summaryArgument: {
    "zh-CN": () => "会议总结的 JSON 文件，写“-”则从标准输入读取",
    en: () => 'the summary as JSON, or "-" for standard input',
  },
  invalidCharacters: {
    "zh-CN": () => "Word 文档无法容纳的字符：reject 报错，strip 删去",
    en: () => "characters a Word document cannot hold: reject them, or strip them",
  },
  render: {
    "zh-CN": () => "把会议总结生成为 .docx 文档（内容有误时不写任何文件）",
    en: () => "render a summary to a .docx (nothing is written when the input is invalid)",
  },
  output: {
    "zh-CN": () => "生成的文档保存到哪里：.docx 或 .pdf 文件，写“-”则输出到标准输出",
    en: () => 'where to write the document: a .docx, a .pdf, or "-" for standard output',
  },
  inputsArgument: {
    "zh-CN": () =>
      "会议总结：JSON 文件、存放 JSON 文件的文件夹、JSON Lines 文件，或写“-”从标准输入读取（标准输入为管道时默认读取）",
    en: () =>
      'summaries as JSON files, folders of them, JSON Lines files, or "-" for standard input (the default when it is piped)',
  },
  outDir: {
    "zh-CN": () => "每份会议总结写入 <文件夹>/<名称>.docx（文件夹不存在时自动创建）",
    en: () => "write each summary to <folder>/<name>.docx (the folder is created)",
  },
  pdf: {
    "zh-CN": () => "同时在每个 .docx 旁另存 PDF（用 LibreOffice 转换，整批只启动一次）",
    en: () => "also write a PDF beside each .docx (LibreOffice, started once for all)",
  },
  jsonl: {
    "zh-CN": () => "按 JSON Lines 读取文件和标准输入：每行一份会议总结",
    en: () => "read files and standard input as JSON Lines: one summary a line",
  },
  renderJson: {
    "zh-CN": () => "以 JSON 格式在标准输出列出写入的文件和每一处问题",
    en: () => "print the files written and every problem as JSON on standard output",
  },
  validateJson: {
    "zh-CN": () => "以 JSON 格式在标准输出列出校验结果",
    en: () => "print the result as JSON on standard output",
  },
  inspectJson: {
    "zh-CN": () => "以 JSON 格式在标准输出列出标签和每一处问题",
    en: () => "print the tags and every problem as JSON on standard output",
  },
  examples: {
    "zh-CN": (p: { commands: readonly string[]; docs: string }) =>
      `\n示例：\n${p.commands.map((c) => `  $ ${c}`).join("\n")}\n\n说明文档：${p.docs}\n（安装后位于 node_modules/meeting-summary-docx/docs/）\n`,
    en: (p: { commands: readonly string[]; docs: string }) =>
      `\nExamples:\n${p.commands.map((c) => `  $ ${c}`).join("\n")}\n\nDocs: ${p.docs}\n(in the package: node_modules/meeting-summary-docx/docs/)\n`,
  },
  template: {
    "zh-CN": (p: { names: readonly string[] }) => `内置模板（${p.names.join("、")}）或自己的 .docx 模板`,
    en: (p: { names: readonly string[] }) => `a built-in template (${p.names.join(", ")}) or your own .docx`,
  },
  missingValues: {
    "zh-CN": () => "模板中的标签没有对应内容时：error 报错，empty 留空",
    en: () => "a template tag without a value: fail, or print nothing",
  },
  fonts: {
    "zh-CN": () => "内置模板的字体：gb2312 用仿宋_GB2312 等字体，plain 用仿宋、楷体",
    en: () => "built-in templates: the _GB2312 faces, or plain 仿宋/楷体",
  },
  margins: {
    "zh-CN": () => "内置模板的页边距：print 按 GB/T 9704 印刷，screen 按 GB/T 33476.2 屏幕阅读",
    en: () => "built-in templates: GB/T 9704 print margins, or GB/T 33476.2 screen",
  },
  linesPerPage: {
    "zh-CN": (p: { min: number; max: number }) => `内置模板每页的行数（${p.min}-${p.max}，默认 22）`,
    en: (p: { min: number; max: number }) =>
      `built-in templates: lines on a full page (${p.min}-${p.max}, default 22)`,
  },
  linesPerPageInvalid: {
    "zh-CN": (p: { min: number; max: number }) => `应为 ${p.min} 至 ${p.max} 之间的整数`,
    en: (p: { min: number; max: number }) => `a whole number from ${p.min} to ${p.max}`,
  },
  validate: {
    "zh-CN": () => "校验会议总结，逐条列出问题及其位置（有问题时退出码为 1）；提醒不影响结果",
    en: () =>
      "check a summary and list every problem with its path (exit 1 when there is any); warnings do not fail",
  },
  inspect: {
    "zh-CN": () => "列出 .docx 模板用到的标签和其中的每一处问题（有问题时退出码为 1）",
    en: () => "list the tags a .docx template uses and every problem in it (exit 1 when there is any)",
  },
  templateArgument: { "zh-CN": () => "要检查的模板", en: () => "the template to check" },
  import: {
    "zh-CN": () => "把草稿（.txt、.md 或 .docx）读成会议总结的 JSON（无法读取时不写任何文件）",
    en: () =>
      "read a draft (.txt, .md or .docx) into a summary's JSON (nothing is written when it cannot be read)",
  },
  format: {
    "zh-CN": () => "读取草稿（.txt、.md 或 .docx）并生成正式文档（任一步出错时不写任何文件）",
    en: () => "import a draft (.txt, .md or .docx) and render it (nothing is written when either fails)",
  },
  draftArgument: {
    "zh-CN": () => "草稿：纯文本、Markdown 或 Word .docx 文件，写“-”则从标准输入读取",
    en: () => 'the draft: plain text, Markdown or a Word .docx, or "-" for standard input',
  },
  draftsArgument: {
    "zh-CN": () =>
      "草稿：纯文本、Markdown 或 Word .docx 文件，或存放草稿的文件夹；写“-”从标准输入读取（标准输入为管道时默认读取）",
    en: () =>
      'drafts: plain text, Markdown or Word .docx files, folders of them, or "-" for standard input (the default when it is piped)',
  },
  importOutput: {
    "zh-CN": () => "会议总结的 JSON 保存到哪里（默认输出到标准输出）",
    en: () => "where to write the summary (default: standard output)",
  },
  explain: {
    "zh-CN": () => "同时列出识别时作出的每一项判断（哪一行是标题、主送机关等）",
    en: () => "also print every decision taken (which line is the title, the 主送机关, …)",
  },
  validateTemplate: {
    "zh-CN": () => "同时检查内置模板所需的字段（document：版头和版记的字段）",
    en: () => "also check what a built-in template needs (document: its 版头 and 版记 fields)",
  },
  data: {
    "zh-CN": () => "模板中自定义字段（单位名称、联系人等）的数据，JSON 对象，如 {unitName}",
    en: () => "your own fields for the template (单位名称, 联系人, …) as a JSON object: {unitName} etc.",
  },
  schema: { "zh-CN": () => "输出会议总结的 JSON Schema", en: () => "print the JSON Schema of a summary" },
  init: {
    "zh-CN": () => "生成一份示例会议总结，在此基础上修改",
    en: () => "write the example report as a summary to start from",
  },
  initFile: { "zh-CN": () => "保存到哪里", en: () => "where to write it" },
  force: { "zh-CN": () => "文件已存在时覆盖", en: () => "overwrite the file if it exists" },
});

/** The headings and notes of commander's help, in Chinese (English is commander's own). */
const HELP_TITLES: Record<string, string> = {
  "Usage:": "用法：",
  "Options:": "选项：",
  "Commands:": "命令：",
  "Arguments:": "参数：",
  "Global Options:": "全局选项：",
};

/** A heading of the help in `locale`. */
export function helpTitle(title: string, locale: Locale): string {
  return locale === "zh-CN" ? (HELP_TITLES[title] ?? title) : title;
}

/** The usage errors commander reports, in both languages (the English is commander's wording). */
export const usageMessages = defineMessages({
  unknownCommand: {
    "zh-CN": (p: { name: string; suggestions: readonly string[] }) =>
      `错误：没有“${p.name}”这个命令${p.suggestions.length > 0 ? `\n（是否应为 ${p.suggestions.join("、")}？）` : ""}`,
    en: (p: { name: string; suggestions: readonly string[] }) =>
      `error: unknown command '${p.name}'${p.suggestions.length > 0 ? `\n(Did you mean ${p.suggestions.length > 1 ? "one of " : ""}${p.suggestions.join(", ")}?)` : ""}`,
  },
  unknownOption: {
    "zh-CN": (p: { flag: string; suggestions: readonly string[] }) =>
      `错误：没有“${p.flag}”这个选项${p.suggestions.length > 0 ? `\n（是否应为 ${p.suggestions.join("、")}？）` : ""}`,
    en: (p: { flag: string; suggestions: readonly string[] }) =>
      `error: unknown option '${p.flag}'${p.suggestions.length > 0 ? `\n(Did you mean ${p.suggestions.length > 1 ? "one of " : ""}${p.suggestions.join(", ")}?)` : ""}`,
  },
  missingArgument: {
    "zh-CN": (p: { name: string }) => `错误：缺少参数 ${p.name}`,
    en: (p: { name: string }) => `error: missing required argument '${p.name}'`,
  },
  optionMissingArgument: {
    "zh-CN": (p: { flags: string }) => `错误：选项 ${p.flags} 缺少取值`,
    en: (p: { flags: string }) => `error: option '${p.flags}' argument missing`,
  },
  missingOption: {
    "zh-CN": (p: { flags: string }) => `错误：必须给出选项 ${p.flags}`,
    en: (p: { flags: string }) => `error: required option '${p.flags}' not specified`,
  },
  excessArguments: {
    "zh-CN": (p: { expected: number; got: number }) =>
      `错误：参数过多：应有 ${p.expected} 个，实际给了 ${p.got} 个`,
    en: (p: { expected: number; got: number }) =>
      `error: too many arguments. Expected ${p.expected} argument${p.expected === 1 ? "" : "s"} but got ${p.got}.`,
  },
  invalidValue: {
    "zh-CN": (p: { flags: string; value: string; detail: string }) =>
      `错误：选项 ${p.flags} 的取值“${p.value}”无效：${p.detail}`,
    en: (p: { flags: string; value: string; detail: string }) =>
      `error: option '${p.flags}' argument '${p.value}' is invalid. ${p.detail}`,
  },
  choices: {
    "zh-CN": (p: { choices: readonly string[] }) => `可选值为 ${p.choices.join("、")}`,
    en: (p: { choices: readonly string[] }) => `Allowed choices are ${p.choices.join(", ")}.`,
  },
});

/** commander's "(Did you mean one of a, b?)" → ["a", "b"]. */
function suggestions(text: string | undefined): string[] {
  return text === undefined ? [] : text.split(", ");
}

/**
 * A usage error of commander in `locale`: commander writes English, so in Chinese each error it reports
 * is recognised by its wording and said again from {@link usageMessages}. An error it does not recognise
 * is left as it is.
 */
export function localizeUsageError(text: string, locale: Locale): string {
  if (locale === "en") return text;
  const line = text.replace(/\n$/, "");
  const say = <P>(message: { "zh-CN": (p: P) => string }, params: P) => `${message["zh-CN"](params)}\n`;
  let m = /^error: unknown command '(.*)'(?:\n\(Did you mean (?:one of )?(.*)\?\))?$/s.exec(line);
  if (m) return say(usageMessages.unknownCommand, { name: m[1] as string, suggestions: suggestions(m[2]) });
  m = /^error: unknown option '(.*)'(?:\n\(Did you mean (?:one of )?(.*)\?\))?$/s.exec(line);
  if (m) return say(usageMessages.unknownOption, { flag: m[1] as string, suggestions: suggestions(m[2]) });
  m = /^error: missing required argument '(.*)'$/.exec(line);
  if (m) return say(usageMessages.missingArgument, { name: m[1] as string });
  m = /^error: option '(.*)' argument missing$/.exec(line);
  if (m) return say(usageMessages.optionMissingArgument, { flags: m[1] as string });
  m = /^error: required option '(.*)' not specified$/.exec(line);
  if (m) return say(usageMessages.missingOption, { flags: m[1] as string });
  m = /^error: too many arguments.*\. Expected (\d+) arguments? but got (\d+)\.$/.exec(line);
  if (m) return say(usageMessages.excessArguments, { expected: Number(m[1]), got: Number(m[2]) });
  m = /^error: option '(.*)' argument '(.*)' is invalid\. (.*)$/s.exec(line);
  if (m) {
    const choices = /^Allowed choices are (.*)\.$/.exec(m[3] as string);
    const detail = choices
      ? usageMessages.choices["zh-CN"]({ choices: (choices[1] as string).split(", ") })
      : (m[3] as string);
    return say(usageMessages.invalidValue, { flags: m[1] as string, value: m[2] as string, detail });
  }
  // The commands' own usage errors are already written in the run's language, behind commander's prefix.
  return text.replace(/^error: /, "错误：");
}
