/** What the command line says of its inputs and outputs (reading, writing, batches, PDF), in zh-CN and en. */
import { defineMessages } from "../messages/catalogue.js";
import type { UnsafeOutputCode } from "../node.js";
import { zhReason } from "./messages.js";

/** The issue codes of the command line's own problems (an input it cannot read, an output it cannot write). */
export const CliIssueCode = {
  /** A file or folder given as input cannot be read. */
  UnreadableFile: "unreadable_file",
  /** A folder given as input holds no .json or .jsonl file. */
  EmptyFolder: "empty_folder",
  /** Two inputs would be written to the same output file. */
  DuplicateOutput: "duplicate_output",
  /** The output file cannot be written. */
  UnwritableFile: "unwritable_file",
  /** Something failed that is not a problem of the input: a bug, to report. */
  UnexpectedError: "unexpected_error",
} as const;
export type CliIssueCode = (typeof CliIssueCode)[keyof typeof CliIssueCode];

export const scriptMessages = defineMessages({
  [CliIssueCode.UnreadableFile]: {
    "zh-CN": (p: { reason: string }) => `无法读取：${zhReason(p.reason)}`,
    en: (p: { reason: string }) => `cannot be read (${p.reason})`,
  },
  [CliIssueCode.EmptyFolder]: {
    "zh-CN": () => "文件夹中没有 .json 或 .jsonl 文件",
    en: () => "the folder holds no .json or .jsonl file",
  },
  [CliIssueCode.DuplicateOutput]: {
    "zh-CN": (p: { output: string; other: string }) =>
      `将写入 ${p.output}，与 ${p.other} 的输出同名，未写入。请将其中一个文件改名。`,
    en: (p: { output: string; other: string }) =>
      `would be written to ${p.output}, like ${p.other}, so it is not written. Rename one of the two.`,
  },
  [CliIssueCode.UnwritableFile]: {
    "zh-CN": (p: { reason: string }) => `无法写入：${zhReason(p.reason)}`,
    en: (p: { reason: string }) => `cannot be written (${p.reason})`,
  },
  [CliIssueCode.UnexpectedError]: {
    "zh-CN": (p: { reason: string }) => `意外错误：${p.reason}`,
    en: (p: { reason: string }) => `unexpected error: ${p.reason}`,
  },
  warning: {
    "zh-CN": (p: { text: string }) => `警告：${p.text}`,
    en: (p: { text: string }) => `warning: ${p.text}`,
  },
  unsafeOutput: {
    "zh-CN": (p: { code: UnsafeOutputCode; reason: string }) =>
      `${{ not_a_file: "不是普通文件（是文件夹、管道或设备等）", read_only: "是只读文件", broken_link: "是指向不存在位置的符号链接" }[p.code]}，未写入任何内容`,
    en: (p: { code: UnsafeOutputCode; reason: string }) => `${p.reason}: nothing was written`,
  },
  batchDone: {
    "zh-CN": (p: { written: number; total: number; outDir: string; failed: readonly string[] }) =>
      `共 ${p.total} 份，已写入 ${p.written} 份至 ${p.outDir}` +
      (p.failed.length > 0 ? `；${p.failed.length} 份未写入：${p.failed.join("、")}` : ""),
    en: (p: { written: number; total: number; outDir: string; failed: readonly string[] }) =>
      `${p.written} of ${p.total} written to ${p.outDir}` +
      (p.failed.length > 0 ? `; ${p.failed.length} not written: ${p.failed.join(", ")}` : ""),
  },
  progress: {
    "zh-CN": (p: { done: number; total: number; failed: number }) =>
      `${p.done}/${p.total}${p.failed > 0 ? `（${p.failed} 份有误）` : ""}`,
    en: (p: { done: number; total: number; failed: number }) =>
      `${p.done}/${p.total}${p.failed > 0 ? ` (${p.failed} failed)` : ""}`,
  },
  convertingPdf: {
    "zh-CN": (p: { count: number }) => `正在用 LibreOffice 将 ${p.count} 份文档转换为 PDF……`,
    en: (p: { count: number }) =>
      `converting ${p.count} document${p.count === 1 ? "" : "s"} to PDF with LibreOffice…`,
  },
  noInput: {
    "zh-CN": () => "缺少输入：请给出 JSON 文件或文件夹，或用“-”从标准输入读取",
    en: () => 'missing input: give a JSON file or folder, or "-" to read standard input',
  },
  outputOrOutDir: {
    "zh-CN": () => "请用 -o 指定输出文件，或用 --out-dir 指定输出文件夹",
    en: () => "give -o <file> for one document, or --out-dir <folder> for many",
  },
  manyInputsOneOutput: {
    "zh-CN": () => "多个输入不能写入同一个 -o 文件：请改用 --out-dir <文件夹>",
    en: () => "several inputs cannot go to one -o file: use --out-dir <folder>",
  },
  stdoutWithJson: {
    "zh-CN": () => "-o - 把文档写到标准输出，不能同时使用 --json",
    en: () => "-o - writes the document to standard output, so --json cannot be used with it",
  },
  pdfBesideStdout: {
    "zh-CN": () =>
      "--pdf 在每个 .docx 文件旁另存 PDF，须配合 -o <文件.docx> 或 --out-dir 使用，不能与 -o - 同用",
    en: () => "--pdf writes a PDF beside each .docx file, so it needs -o <file.docx> or --out-dir, not -o -",
  },
  stdinTwice: {
    "zh-CN": () => "标准输入（-）只能读取一次",
    en: () => "standard input (-) can be read only once",
  },
});
