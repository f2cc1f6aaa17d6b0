/**
 * Every catalogue of messages, gathered in one list with parameters to show each message with: the
 * tests check that every message is written in both languages, and docs/messages.md is generated from
 * this list (`npm run docs:messages`), so the documentation never drifts from the code. A stage that
 * adds a catalogue adds it here, with a sample for each of its messages.
 */

import { cliMessages, helpMessages, usageMessages } from "../cli/messages.js";
import { scriptMessages } from "../cli/script-messages.js";
import { errorMessages } from "../errors/messages.js";
import { docxMessages } from "../import/docx-messages.js";
import { importMessages } from "../import/messages.js";
import { limitMessages } from "../model/limit-messages.js";
import { documentNumberMessages, modelMessages } from "../model/messages.js";
import { pdfMessages } from "../pdf.js";
import { fileKindMessages } from "../template/file-kind.js";
import { templateMessages } from "../template/messages.js";
import { textMessages } from "../text/decode.js";
import { Locale, type Message } from "./catalogue.js";

/** One catalogue, as docs/messages.md shows it. */
export interface Catalogue {
  /** The heading of its part of docs/messages.md. */
  title: string;
  /** The file it is defined in. */
  source: string;
  /** What its messages are, and what its keys mean. */
  description: string;
  // biome-ignore lint/suspicious/noExplicitAny: each entry keeps its own parameter type
  messages: Readonly<Record<string, Message<any>>>;
  /** For each key, the parameters it is shown with (or, where they are words, one set per language). */
  samples: Readonly<Record<string, unknown>>;
}

/** Sample parameters that are words, so differ by language: `{ what: "模板" }` and `{ what: "template" }`. */
class PerLanguage<P> {
  constructor(readonly byLocale: Readonly<Record<Locale, P>>) {}
}

function perLanguage<P>(zh: P, en: P): PerLanguage<P> {
  return new PerLanguage({ "zh-CN": zh, en });
}

/** The parameters of a message (`unknown` for a message that takes none). */
type ParamsOf<M> = M extends Message<infer P> ? P : never;

/** A catalogue with a sample for every message: TypeScript checks that none is missing or mistyped. */
// biome-ignore lint/suspicious/noExplicitAny: each entry keeps its own parameter type
function catalogue<T extends Record<string, Message<any>>>(
  title: string,
  source: string,
  description: string,
  messages: T,
  samples: { [K in keyof T]: ParamsOf<T[K]> | PerLanguage<ParamsOf<T[K]>> },
): Catalogue {
  return { title, source, description, messages, samples };
}

const blockHeading = ["organization", "blocks", 2, "heading"];
const template = perLanguage({ what: "模板" }, { what: "template" });

/** Every catalogue, in the order of the pipeline: text, summary, template, errors, command line. */
export const catalogues: readonly Catalogue[] = [
  catalogue(
    "Reading a text file",
    "src/text/decode.ts",
    "Issues of `UnreadableTextError` (`unreadable_text`), by issue code.",
    textMessages,
    { invalid_encoding: { offset: 1043, byte: 0xff }, binary_file: { offset: 12 } },
  ),
  catalogue(
    "The summary",
    "src/model/messages.ts",
    "Issues of `InvalidSummaryError` (`invalid_summary`) and the findings of `validateSummary`, by issue code: a key `code.variant` is another wording of `code`, the code the issue carries. Each message names its field itself, with the field's path and Chinese name.",
    modelMessages,
    {
      required: { path: ["title"] },
      "required_by_template.issuer": { path: ["document", "issuer"] },
      "required_by_template.documentNumber": { path: ["document", "documentNumber"] },
      "required_by_template.signOff": { path: ["date"] },
      "required_by_template.banji": { path: ["document", "printer"] },
      "required.blockType": {
        path: ["outcomes", "blocks", 0, "type"],
        options: ["paragraph", "item", "ordinals", "generated"],
      },
      "required.upwardSigner": { path: ["document", "signer"] },
      "required.printDate": { path: ["document", "printDate"] },
      "required.printerForPrintDate": { path: ["document", "printer"] },
      "required.printerForCopyTo": { path: ["document", "printer"] },
      empty: { path: blockHeading },
      "empty.list": { path: ["preparation", "blocks"] },
      invalid_type: { path: ["title"], expected: "string", got: 5 },
      "invalid_type.form": { path: ["meeting", "date"], got: [] },
      unknown_field: {
        path: ["meeting", "hots"],
        suggestion: "host",
        allowed: ["kind", "theme", "date", "place", "host"],
      },
      too_small: { path: ["meeting", "attendance", "expected"], minimum: 0, got: -1 },
      too_big: { path: ["document", "documentNumber", "year"], maximum: 9999, got: 20260 },
      invalid_value: {
        path: ["meeting", "kind"],
        values: ["组织生活会", "民主生活会", "专题组织生活会", "专题民主生活会"],
        got: "组织生活",
      },
      unknown_block_type: {
        path: ["outcomes", "blocks", 0, "type"],
        options: ["paragraph", "item", "ordinals", "generated"],
        got: "itme",
        suggestion: "item",
      },
      invalid_block: { path: ["outcomes", "blocks", 0], got: 42 },
      invalid_date: { path: ["meeting", "date"], got: "2026-13-01" },
      "invalid_date.real": { path: ["rectification", 0, "deadline"], got: "2026-02-30" },
      "invalid_date.year": { path: ["date"], got: '"0000-01-01"' },
      only_punctuation: { path: ["recipient"], got: '"："' },
      level_too_shallow: { path: ["preparation", "blocks", 0, "blocks", 0, "level"], level: 2, at: 3 },
      "invalid_date.object": { path: ["date"] },
      "invalid_date.form": { path: ["date"], got: 20260105 },
      invalid_character: { path: ["outcomes", "blocks", 1], codePoint: "U+0007", position: 2 },
      line_break: { path: ["opening", 0] },
      too_deep: { path: ["outcomes", "blocks", 0, "blocks", 0, "blocks", 0, "blocks", 0] },
      invalid_document_number: {
        path: ["document", "documentNumber"],
        mistakes: [{ kind: "brackets", open: "（", close: "）" }, { kind: "ordinal" }],
        corrected: "某委发〔2026〕5号",
      },
      invalid: { path: ["title"], detail: "is not accepted" },
      invalid_json: {
        place: { line: 3, column: 12, char: "，" },
        reason: "Expected ',' or '}' after property value in JSON at position 40",
      },
      attendance_mismatch: {
        path: ["meeting", "attendance"],
        present: 20,
        onLeave: 2,
        absent: 1,
        sum: 23,
        expected: 24,
      },
      attendees_mismatch: { path: ["meeting", "attendance", "attendees"], listed: 19, present: 20 },
      duplicate_name: {
        path: ["meeting", "attendance", "onLeave", 0, "name"],
        name: "张三",
        other: "attendees[3]",
      },
      speakers_over_present: { path: ["meeting", "criticism", "speakers"], speakers: 25, present: 20 },
      excellent_over_third: { path: ["evaluation", "excellent"], excellent: 9, graded: 24, max: 8 },
      evaluation_count_mismatch: { path: ["evaluation"], total: 23, expected: 24 },
      report_before_meeting: { path: ["date"], report: "2026年1月3日", meeting: "2026年1月5日" },
      late_report: { path: ["date"], days: 20, meeting: "2026年1月5日", kind: "民主生活会", limit: 15 },
      deadline_before_meeting: {
        path: ["rectification", 0, "deadline"],
        deadline: "2025年12月31日",
        meeting: "2026年1月5日",
      },
      "missing_facts.sentence": { path: ["organization", "blocks", 0], kind: "criticism" },
      "missing_facts.rectificationTable": { path: ["attachments", 0, "table"] },
      "missing_facts.evaluationTable": { path: ["attachments", 1, "table"] },
      empty_attachment: { path: ["attachments", 0] },
      unknown_attachment: { path: ["closing", 0], number: 3, count: 2 },
      typed_number: { path: blockHeading, typed: "（一）" },
    },
  ),
  catalogue(
    "Limits of a summary",
    "src/model/limit-messages.ts",
    'The size limits (docs/model.md, "Limits"): each predicate follows the field\'s path and name, except `too_large_json` and `too_large_file`, which speak of the file.',
    limitMessages,
    {
      too_long: { length: 6000, max: 5000 },
      too_many: { count: 1200, max: 1000 },
      too_large_values: { max: 20000 },
      too_large_text: { max: 500000 },
      too_large_json: { length: 20000000, max: 16000000 },
      too_large_file: { bytes: 70000000, max: 16000000 },
      too_deep: { max: 32 },
      unreadable_field: { reason: "getter threw" },
    },
  ),
  catalogue(
    "The parts of an `invalid_document_number` message",
    "src/model/messages.ts",
    "Each mistake a 发文字号 can have; the `invalid_document_number` issue names every one it finds.",
    documentNumberMessages,
    {
      brackets: { open: "[", close: "]" },
      ordinal: {},
      padded: { number: "05" },
      noBrackets: {},
      noCode: {},
      year: { year: "26" },
      noHao: { year: "2026" },
      zero: {},
      serial: { serial: "五" },
      shape: {},
    },
  ),
  catalogue(
    "Files that are not a .docx",
    "src/template/file-kind.ts",
    "What a template or a Word draft is when it is not a .docx, by the kind of file `sniffFileKind` finds.",
    fileKindMessages,
    {
      odt: template,
      doc: template,
      wps: template,
      encrypted_docx: template,
      ole: template,
      pdf: template,
      rtf: template,
    },
  ),
  catalogue(
    "Importing a draft",
    "src/import/messages.ts",
    "The explanations (`--explain`), warnings and refusals (`InvalidDraftError`, `invalid_draft`) of `importDraft`, by issue code: each names the draft's line or paragraph.",
    importMessages,
    {
      title: { from: { line: 1 }, to: { line: 2 }, lines: 2 },
      recipient: { at: { line: 6 }, text: "机关党委" },
      section: { at: { line: 6 }, index: 1, heading: "会前准备情况" },
      run_in_heading: { at: { line: 6 }, heading: "认真组织动员" },
      heading_on_next_line: { at: { line: 6 } },
      skipped_level: { at: { line: 6 }, typed: "1.", parent: "一、" },
      number_style: { at: { line: 6 }, typed: "1、", printed: "1." },
      ordinals: { from: { line: 8 }, to: { line: 10 }, count: 3 },
      closing: { at: { line: 6 }, text: "特此报告。" },
      signature: { at: { line: 6 }, text: "中共某某支部委员会" },
      date: { at: { line: 6 }, text: "2026年1月18日" },
      literal_date: { at: { line: 6 }, text: "*月*日" },
      attachment_note: { at: { line: 6 }, count: 2 },
      attachment_page: { at: { line: 6 }, number: 1, title: "整改清单" },
      rectification_table: { at: { line: 6 }, rows: 5 },
      evaluation_table: { at: { line: 6 } },
      note_moved: { at: { line: 6 } },
      mark: { at: { line: 6 }, text: "中共某某支部委员会文件" },
      document_number: { at: { line: 6 }, text: "某支发〔2026〕5号" },
      copy_to: { at: { line: 6 }, count: 2 },
      imprint: { at: { line: 6 }, text: "中共某某支部委员会 2026年1月20日印发" },
      attendance: { at: { line: 6 }, kind: "出席" },
      doubtful_title: { at: { line: 6 }, text: "关于召开组织生活会的情况" },
      line_break: { at: { line: 6 }, lines: 2 },
      number_out_of_order: { at: { line: 6 }, typed: "（三）", printed: "（二）" },
      ordinal_out_of_order: { at: { line: 6 }, typed: "三是", printed: "二是" },
      numbered_outside_section: { at: { line: 6 }, typed: "1." },
      long_heading: { at: { line: 6 }, length: 80 },
      section_run_in: { at: { line: 6 }, heading: "会前准备情况" },
      table_as_paragraphs: { at: { line: 6 }, cells: 6 },
      unplaced: { at: { line: 6 }, text: "附：联系人张某" },
      invalid_date: { at: { line: 6 }, text: "2026年2月30日" },
      attachment_title_mismatch: { at: { line: 6 }, number: 1, note: "整改清单", page: "问题整改清单" },
      attachment_count_mismatch: { at: { line: 6 }, notes: 2, pages: 1 },
      note_without_page: { at: { line: 6 }, text: "2.民主评议结果" },
      empty_section: { at: { line: 6 }, heading: "下一步打算" },
      empty_draft: {},
      no_title: { at: { line: 6 } },
      no_sections: {},
      too_few_sections: { count: 2 },
      not_a_docx: {},
    },
  ),
  catalogue(
    "Word drafts",
    "src/import/docx-messages.ts",
    "Issues of `UnreadableDocxError` (`unreadable_docx`) and the warnings of `readDocxDraft`, by issue code: what a Word draft holds that is not read as text, and why a file cannot be read as one.",
    docxMessages,
    {
      not_a_docx: {},
      too_large: {},
      too_many_parts: {},
      missing_document: {},
      dtd_not_allowed: {},
      invalid_xml: { part: "word/document.xml" },
      too_deep: { part: "word/document.xml" },
      text_box: { first: 3, last: 4 },
      picture: { paragraph: 5, after: false, count: 1 },
      hidden_text: perLanguage(
        { paragraph: 2, after: false, text: "备注" },
        { paragraph: 2, after: false, text: "note" },
      ),
      placeholder: perLanguage(
        { paragraph: 1, after: false, text: "单击或点击此处输入文字" },
        { paragraph: 1, after: false, text: "Click or tap here to enter text" },
      ),
      comments: { count: 2 },
      tracked_changes: { insertions: 3, deletions: 1 },
      notes: { count: 1 },
      header_text: { footer: false, text: "中共某某支部委员会" },
      embedded_file: { paragraph: 7, after: true },
      unclosed_field: { paragraph: 9, after: false },
    },
  ),
  catalogue(
    "Templates",
    "src/template/messages.ts",
    "Issues of `TemplateError` (`invalid_template`, `render_failed`), `InvalidDataError` (`invalid_data`) and the warnings of `inspectTemplate` and `renderSummary`, by message key: most keys are the issue code itself. A template issue's message starts with where it is (`place_prefix`).",
    templateMessages,
    {
      place_prefix: perLanguage({ place: "正文“{title”", text: "……" }, { place: "body «{title»", text: "…" }),
      invalid_template: perLanguage(
        { first: "正文“{title”：标签 {title 缺少右大括号 }。", more: 1 },
        { first: "body «{title»: The tag {title is missing its closing brace }.", more: 1 },
      ),
      render_failed: perLanguage(
        { first: "正文“{note}”：数据中没有 {note} 的值。", more: 0 },
        { first: "body «{note}»: The data has no value for {note}.", more: 0 },
      ),
      not_a_zip: {},
      file_kind: { kind: "doc" },
      zip_directory_damaged: {},
      zip_data_damaged: {},
      file_too_large: { size: "25 MB", max: "20 MB" },
      zip64: {},
      too_many_parts: { count: 2500, max: 2000 },
      part_too_large: { name: "word/document.xml", size: "30 MB", max: "20 MB" },
      total_too_large: { size: "60 MB", max: "50 MB" },
      size_mismatch: { name: "word/document.xml" },
      missing_document: {},
      dtd_not_allowed: { name: "word/document.xml" },
      unclosed_tag: { tag: "title" },
      unopened_tag: { tag: "title" },
      duplicate_open_tag: { tag: "title" },
      duplicate_close_tag: { written: "{title}}" },
      unclosed_loop: { tag: "sections" },
      unopened_loop: { tag: "sections" },
      mismatched_loop: { open: "sections", close: "blocks" },
      unbalanced_loops: { a: "sections", b: "blocks" },
      misplaced_loop: { tag: "sections" },
      raw_tag_not_alone: { tag: "signOff" },
      raw_tag_not_in_paragraph: { tag: "signOff" },
      invalid_characters: { tag: "title" },
      invalid_raw_value: { tag: "signOff" },
      invalid_xml: {},
      template_error: { text: "Unexpected template error" },
      missing_value: { tag: "unitName" },
      empty_tag: {},
      tag_out_of_scope: { name: "number", places: [{ at: "loop", usage: "{#sections}" }] },
      unknown_tag: { written: "titel", suggestion: "title" },
      unknown_loop: { written: "section", suggestion: "sections", close: "{/section}" },
      loop_as_text: { name: "sections" },
      group_as_text: { name: "meeting", field: "date" },
      condition_as_text: { name: "isLevel2" },
      raw_as_text: { name: "signOff" },
      not_raw: { name: "title", isText: true },
      full_width_braces: { written: "｛signature}", fixed: "{signature}" },
      mixed_braces: { written: "{date｝", fixed: "{date}" },
      no_tags: {},
      data_shadows_tag: { key: "title", usage: "{title}" },
      data_not_json: { reason: "Unexpected token } in JSON at position 12" },
      data_not_object: {},
      invalid_data: perLanguage(
        { path: "contact.since", got: "日期对象" },
        { path: "contact.since", got: "a Date" },
      ),
      tracked_tag: { tag: "title" },
      loop_paragraph_spaces: { tags: "{#isLevel2}" },
      raw_tag_in_text_box: { tag: "signOff" },
      unplaced_content: perLanguage(
        { path: "attachments", label: "附件", wanted: "{#attachments}", more: 1 },
        { path: "attachments", label: "附件", wanted: "{#attachments}", more: 1 },
      ),
      unplaced_group: {
        path: "meeting",
        label: "会议信息",
        fields: ["kind", "theme", "host"],
        wanted: "{facts.sentences.meeting} / {meeting.kind} / {meeting.theme} / {meeting.host}",
      },
    },
  ),
  catalogue(
    "Errors",
    "src/errors/messages.ts",
    "The message of a thrown error, by its `code`: what failed, its first issue and how many more there are.",
    errorMessages,
    {
      invalid_summary: perLanguage(
        { first: "标题（title）不能为空", more: 2 },
        { first: "title (标题) must not be empty", more: 2 },
      ),
      invalid_template: { first: "…", more: 0 },
      render_failed: { first: "…", more: 1 },
      invalid_draft: { first: "…", more: 0 },
    },
  ),
  catalogue(
    "The command line",
    "src/cli/messages.ts",
    "The lines `meeting-summary` writes around the library's issues.",
    cliMessages,
    {
      issue: perLanguage(
        { source: "bad.json", message: "标题（title）不能为空" },
        { source: "bad.json", message: "title (标题) must not be empty" },
      ),
      warning: perLanguage(
        { source: "report.json", message: "成文日期（date）距会议（2026年1月5日）已 20 天……" },
        { source: "report.json", message: "date (成文日期) is 20 days after the meeting …" },
      ),
      valid: { source: "report.json" },
      wrote: { file: "report.docx" },
      initWrote: { file: "meeting-summary.json" },
      exists: { file: "meeting-summary.json" },
      cannotRead: { file: "missing.json", reason: "ENOENT" },
      cannotWrite: { file: "out/report.docx", reason: "ENOENT" },
      partUses: { file: "branch.docx", part: "header", tags: ["{title}", "{date}"] },
      problems: { file: "branch.docx", count: 2 },
      noProblems: { file: "branch.docx" },
    },
  ),
  catalogue(
    "Batches, files and standard streams of the command line",
    "src/cli/script-messages.ts",
    "What `meeting-summary` says of its inputs and outputs: a file it cannot read or write, a batch's progress and summary line, and the flags that do not go together. The first five keys are issue codes (`--json` prints them).",
    scriptMessages,
    {
      unreadable_file: { reason: "ENOENT" },
      empty_folder: {},
      duplicate_output: { output: "out/a.docx", other: "reports/a.json" },
      unwritable_file: { reason: "EACCES" },
      unexpected_error: { reason: "out of memory" },
      warning: perLanguage(
        { text: "未安装方正小标宋简体，以 FandolSong 代替" },
        { text: "方正小标宋简体 is not installed" },
      ),
      unsafeOutput: perLanguage(
        { code: "not_a_file", reason: "is a FIFO (named pipe), not a regular file" },
        { code: "not_a_file", reason: "is a FIFO (named pipe), not a regular file" },
      ),
      batchDone: { written: 199, total: 200, outDir: "out", failed: ["reports/s137.json"] },
      progress: { done: 37, total: 200, failed: 1 },
      convertingPdf: { count: 3 },
      noInput: {},
      outputOrOutDir: {},
      manyInputsOneOutput: {},
      stdoutWithJson: {},
      pdfBesideStdout: {},
      stdinTwice: {},
    },
  ),
  catalogue(
    "PDF",
    "src/pdf.ts",
    "Issues of `PdfError` (`pdf_failed`) from `toPdf`, and the warning of fonts LibreOffice replaces.",
    pdfMessages,
    {
      libreoffice_missing: { program: "soffice" },
      conversion_failed: { reason: "timed out after 120 s" },
      fontSubstitutes: { list: [{ font: "方正小标宋简体", substitute: "FandolSong" }] },
    },
  ),
  catalogue(
    "Help of the command line",
    "src/cli/messages.ts",
    "The descriptions `meeting-summary --help` and `meeting-summary <command> --help` show.",
    helpMessages,
    {
      program: {},
      version: {},
      help: {},
      lang: {},
      summaryArgument: {},
      invalidCharacters: {},
      render: {},
      output: {},
      template: { names: ["report", "document", "minutes"] },
      data: {},
      validateTemplate: {},
      import: {},
      format: {},
      draftArgument: {},
      importOutput: {},
      draftsArgument: {},
      explain: {},
      inputsArgument: {},
      outDir: {},
      pdf: {},
      jsonl: {},
      renderJson: {},
      validateJson: {},
      inspectJson: {},
      examples: {
        commands: ["meeting-summary validate examples/seed-report.json"],
        docs: "docs/cli.md#validate",
      },
      missingValues: {},
      fonts: {},
      margins: {},
      linesPerPage: { min: 18, max: 26 },
      linesPerPageInvalid: { min: 18, max: 26 },
      validate: {},
      inspect: {},
      templateArgument: {},
      schema: {},
      init: {},
      initFile: {},
      force: {},
    },
  ),
  catalogue(
    "Usage errors of the command line",
    "src/cli/messages.ts",
    "A wrong command, option or argument (exit code 2). The English is the wording of commander, which parses the command line.",
    usageMessages,
    {
      unknownCommand: { name: "rendr", suggestions: ["render"] },
      unknownOption: { flag: "--templat", suggestions: ["--template"] },
      missingArgument: { name: "summary.json" },
      optionMissingArgument: { flags: "-o, --output <file.docx>" },
      missingOption: { flags: "-o, --output <file.docx>" },
      excessArguments: { expected: 1, got: 2 },
      invalidValue: {
        flags: "--missing-values <mode>",
        value: "zero",
        detail: "…",
      },
      choices: { choices: ["error", "empty"] },
    },
  ),
];

/** A message in a language with its sample parameters. */
export function sampleText(catalogue: Catalogue, key: string, locale: Locale): string {
  const message = catalogue.messages[key];
  if (message === undefined) throw new RangeError(`${catalogue.source} has no message ${key}`);
  const sample = catalogue.samples[key];
  return message[locale](sample instanceof PerLanguage ? sample.byLocale[locale] : sample);
}

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, "<br>");

/**
 * docs/messages.md: every message of every catalogue, in both languages, shown with its sample.
 * @example
 * messagesMarkdown().startsWith("# Messages") //=> true
 */
export function messagesMarkdown(): string {
  const parts = catalogues.map((c) => {
    const rows = Object.keys(c.messages).map(
      (key) =>
        `| \`${key}\` | ${cell(sampleText(c, key, Locale.ZhCN))} | ${cell(sampleText(c, key, Locale.En))} |`,
    );
    return [
      `## ${c.title}`,
      "",
      `\`${c.source}\`. ${c.description}`,
      "",
      "| key | zh-CN | en |",
      "| --- | --- | --- |",
      ...rows,
    ].join("\n");
  });
  return `${[
    "# Messages",
    "",
    "<!-- Generated from src/messages/all.ts by `npm run docs:messages`; a test fails when this file is stale. Do not edit. -->",
    "",
    'Every message the library and the `meeting-summary` command write, in Chinese (`locale: "zh-CN"`,',
    '`--lang zh-CN`) and English (`"en"`, the default of the API), each shown with sample values. Codes and',
    "paths are the same in both languages: branch on `code`, show `message`. How the language is chosen:",
    "[model.md](model.md#messages-in-chinese-or-english) and [cli.md](cli.md#language).",
    "",
    ...parts.flatMap((part) => [part, ""]),
  ].join("\n")}`;
}
