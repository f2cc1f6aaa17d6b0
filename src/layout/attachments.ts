/*
 * The attachments (附件) of the report template, per GB/T 9704-2012: the 附件说明 one blank line below the body
 * (before the sign-off), and each attachment on a page of its own after the sign-off, "附件1" in 3号 黑体
 * flush left on line 1, its title centred on line 3, then its paragraphs and its table. Page numbers go on
 * from the body (one section). The tags are those of `AttachmentView` (src/format/view-types.ts).
 */

import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  type IParagraphStyleOptions,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";
import { CHAR_TWIPS, cjkFont, FONT, TEXT_WIDTH } from "./gbt9704.js";
import { linePitch, type ResolvedLayout } from "./options.js";
import { ReportStyle } from "./styles.js";
import { tagParagraph } from "./tags.js";

/** Table text: 4号 (14 pt) 仿宋, the size these tables are usually set in so that a row holds a clause. */
const TABLE_SIZE = 28;

/**
 * Line spacing inside tables: at least 20 pt, growing with the text. The body's exact 28.95 pt would do for
 * one line, but an exact line in a cell is the known trap that clips CJK glyphs when a font's ascent and
 * descent outgrow it; "at least" never clips.
 */
const TABLE_LINE = { line: 400, lineRule: LineRuleType.AT_LEAST, before: 0, after: 0 } as const;

/**
 * The style of the table text. Taken off the document's line grid when the template is built (see
 * `normalise` in report.ts): on the grid, every line in a cell would still take a full 28.95 pt.
 */
export const tableTextStyle: IParagraphStyleOptions = {
  id: ReportStyle.tableText,
  name: "公文-表格文字",
  basedOn: "Normal",
  uiPriority: 11,
  paragraph: { spacing: TABLE_LINE },
  run: { size: TABLE_SIZE },
};

/** "附件：" is 3 characters wide, "1." one (two half-width characters). */
const NOTE_LEAD_CHARS = 3;
const NOTE_NUMBER_CHARS = 1;
const BODY_INDENT_CHARS = 2;

/**
 * The first 附件说明 line, one blank line (`pitch` twips) below the body: its wrapped lines start `wrapAt`
 * characters in, and its first line 2 characters in (a hanging indent), so wrapped lines align with the
 * attachment name.
 */
function noteLine(text: string, wrapAt: number, pitch: number): Paragraph {
  return new Paragraph({
    style: ReportStyle.body,
    alignment: AlignmentType.LEFT,
    // One blank line below the body is the first line's spacing, not an empty paragraph.
    spacing: { before: pitch },
    // The 附件说明 goes with the sign-off: with the text before it, it keeps the sign-off off a page of its own.
    keepNext: true,
    indent: { left: wrapAt * CHAR_TWIPS, hanging: (wrapAt - BODY_INDENT_CHARS) * CHAR_TWIPS },
    children: [new TextRun(text)],
  });
}

/**
 * The 附件说明: "附件：整改清单" for a single attachment; "附件：1.×××" then "2.×××" on the following lines,
 * aligned after "附件：", for several. No trailing punctuation (the titles are validated text, printed as
 * given). Nothing at all when there are no attachments.
 * @example
 * bodyChildren.push(...attachmentNote(layout)) // after the closing, before {@signOff}
 */
export function attachmentNote(layout: ResolvedLayout): Paragraph[] {
  const nameAt = BODY_INDENT_CHARS + NOTE_LEAD_CHARS;
  const pitch = linePitch(layout);
  return [
    tagParagraph("{#attachments}"),
    tagParagraph("{#isOnly}"),
    noteLine("附件：{title}", nameAt, pitch),
    tagParagraph("{/isOnly}"),
    tagParagraph("{#isFirst}"),
    noteLine("附件：{noteNumber}{title}", nameAt + NOTE_NUMBER_CHARS, pitch),
    tagParagraph("{/isFirst}"),
    tagParagraph("{#isNotFirst}"),
    // The hanging indent of a later line is its number only: "2." sits under "1.".
    new Paragraph({
      style: ReportStyle.body,
      alignment: AlignmentType.LEFT,
      keepNext: true,
      indent: {
        left: (nameAt + NOTE_NUMBER_CHARS) * CHAR_TWIPS,
        hanging: NOTE_NUMBER_CHARS * CHAR_TWIPS,
      },
      children: [new TextRun("{noteNumber}{title}")],
    }),
    tagParagraph("{/isNotFirst}"),
    tagParagraph("{/attachments}"),
  ];
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
const BORDERS = {
  top: BORDER,
  bottom: BORDER,
  left: BORDER,
  right: BORDER,
  insideHorizontal: BORDER,
  insideVertical: BORDER,
} as const;

interface Column {
  /** The header text. */
  header: string;
  /** The cell's tag, e.g. "{problem}". */
  tag: string;
  /** Width in twips; the widths of a table add up to the 版心. */
  width: number;
  /** Short values (numbers, names, dates) are centred; clauses start flush left (justified, a narrow cell spreads its characters). */
  centred: boolean;
}

function cell(text: string, width: number, centred: boolean, header: boolean): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 80, right: 80, top: 40, bottom: 40 },
    children: [
      new Paragraph({
        style: ReportStyle.tableText,
        alignment: centred || header ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: [
          new TextRun({
            text,
            font: cjkFont(header ? FONT.heiTi : FONT.fangSong),
            size: TABLE_SIZE,
          }),
        ],
      }),
    ],
  });
}

/**
 * A table with a header row repeated on every page and one data row repeated per entry of `rows`: the loop
 * tags sit in the first and last cells, so docxtemplater repeats the whole row.
 */
function loopTable(rows: string, columns: readonly Column[]): Table {
  const last = columns.length - 1;
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: columns.map((c) => c.width),
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        height: { value: 560, rule: HeightRule.ATLEAST },
        children: columns.map((c) => cell(c.header, c.width, true, true)),
      }),
      new TableRow({
        height: { value: 560, rule: HeightRule.ATLEAST },
        children: columns.map((c, i) =>
          cell(
            `${i === 0 ? `{#${rows}}` : ""}${c.tag}${i === last ? `{/${rows}}` : ""}`,
            c.width,
            c.centred,
            false,
          ),
        ),
      }),
    ],
  });
}

/**
 * 整改清单: 序号, 存在问题, 整改措施, 责任人, 完成时限, 整改状态 (8844 twips, the 版心). The short columns are
 * as wide as their longest value, so that none breaks inside itself; the clauses share the rest. Widths
 * as LibreOffice sets 4号 text with its stand-in faces (digits 0.625 of a character, a gap wherever digits
 * meet Chinese), plus 160 twips of insets: 完成时限 "2026年12月31日", 128 pt (2760); 整改状态 "长期坚持"
 * (1280); 责任人 a name of three characters (1000; longer names wrap); 序号 its header (720). Word, with
 * Times New Roman digits and no gaps, needs less.
 */
const RECTIFICATION_COLUMNS: readonly Column[] = [
  { header: "序号", tag: "{number}", width: 720, centred: true },
  { header: "存在问题", tag: "{problem}", width: 1420, centred: false },
  { header: "整改措施", tag: "{measure}", width: 1664, centred: false },
  { header: "责任人", tag: "{owner}", width: 1000, centred: true },
  { header: "完成时限", tag: "{deadline}", width: 2760, centred: true },
  { header: "整改状态", tag: "{status}", width: 1280, centred: true },
];

/** 民主评议党员结果: 评议等次, 人数, 占参评党员比例. */
const EVALUATION_COLUMNS: readonly Column[] = [
  { header: "评议等次", tag: "{grade}", width: 3844, centred: true },
  { header: "人数", tag: "{count}", width: 2000, centred: true },
  { header: "占评定等次党员比例", tag: "{share}", width: 3000, centred: true },
];

/**
 * The attachment pages, after the sign-off: each starts a new page with its label ("附件1") in 3号 黑体
 * flush left on line 1 and its title centred in 2号 小标宋 on line 3, followed by its paragraphs and table.
 * @example
 * bodyChildren.push(...attachmentPages(layout)) // after {@signOff}
 */
export function attachmentPages(layout: ResolvedLayout): (Paragraph | Table)[] {
  return [
    tagParagraph("{#attachments}"),
    new Paragraph({
      pageBreakBefore: true,
      alignment: AlignmentType.LEFT,
      // "附件1" is one mark in 黑体, its digit included (elsewhere digits are Times New Roman).
      children: [new TextRun({ text: "{label}", font: FONT.heiTi })],
    }),
    // Line 2 is left blank by the spacing before the title; the title style leaves a blank line after it.
    new Paragraph({
      style: ReportStyle.title,
      spacing: { before: linePitch(layout) },
      children: [new TextRun("{titleLines}")],
    }),
    tagParagraph("{#paragraphs}"),
    new Paragraph({ style: ReportStyle.body, children: [new TextRun("{text}")] }),
    tagParagraph("{/paragraphs}"),
    tagParagraph("{#isRectification}"),
    loopTable("rectificationRows", RECTIFICATION_COLUMNS),
    tagParagraph("{/isRectification}"),
    tagParagraph("{#isEvaluation}"),
    loopTable("evaluationRows", EVALUATION_COLUMNS),
    tagParagraph("{/isEvaluation}"),
    tagParagraph("{/attachments}"),
  ];
}
