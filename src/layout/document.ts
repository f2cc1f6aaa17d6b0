import {
  AlignmentType,
  BorderStyle,
  type ICharacterStyleOptions,
  type IParagraphStyleOptions,
  LineRuleType,
  Paragraph,
  RelativeVerticalPosition,
  Table,
  TableAnchorType,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from "docx";
import { DocumentCharacterStyle, DocumentStyle } from "./document-styles.js";
import { CHAR_TWIPS, cjkFont, FONT, mmToTwips, SIZE, TEXT_WIDTH } from "./gbt9704.js";
import {
  fontNames,
  type LayoutOptions,
  linePitch,
  pageMargins,
  type ResolvedLayout,
  resolveLayout,
} from "./options.js";
import { bodyWithSignOff, packTemplate, type TemplateSpec } from "./report.js";
import { ReportStyle } from "./styles.js";
import { loop, tagParagraph } from "./tags.js";

/** The red of the 版头 (and the seal): pure red, as the standard's "红色" is printed in practice. */
export const MARK_RED = "FF0000";

/** 小初, 36 pt: the usual size of a 发文机关标志 of up to 12 characters (12 × 36 pt ≈ 152 mm). */
const MARK_SIZE = 72;

/** The mark's exact line: a little taller than the face, so Word does not clip its top. */
const MARK_LINE = 800;

/** One character of 4号 text (14 pt): the 版记's 1-character insets. */
const IMPRINT_CHAR = 280;

/**
 * The red separator: 1.5 pt thick (w:sz in eighths of a point), 4 mm below the 发文字号. The border's space
 * is counted from the bottom of the 28.95 pt line, which already holds about 5 pt below the characters, so
 * 6 pt more puts the rule 4 mm under them (measured in LibreOffice: 4.0 mm).
 */
const SEPARATOR = { style: BorderStyle.SINGLE, size: 12, color: MARK_RED, space: 6 } as const;

/** 版记 rules in eighths of a point: 0.35 mm ≈ 1 pt outer, 0.25 mm ≈ 0.75 pt between. */
export const IMPRINT_RULE = { outer: 8, inner: 6 } as const;

/** The paragraph styles the `document` and `minutes` templates add. */
function documentParagraphStyles(layout: ResolvedLayout): IParagraphStyleOptions[] {
  const pitch = linePitch(layout);
  const font = fontNames(layout);
  return [
    {
      id: DocumentStyle.mark,
      name: "公文-发文机关标志",
      // Not based on Normal: no character tightening, so a long mark keeps its natural width.
      uiPriority: 11,
      paragraph: {
        alignment: AlignmentType.CENTER,
        // The top edge of the mark 35 mm below the top of the 版心: the line's extra height above the face
        // (half of it, measured in LibreOffice) is taken off the space before.
        spacing: {
          before: mmToTwips(35) - (MARK_LINE - MARK_SIZE * 10) / 2,
          line: MARK_LINE,
          lineRule: LineRuleType.EXACT,
          after: 0,
        },
      },
      run: { font: cjkFont(FONT.xiaoBiaoSong), size: MARK_SIZE, color: MARK_RED },
    },
    {
      id: DocumentStyle.documentNumber,
      name: "公文-发文字号",
      basedOn: "Normal",
      next: DocumentStyle.documentTitle,
      uiPriority: 12,
      paragraph: {
        alignment: AlignmentType.CENTER,
        // Two blank lines below the mark.
        spacing: { before: 2 * pitch, line: pitch, lineRule: LineRuleType.EXACT, after: 0 },
        border: { bottom: SEPARATOR },
      },
    },
    {
      id: DocumentStyle.documentNumberUpward,
      name: "公文-发文字号与签发人",
      basedOn: DocumentStyle.documentNumber,
      next: DocumentStyle.documentTitle,
      uiPriority: 13,
      paragraph: {
        // No indents, so the separator stays text-block wide: the insets are tab stops on the paragraph.
        alignment: AlignmentType.LEFT,
      },
    },
    {
      id: DocumentStyle.documentTitle,
      name: "公文-文件标题",
      basedOn: ReportStyle.title,
      next: ReportStyle.recipient,
      uiPriority: 14,
      paragraph: { spacing: { before: 2 * pitch, after: pitch, line: pitch, lineRule: LineRuleType.EXACT } },
    },
    {
      id: DocumentStyle.imprint,
      name: "公文-版记",
      uiPriority: 15,
      paragraph: { spacing: { line: pitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
      run: { font: cjkFont(font.fangSong), size: SIZE.pageNumber },
    },
    {
      id: DocumentStyle.attendance,
      name: "公文-纪要出席",
      basedOn: "Normal",
      next: DocumentStyle.attendance,
      uiPriority: 16,
      // "出席：" is 3 characters: indented 2, the wrapped lines 2 + 3 in.
      paragraph: { alignment: AlignmentType.BOTH, indent: { left: 5 * CHAR_TWIPS, hanging: 3 * CHAR_TWIPS } },
    },
  ];
}

/** The character styles the `document` and `minutes` templates add. */
function documentCharacterStyles(layout: ResolvedLayout): ICharacterStyleOptions[] {
  return [
    {
      id: DocumentCharacterStyle.signer,
      name: "公文-签发人姓名",
      uiPriority: 17,
      run: { font: cjkFont(fontNames(layout).kaiTi) },
    },
    {
      id: DocumentCharacterStyle.attendanceLabel,
      name: "公文-纪要出席标签",
      uiPriority: 18,
      run: { font: cjkFont(FONT.heiTi) },
    },
  ];
}

/**
 * What the templates with a red mark (`document`, `minutes`) add to the shared template: their styles, and
 * the mark's style taken off the line grid.
 */
export function markTemplateStyles(
  layout: ResolvedLayout,
): Pick<TemplateSpec, "paragraphStyles" | "characterStyles" | "offGridStyles"> {
  return {
    paragraphStyles: documentParagraphStyles(layout),
    characterStyles: documentCharacterStyles(layout),
    offGridStyles: [DocumentStyle.mark],
  };
}

/** The 版头: mark, then the 发文字号 centred (downward) or beside the 签发人 (upward), with the separator. */
function header(): Paragraph[] {
  const upward = new Paragraph({
    style: DocumentStyle.documentNumberUpward,
    tabStops: [
      { type: TabStopType.LEFT, position: CHAR_TWIPS },
      { type: TabStopType.RIGHT, position: TEXT_WIDTH - CHAR_TWIPS },
    ],
    children: [
      new TextRun({ children: ["\t{document.number}\t签发人："] }),
      new TextRun({ text: "{document.signer}", style: DocumentCharacterStyle.signer }),
    ],
  });
  return [
    tagParagraph("{document.mark}", DocumentStyle.mark),
    ...loop("document.isDownward", tagParagraph("{document.number}", DocumentStyle.documentNumber)),
    ...loop("document.isUpward", upward),
  ];
}

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: "auto" } as const;

function imprintParagraph(children: TextRun[], tabs = false): Paragraph {
  return new Paragraph({
    style: DocumentStyle.imprint,
    children,
    ...(tabs ? { tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - 2 * IMPRINT_CHAR }] } : {}),
  });
}

/** "抄送：" is 3 characters; a little slack so that no renderer wraps it. */
const COPY_LABEL = 3 * IMPRINT_CHAR + 40;

/**
 * The 版记: a text-block-wide table whose rules are its borders — 1 pt (0.35 mm) above and below,
 * 0.75 pt (0.25 mm) between the rows, none at the sides — with 1-character (4号) insets as cell margins.
 * Paragraph borders would follow the 1-character indents and stop short of the edges; a table's do not.
 * The 抄送 row has two cells, the label and the names, so wrapped names align after "：", and so that
 * docxtemplater drops the whole row when there is no 抄送 (a condition that opens in one cell and closes
 * in another repeats the row). The 印发 row: 印发机关 at the left, "印发日期印发" at the right.
 *
 * The table floats, aligned to the bottom of the 版心 (`tblpYSpec="bottom"` against the margin), so its
 * last rule sits on the bottom edge of the text block of the page its anchor — the paragraph after it,
 * the document's last — lands on, with a blank line before it. When the sign-off leaves no room,
 * the anchor and the 版记 move to the next page together. It is placed from the page's left edge at the
 * left margin, not from the margin at 0: LibreOffice keeps a table as wide as the text block inline when
 * it is placed against the margin (only a narrower one, or one placed against the page, becomes a
 * floating frame), and Word draws both the same.
 * @param layout - the margins: where the text block starts
 */
function imprint(layout: ResolvedLayout): Table {
  const copyTo = new TableRow({
    cantSplit: true,
    children: [
      new TableCell({
        width: { size: IMPRINT_CHAR + COPY_LABEL, type: WidthType.DXA },
        margins: { left: IMPRINT_CHAR, right: 0 },
        children: [imprintParagraph([new TextRun("{#document.hasCopyTo}"), new TextRun("抄送：")])],
      }),
      new TableCell({
        width: { size: TEXT_WIDTH - IMPRINT_CHAR - COPY_LABEL, type: WidthType.DXA },
        margins: { left: 0, right: IMPRINT_CHAR },
        children: [
          imprintParagraph([new TextRun("{document.copyTo}"), new TextRun("{/document.hasCopyTo}")]),
        ],
      }),
    ],
  });
  const printed = new TableRow({
    cantSplit: true,
    children: [
      new TableCell({
        columnSpan: 2,
        width: { size: TEXT_WIDTH, type: WidthType.DXA },
        margins: { left: IMPRINT_CHAR, right: IMPRINT_CHAR },
        children: [
          imprintParagraph(
            [new TextRun({ children: ["{document.printer}\t{document.printDate}印发"] })],
            true,
          ),
        ],
      }),
    ],
  });
  const outer = { style: BorderStyle.SINGLE, size: IMPRINT_RULE.outer, color: "000000" } as const;
  return new Table({
    float: {
      horizontalAnchor: TableAnchorType.PAGE,
      absoluteHorizontalPosition: pageMargins(layout).left,
      verticalAnchor: TableAnchorType.MARGIN,
      relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
    },
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [IMPRINT_CHAR + COPY_LABEL, TEXT_WIDTH - IMPRINT_CHAR - COPY_LABEL],
    layout: TableLayoutType.FIXED,
    // No cell-margin shift: the table's edges are the text block's. LibreOffice moves a floating table
    // left by the table's default cell margin (108 twips unless set), so that default is 0; each cell
    // sets its own insets.
    indent: { size: 0, type: WidthType.DXA },
    margins: { left: 0, right: 0, marginUnitType: WidthType.DXA },
    borders: {
      top: outer,
      bottom: outer,
      insideHorizontal: { style: BorderStyle.SINGLE, size: IMPRINT_RULE.inner, color: "000000" },
      left: NO_BORDER,
      right: NO_BORDER,
      insideVertical: NO_BORDER,
    },
    rows: [copyTo, printed],
  });
}

/**
 * An empty paragraph 1 pt high, so it never adds a line of its own: the end of the text's section (the
 * paragraph that carries its `w:sectPr`), and the document's last paragraph, the floating 版记's anchor (a
 * floating table is placed on the page of the paragraph after it, and Word wants a paragraph after a
 * table at the end of a document).
 */
function anchorParagraph(): Paragraph {
  return new Paragraph({
    spacing: { line: 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    children: [],
  });
}

/**
 * Builds the built-in `document` template, the 红头文件 of GB/T 9704-2012: the red 发文机关标志, the
 * 发文字号 (and 签发人 for upward documents) over the red separator, the report's title and body, the
 * sealed sign-off (7.3.5.1) and the 版记 (抄送, 印发机关, 印发日期) at the foot of the last page. Tags are
 * `SummaryView`'s, with `document.*` for the 版头 and 版记. Deterministic, like the report template.
 * @param layout - {@link LayoutOptions}: fonts, margins, lines per page
 * @returns the .docx file
 * @throws TypeError / RangeError for wrong layout options
 * @example
 * const bytes = await buildDocumentTemplate({ fonts: "plain" })
 */
export async function buildDocumentTemplate(layout?: LayoutOptions): Promise<Uint8Array> {
  const resolved = resolveLayout(layout);
  return packTemplate(
    {
      subject: "组织生活会、民主生活会总结报告（GB/T 9704-2012 红头文件格式）",
      ...markTemplateStyles(resolved),
      children: [
        ...header(),
        ...bodyWithSignOff(resolved, DocumentStyle.documentTitle, "{@document.signOff}"),
        // The paragraph that ends the text's section (it carries its w:sectPr): 1 pt, outside every loop.
        anchorParagraph(),
      ],
      // The 版记 on a page of its own at the back of the last sheet: an even page, unnumbered.
      // LibreOffice anchors a floating table that opens a section to the section before: a 1 pt
      // paragraph first keeps it on its page.
      evenPageEnd: [
        anchorParagraph(),
        ...loop<Paragraph | Table>("document.hasImprint", imprint(resolved)),
        anchorParagraph(),
      ],
    },
    resolved,
  );
}
