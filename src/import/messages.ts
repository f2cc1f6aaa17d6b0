/**
 * The import's messages: what it decided (`--explain`), what it found wrong in the draft (warnings), and
 * why a draft cannot be read as a report (errors). Each names the draft's line (plain text, Markdown) or
 * paragraph (Word) first, so a clerk can find it.
 */
import { defineMessages } from "../messages/catalogue.js";
import type { DraftSource } from "./draft.js";

/** The stable codes of the import's warnings, explanations and errors. */
export const ImportIssueCode = {
  // Decisions (explanations)
  Title: "title",
  Recipient: "recipient",
  Section: "section",
  RunInHeading: "run_in_heading",
  HeadingOnNextLine: "heading_on_next_line",
  SkippedLevel: "skipped_level",
  NumberStyle: "number_style",
  Ordinals: "ordinals",
  Closing: "closing",
  Signature: "signature",
  Date: "date",
  LiteralDate: "literal_date",
  AttachmentNote: "attachment_note",
  AttachmentPage: "attachment_page",
  RectificationTable: "rectification_table",
  EvaluationTable: "evaluation_table",
  NoteMoved: "note_moved",
  Mark: "mark",
  DocumentNumber: "document_number",
  CopyTo: "copy_to",
  Imprint: "imprint",
  Attendance: "attendance",
  // Warnings: the draft's numbering, and what could not be placed where it was
  DoubtfulTitle: "doubtful_title",
  LineBreak: "line_break",
  NumberOutOfOrder: "number_out_of_order",
  OrdinalOutOfOrder: "ordinal_out_of_order",
  NumberedOutsideSection: "numbered_outside_section",
  LongHeading: "long_heading",
  SectionRunIn: "section_run_in",
  TableAsParagraphs: "table_as_paragraphs",
  Unplaced: "unplaced",
  InvalidDate: "invalid_date",
  AttachmentTitleMismatch: "attachment_title_mismatch",
  AttachmentCountMismatch: "attachment_count_mismatch",
  NoteWithoutPage: "note_without_page",
  EmptySection: "empty_section",
  // Errors
  EmptyDraft: "empty_draft",
  NoTitle: "no_title",
  NoSections: "no_sections",
  TooFewSections: "too_few_sections",
  NotADocx: "not_a_docx",
} as const;
export type ImportIssueCode = (typeof ImportIssueCode)[keyof typeof ImportIssueCode];

/** "第 3 行" / "第 3 段". */
export function zhAt(at: DraftSource): string {
  return "line" in at ? `第 ${at.line} 行` : `第 ${at.paragraph} 段`;
}

/** "line 3" / "paragraph 3". */
export function enAt(at: DraftSource): string {
  return "line" in at ? `line ${at.line}` : `paragraph ${at.paragraph}`;
}

/** "第 1–2 行" / "lines 1–2" for a run of paragraphs. */
function zhSpan(from: DraftSource, to: DraftSource): string {
  if (JSON.stringify(from) === JSON.stringify(to)) return zhAt(from);
  return "line" in from && "line" in to
    ? `第 ${from.line}–${to.line} 行`
    : `第 ${"paragraph" in from ? from.paragraph : from.line}–${"paragraph" in to ? to.paragraph : to.line} 段`;
}

function enSpan(from: DraftSource, to: DraftSource): string {
  if (JSON.stringify(from) === JSON.stringify(to)) return enAt(from);
  return "line" in from && "line" in to
    ? `lines ${from.line}–${to.line}`
    : `paragraphs ${"paragraph" in from ? from.paragraph : from.line}–${"paragraph" in to ? to.paragraph : to.line}`;
}

/** The three sections every report has, by position. */
export const SECTION_ROLES_ZH = ["会前准备", "会议召开", "成效、问题与下一步"] as const;
const SECTION_ROLES_EN = ["preparation", "organization", "outcomes"] as const;

type At = { at: DraftSource };
type Span = { from: DraftSource; to: DraftSource };

export const importMessages = defineMessages({
  [ImportIssueCode.Title]: {
    "zh-CN": (p: Span & { lines: number }) =>
      `${zhSpan(p.from, p.to)}作为标题${p.lines > 1 ? `（${p.lines} 行，分行照录）` : ""}。`,
    en: (p: Span & { lines: number }) =>
      `${enSpan(p.from, p.to)} taken as the title${p.lines > 1 ? ` (${p.lines} lines, kept as lines)` : ""}.`,
  },
  [ImportIssueCode.Recipient]: {
    "zh-CN": (p: At & { text: string }) => `${zhAt(p.at)}“${p.text}”作为主送机关。`,
    en: (p: At & { text: string }) => `${enAt(p.at)} "${p.text}" taken as the 主送机关 (recipient).`,
  },
  [ImportIssueCode.Section]: {
    "zh-CN": (p: At & { index: number; heading: string }) =>
      `${zhAt(p.at)}“${p.heading}”作为第 ${p.index + 1} 部分${p.index < 3 ? `（${SECTION_ROLES_ZH[p.index]}）` : ""}。`,
    en: (p: At & { index: number; heading: string }) =>
      `${enAt(p.at)} "${p.heading}" taken as section ${p.index + 1}${p.index < 3 ? ` (${SECTION_ROLES_EN[p.index]})` : " (sections)"}.`,
  },
  [ImportIssueCode.RunInHeading]: {
    "zh-CN": (p: At & { heading: string }) =>
      `${zhAt(p.at)}：“${p.heading}”作为条目标题，其后文字作为同段正文（接排）。`,
    en: (p: At & { heading: string }) =>
      `${enAt(p.at)}: "${p.heading}" taken as the item's heading, the rest as its run-in text.`,
  },
  [ImportIssueCode.HeadingOnNextLine]: {
    "zh-CN": (p: At) => `${zhAt(p.at)}只有编号，下一行作为该条目的标题。`,
    en: (p: At) => `${enAt(p.at)} holds only a number: the next line is taken as its heading.`,
  },
  [ImportIssueCode.SkippedLevel]: {
    "zh-CN": (p: At & { typed: string; parent: string }) =>
      `${zhAt(p.at)}“${p.typed}”直接位于“${p.parent}”之下，跳过了一个层次，按原样以“${p.typed}”的层次编号。`,
    en: (p: At & { typed: string; parent: string }) =>
      `${enAt(p.at)}: "${p.typed}" stands directly under "${p.parent}", skipping a level; it keeps the level typed.`,
  },
  [ImportIssueCode.NumberStyle]: {
    "zh-CN": (p: At & { typed: string; printed: string }) =>
      `${zhAt(p.at)}编号“${p.typed}”按公文格式印为“${p.printed}”。`,
    en: (p: At & { typed: string; printed: string }) =>
      `${enAt(p.at)}: the number "${p.typed}" is printed "${p.printed}", as GB/T 9704 writes it.`,
  },
  [ImportIssueCode.Ordinals]: {
    "zh-CN": (p: Span & { count: number }) =>
      `${zhSpan(p.from, p.to)}作为“一是、二是……”列举（${p.count} 项）。`,
    en: (p: Span & { count: number }) =>
      `${enSpan(p.from, p.to)} taken as ordinals 一是, 二是… (${p.count}).`,
  },
  [ImportIssueCode.Closing]: {
    "zh-CN": (p: At & { text: string }) => `${zhAt(p.at)}“${p.text}”作为结束语。`,
    en: (p: At & { text: string }) => `${enAt(p.at)} "${p.text}" taken as a closing paragraph.`,
  },
  [ImportIssueCode.Signature]: {
    "zh-CN": (p: At & { text: string }) => `${zhAt(p.at)}“${p.text}”作为发文机关署名。`,
    en: (p: At & { text: string }) => `${enAt(p.at)} "${p.text}" taken as the signature (发文机关署名).`,
  },
  [ImportIssueCode.Date]: {
    "zh-CN": (p: At & { text: string }) => `${zhAt(p.at)}“${p.text}”作为成文日期。`,
    en: (p: At & { text: string }) => `${enAt(p.at)} "${p.text}" taken as the date (成文日期).`,
  },
  [ImportIssueCode.LiteralDate]: {
    "zh-CN": (p: At & { text: string }) =>
      `${zhAt(p.at)}成文日期“${p.text}”不是完整的阿拉伯数字日期，按原样印出。`,
    en: (p: At & { text: string }) =>
      `${enAt(p.at)}: the date "${p.text}" is not a full date in Arabic numerals; it is printed as typed.`,
  },
  [ImportIssueCode.AttachmentNote]: {
    "zh-CN": (p: At & { count: number }) => `${zhAt(p.at)}起作为附件说明（${p.count} 个附件）。`,
    en: (p: At & { count: number }) =>
      `${enAt(p.at)} taken as the 附件说明 (${p.count} attachment${p.count > 1 ? "s" : ""}).`,
  },
  [ImportIssueCode.AttachmentPage]: {
    "zh-CN": (p: At & { number: number; title: string }) =>
      `${zhAt(p.at)}起作为附件 ${p.number}“${p.title}”。`,
    en: (p: At & { number: number; title: string }) =>
      `${enAt(p.at)} onwards taken as attachment ${p.number} "${p.title}".`,
  },
  [ImportIssueCode.RectificationTable]: {
    "zh-CN": (p: At & { rows: number }) =>
      `${zhAt(p.at)}的表格作为整改清单（${p.rows} 条），表头和序号由模板生成。`,
    en: (p: At & { rows: number }) =>
      `${enAt(p.at)}: the table taken as the 整改清单 (${p.rows} rows); its header and numbers are the template's.`,
  },
  [ImportIssueCode.EvaluationTable]: {
    "zh-CN": (p: At) => `${zhAt(p.at)}的表格作为民主评议党员结果（由各等次人数生成同样的表格）。`,
    en: (p: At) =>
      `${enAt(p.at)}: the table taken as the 民主评议党员 results (the same table is printed from its counts).`,
  },
  [ImportIssueCode.NoteMoved]: {
    "zh-CN": (p: At) => `${zhAt(p.at)}的附件说明位于落款之后，按公文格式移至正文之后、落款之前。`,
    en: (p: At) =>
      `${enAt(p.at)}: the 附件说明 stands after the sign-off; it is printed after the body, before the sign-off, as GB/T 9704 places it.`,
  },
  [ImportIssueCode.DoubtfulTitle]: {
    "zh-CN": (p: At & { text: string }) =>
      `${zhAt(p.at)}作为标题，但它不像标题（较长或以标点结尾）：“${p.text.length > 20 ? `${p.text.slice(0, 20)}……` : p.text}”。草稿可能缺少标题，请检查。`,
    en: (p: At & { text: string }) =>
      `${enAt(p.at)} is taken as the title but does not read as one (long, or ending in punctuation): "${p.text.length > 20 ? `${p.text.slice(0, 20)}…` : p.text}". The draft may lack a title; please check.`,
  },
  [ImportIssueCode.Mark]: {
    "zh-CN": (p: At & { text: string }) => `${zhAt(p.at)}“${p.text}”作为版头的发文机关标志。`,
    en: (p: At & { text: string }) => `${enAt(p.at)} "${p.text}" taken as the 版头's mark (发文机关标志).`,
  },
  [ImportIssueCode.DocumentNumber]: {
    "zh-CN": (p: At & { text: string }) => `${zhAt(p.at)}“${p.text}”作为发文字号。`,
    en: (p: At & { text: string }) => `${enAt(p.at)} "${p.text}" taken as the 发文字号.`,
  },
  [ImportIssueCode.CopyTo]: {
    "zh-CN": (p: At & { count: number }) => `${zhAt(p.at)}起作为版记的抄送机关（${p.count} 个）。`,
    en: (p: At & { count: number }) => `${enAt(p.at)} taken as the 版记's 抄送 (${p.count}).`,
  },
  [ImportIssueCode.Imprint]: {
    "zh-CN": (p: At & { text: string }) => `${zhAt(p.at)}“${p.text}”作为版记的印发机关和印发日期。`,
    en: (p: At & { text: string }) => `${enAt(p.at)} "${p.text}" taken as the 版记's 印发机关 and 印发日期.`,
  },
  [ImportIssueCode.Attendance]: {
    "zh-CN": (p: At & { kind: string }) =>
      `${zhAt(p.at)}的“${p.kind}”名单作为会议出席情况（只有纪要模板印出）。`,
    en: (p: At & { kind: string }) =>
      `${enAt(p.at)}: the ${p.kind} list taken as the meeting's attendance (only the minutes template prints it).`,
  },
  [ImportIssueCode.LineBreak]: {
    "zh-CN": (p: At & { lines: number }) =>
      `${zhAt(p.at)}含有手动换行符，各行（${p.lines} 行）分别作为段落印出。`,
    en: (p: At & { lines: number }) =>
      `${enAt(p.at)} holds manual line breaks: its ${p.lines} lines are printed as paragraphs of their own.`,
  },
  [ImportIssueCode.NumberOutOfOrder]: {
    "zh-CN": (p: At & { typed: string; printed: string }) =>
      `${zhAt(p.at)}编号为“${p.typed}”，按顺序应为“${p.printed}”（编号重复或跳号），将印为“${p.printed}”。`,
    en: (p: At & { typed: string; printed: string }) =>
      `${enAt(p.at)} is numbered "${p.typed}" where "${p.printed}" comes next (a number skipped or repeated); it is printed "${p.printed}".`,
  },
  [ImportIssueCode.OrdinalOutOfOrder]: {
    "zh-CN": (p: At & { typed: string; printed: string }) =>
      `${zhAt(p.at)}以“${p.typed}”开头，按顺序应为“${p.printed}”，将印为“${p.printed}”。`,
    en: (p: At & { typed: string; printed: string }) =>
      `${enAt(p.at)} starts with "${p.typed}" where "${p.printed}" comes next; it is printed "${p.printed}".`,
  },
  [ImportIssueCode.NumberedOutsideSection]: {
    "zh-CN": (p: At & { typed: string }) =>
      `${zhAt(p.at)}的编号“${p.typed}”不在任何“一、”部分之内，连同编号按原样作为段落保留。`,
    en: (p: At & { typed: string }) =>
      `${enAt(p.at)}: the number "${p.typed}" stands outside any 一、 section; the paragraph is kept as typed, number included.`,
  },
  [ImportIssueCode.LongHeading]: {
    "zh-CN": (p: At & { length: number }) =>
      `${zhAt(p.at)}的条目没有可分出的短标题（${p.length} 字），整段作为标题单独成行印出，请检查。`,
    en: (p: At & { length: number }) =>
      `${enAt(p.at)}: no short heading could be told from the item's text (${p.length} characters); all of it is printed as the heading, on its own line. Please check.`,
  },
  [ImportIssueCode.SectionRunIn]: {
    "zh-CN": (p: At & { heading: string }) =>
      `${zhAt(p.at)}的一级标题后接有正文：“${p.heading}”单独成行作为标题，其后文字另起一段。`,
    en: (p: At & { heading: string }) =>
      `${enAt(p.at)}: text follows the section heading; "${p.heading}" is printed on its own line and the rest as a paragraph below it.`,
  },
  [ImportIssueCode.TableAsParagraphs]: {
    "zh-CN": (p: At & { cells: number }) =>
      `${zhAt(p.at)}的表格无法作为表格保留（只有附件中的整改清单可以），已按单元格逐段保留（${p.cells} 段）。`,
    en: (p: At & { cells: number }) =>
      `${enAt(p.at)}: the table cannot be kept as a table (only a 整改清单 in an attachment can); its cells are kept as ${p.cells} paragraphs.`,
  },
  [ImportIssueCode.Unplaced]: {
    "zh-CN": (p: At & { text: string }) => `${zhAt(p.at)}“${p.text}”位于落款附近，无法归入，作为结束语保留。`,
    en: (p: At & { text: string }) =>
      `${enAt(p.at)} "${p.text}" stands among the sign-off and cannot be placed; it is kept as a closing paragraph.`,
  },
  [ImportIssueCode.InvalidDate]: {
    "zh-CN": (p: At & { text: string }) => `${zhAt(p.at)}“${p.text}”不是实际存在的日期，按原样印出，请核对。`,
    en: (p: At & { text: string }) =>
      `${enAt(p.at)}: "${p.text}" is not a real date; it is printed as typed. Please check.`,
  },
  [ImportIssueCode.AttachmentTitleMismatch]: {
    "zh-CN": (p: At & { number: number; note: string; page: string }) =>
      `${zhAt(p.at)}：附件说明中附件 ${p.number} 为“${p.note}”，附件页标题为“${p.page}”，两处不一致，采用附件页标题。`,
    en: (p: At & { number: number; note: string; page: string }) =>
      `${enAt(p.at)}: attachment ${p.number} is "${p.note}" in the 附件说明 but "${p.page}" on its page; the page's title is used.`,
  },
  [ImportIssueCode.AttachmentCountMismatch]: {
    "zh-CN": (p: At & { notes: number; pages: number }) =>
      `${zhAt(p.at)}：附件说明列有 ${p.notes} 个附件，草稿中有 ${p.pages} 个附件页，请核对。`,
    en: (p: At & { notes: number; pages: number }) =>
      `${enAt(p.at)}: the 附件说明 lists ${p.notes} attachment(s) but the draft has ${p.pages} attachment page(s). Please check.`,
  },
  [ImportIssueCode.NoteWithoutPage]: {
    "zh-CN": (p: At & { text: string }) =>
      `${zhAt(p.at)}“${p.text}”列出的附件在草稿中没有附件页（“附件1”及其内容），无法作为附件印出，按原样作为段落保留。`,
    en: (p: At & { text: string }) =>
      `${enAt(p.at)} "${p.text}" lists an attachment the draft has no page for ("附件1" and its content); it is kept as a paragraph, as typed.`,
  },
  [ImportIssueCode.EmptySection]: {
    "zh-CN": (p: At & { heading: string }) => `${zhAt(p.at)}的“${p.heading}”部分没有内容。`,
    en: (p: At & { heading: string }) => `${enAt(p.at)}: section "${p.heading}" has no content.`,
  },
  [ImportIssueCode.EmptyDraft]: {
    "zh-CN": () => "草稿是空的：没有任何文字。",
    en: () => "The draft is empty: it holds no text.",
  },
  [ImportIssueCode.NoTitle]: {
    "zh-CN": (p: At) => `${zhAt(p.at)}就是“一、”部分，草稿没有标题。请在第一行输入报告标题。`,
    en: (p: At) =>
      `${enAt(p.at)} is already a 一、 section: the draft has no title. Type the report's title on the first line.`,
  },
  [ImportIssueCode.NoSections]: {
    "zh-CN": () =>
      "草稿中没有“一、”“二、”“三、”等一级标题，不能识别为报告。请将各部分标题单独成行，以“一、”“二、”……开头。",
    en: () =>
      "The draft has no 一、 二、 三、 section headings, so it cannot be read as a report. Type each section's heading on a line of its own, starting with 一、, 二、, ….",
  },
  [ImportIssueCode.TooFewSections]: {
    "zh-CN": (p: { count: number }) =>
      `草稿只有 ${p.count} 个一级标题，报告至少需要三个部分（会前准备、会议召开、成效与下一步），每部分以“一、”“二、”“三、”开头。`,
    en: (p: { count: number }) =>
      `The draft has only ${p.count} section heading(s); a report needs at least three (preparation, organization, outcomes), each starting 一、, 二、, 三、.`,
  },
  [ImportIssueCode.NotADocx]: {
    "zh-CN": () => "草稿是 zip 文件，但不是 Word 文档（.docx）：其中没有 word/document.xml。",
    en: () => "The draft is a zip file but not a Word document (.docx): it has no word/document.xml.",
  },
});
