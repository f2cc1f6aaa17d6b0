import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  type ICharacterStyleOptions,
  type IParagraphStyleOptions,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  SectionType,
  type Table,
  TextRun,
} from "docx";
import type PizZip from "pizzip";
import { deflatePart, writeZip } from "../template/docx-zip.js";
import { openZip } from "../template/zip.js";
import { attachmentNote, attachmentPages, tableTextStyle } from "./attachments.js";
import {
  cjkFont,
  FIRST_LINE_INDENT,
  FONT,
  FOOTER_DISTANCE,
  GRID,
  PAGE,
  PAGE_NUMBER_CHAR_TWIPS,
  PAGE_NUMBER_LINE,
  SIZE,
} from "./gbt9704.js";
import {
  fontNames,
  type LayoutOptions,
  linePitch,
  pageMargins,
  type ResolvedLayout,
  resolveLayout,
} from "./options.js";
import { ReportCharacterStyle, ReportStyle } from "./styles.js";
import { loop, tagParagraph } from "./tags.js";

/**
 * The date written into docProps/core.xml as created and modified: the docx package writes the time of
 * the build, which would make every build differ.
 */
const FIXED_DOC_DATE = "2026-01-01T00:00:00Z";

/** Every line of text is one grid line: 28.95 pt exact (by default), nothing before or after. */
export function gridLine(layout: ResolvedLayout) {
  return { line: linePitch(layout), lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;
}

/** The 公文 paragraph styles shared by every built-in template, for a layout. */
export const reportParagraphStyles = (layout: ResolvedLayout): IParagraphStyleOptions[] => [
  {
    // The 28-a-line squeeze lives here rather than in the document defaults, so that the page number,
    // which is not based on Normal, escapes it (the docx package cannot write a spacing of 0 to undo it).
    id: "Normal",
    name: "Normal",
    quickFormat: true,
    run: { characterSpacing: GRID.characterSpacing },
  },
  {
    id: ReportStyle.title,
    name: "公文-标题",
    basedOn: "Normal",
    next: ReportStyle.recipient,
    quickFormat: true,
    uiPriority: 1,
    paragraph: {
      alignment: AlignmentType.CENTER,
      // One grid line per title line keeps page 1 on the same 22-line grid as the rest (the standard
      // counts the space around the title in lines: "标题下空一行"); 22 pt in 28.95 pt leaves 7 pt of
      // leading, enough for a two- or three-line title. The blank line below is spacing, not a paragraph.
      // The style is also taken off the grid (see normalise), or LibreOffice may give a title line two.
      spacing: { ...gridLine(layout), after: linePitch(layout) },
    },
    run: { font: cjkFont(FONT.xiaoBiaoSong), size: SIZE.title },
  },
  {
    id: ReportStyle.recipient,
    name: "公文-主送机关",
    basedOn: "Normal",
    next: ReportStyle.body,
    quickFormat: true,
    uiPriority: 2,
    paragraph: { alignment: AlignmentType.LEFT },
  },
  {
    id: ReportStyle.body,
    name: "公文-正文",
    basedOn: "Normal",
    next: ReportStyle.body,
    quickFormat: true,
    uiPriority: 3,
    paragraph: { alignment: AlignmentType.BOTH, indent: { firstLine: FIRST_LINE_INDENT } },
  },
  {
    id: ReportStyle.heading1,
    name: "公文-一级标题",
    basedOn: ReportStyle.body,
    next: ReportStyle.body,
    quickFormat: true,
    uiPriority: 4,
    // outlineLevel 0 is Word's level 1: the navigation pane and a table of contents list it.
    // Kept whole and with its first paragraph: a page never ends with a heading (背题).
    paragraph: { keepNext: true, keepLines: true, outlineLevel: 0 },
    run: { font: cjkFont(FONT.heiTi) },
  },
  {
    id: ReportStyle.heading2,
    name: "公文-二级标题段",
    basedOn: ReportStyle.body,
    next: ReportStyle.body,
    quickFormat: true,
    uiPriority: 5,
    // The heading is run-in (its paragraph goes on in 仿宋), so the whole paragraph carries level 2.
    paragraph: { outlineLevel: 1 },
  },
  {
    id: ReportStyle.signature,
    name: "公文-发文机关署名",
    basedOn: "Normal",
    next: ReportStyle.date,
    quickFormat: true,
    uiPriority: 6,
    paragraph: { alignment: AlignmentType.RIGHT },
  },
  {
    id: ReportStyle.date,
    name: "公文-成文日期",
    basedOn: "Normal",
    next: ReportStyle.body,
    quickFormat: true,
    uiPriority: 7,
    paragraph: { alignment: AlignmentType.RIGHT },
  },
  {
    id: ReportStyle.pageNumber,
    name: "公文-页码",
    uiPriority: 8,
    paragraph: {
      // An exact line so the page number's distance below the 版心 is known (see FOOTER_DISTANCE).
      spacing: { line: PAGE_NUMBER_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    },
    // 半角 宋体 for the digits as well; not based on Normal, so no character tightening.
    run: {
      font: { ascii: FONT.songTi, hAnsi: FONT.songTi, cs: FONT.songTi, eastAsia: FONT.songTi },
      size: SIZE.pageNumber,
    },
  },
  tableTextStyle,
];

/** The run-in heading character styles shared by every built-in template. */
export const reportCharacterStyles = (layout: ResolvedLayout): ICharacterStyleOptions[] => [
  {
    id: ReportCharacterStyle.runIn2,
    name: "公文-二级标题",
    quickFormat: true,
    uiPriority: 9,
    run: { font: cjkFont(fontNames(layout).kaiTi) },
  },
  {
    id: ReportCharacterStyle.runIn3,
    name: "公文-三级标题",
    quickFormat: true,
    uiPriority: 10,
    run: { bold: true, boldComplexScript: true },
  },
];

/**
 * An item: with a text, a body paragraph that starts with its run-in heading (`{number}{heading}` then
 * `{text}`); without one, the heading on a line of its own, kept on the page of the paragraph after it
 * (and whole), so that no page ends with a heading (背题).
 */
function itemParagraphs(style: string, headingStyle?: string): Paragraph[] {
  const heading = () => new TextRun({ text: "{number}{heading}", style: headingStyle });
  return [
    ...loop("text", new Paragraph({ style, children: [heading(), new TextRun("{text}")] })),
    tagParagraph("{^text}"),
    new Paragraph({ style, keepNext: true, keepLines: true, children: [heading()] }),
    tagParagraph("{/text}"),
  ];
}

/**
 * The body from the title to the closing paragraphs, shared by every built-in template; the tag
 * vocabulary is `SummaryView` (src/format/view-types.ts).
 * @param titleStyle - the title's paragraph style (the `document` template's adds room above)
 */
export function reportBodyParagraphs(titleStyle: string = ReportStyle.title): Paragraph[] {
  return [
    tagParagraph("{title}", titleStyle),
    ...loop("recipient", tagParagraph("{recipient}：", ReportStyle.recipient)),
    ...loop("opening", tagParagraph("{text}", ReportStyle.body)),
    ...loop(
      "sections",
      tagParagraph("{number}{heading}", ReportStyle.heading1),
      ...loop(
        "blocks",
        ...loop("isParagraph", tagParagraph("{text}", ReportStyle.body)),
        ...loop("isLevel2", ...itemParagraphs(ReportStyle.heading2, ReportCharacterStyle.runIn2)),
        ...loop("isLevel3", ...itemParagraphs(ReportStyle.body, ReportCharacterStyle.runIn3)),
        ...loop("isLevel4", ...itemParagraphs(ReportStyle.body)),
        ...loop("isOrdinal", tagParagraph("{number}{text}", ReportStyle.body)),
      ),
    ),
    ...loop("closing", tagParagraph("{text}", ReportStyle.body)),
  ];
}

/**
 * The body, then in GB/T 9704 order the 附件说明, the sign-off, and each attachment on pages of its own:
 * the same for every built-in template, so no template drops a summary's attachments.
 * @param layout - the line pitch of the blank lines
 * @param titleStyle - the title's paragraph style
 * @param signOff - the sign-off tag (`{@signOff}`, or the sealed `{@document.signOff}`)
 * @param beforeSignOff - paragraphs between the 附件说明 and the sign-off (the 纪要's attendance lines)
 */
export function bodyWithSignOff(
  layout: ResolvedLayout,
  titleStyle: string,
  signOff: string,
  beforeSignOff: (Paragraph | Table)[] = [],
): (Paragraph | Table)[] {
  return [
    ...reportBodyParagraphs(titleStyle),
    ...attachmentNote(layout),
    ...beforeSignOff,
    tagParagraph(signOff),
    ...attachmentPages(layout),
  ];
}

/** "— N —", odd pages on the right and even pages on the left, each 1 character in from the edge. */
export function pageNumberFooter(side: "odd" | "even"): Footer {
  const placement =
    side === "odd"
      ? { alignment: AlignmentType.RIGHT, indent: { right: PAGE_NUMBER_CHAR_TWIPS } }
      : { alignment: AlignmentType.LEFT, indent: { left: PAGE_NUMBER_CHAR_TWIPS } };
  const run = new TextRun({ children: ["\u2014 ", PageNumber.CURRENT, " \u2014"] });
  return new Footer({
    children: [new Paragraph({ style: ReportStyle.pageNumber, ...placement, children: [run] })],
  });
}

/** What differs between the built-in templates; the page, styles and footers are shared. */
export interface TemplateSpec {
  /** docProps/core.xml subject. */
  subject: string;
  /** Paragraph styles beyond the shared ones. */
  paragraphStyles?: IParagraphStyleOptions[];
  /** Character styles beyond the shared ones. */
  characterStyles?: ICharacterStyleOptions[];
  /** The body. */
  children: (Paragraph | Table)[];
  /** Styles to take off the grid like the title (large red marks). */
  offGridStyles?: string[];
  /**
   * A last section without page numbers that starts on an even page (the 红头文件's 版记: the back of the
   * last sheet, GB/T 9704-2012 7.4, with a blank page before it when the text ends on an even page).
   */
  evenPageEnd?: (Paragraph | Table)[];
}

/** See `gongwenDocument`: how much higher the blank footer of an even-page section sits, in twips. */
const EVEN_PAGE_FOOTER_SHIFT = 186;

function gongwenDocument(spec: TemplateSpec, layout: ResolvedLayout): Document {
  const margins = pageMargins(layout);
  const page = {
    size: { width: PAGE.width, height: PAGE.height },
    margin: {
      ...margins,
      // The page number stays 7 mm below the 版心, whatever the bottom margin.
      footer: FOOTER_DISTANCE - PAGE.marginBottom + margins.bottom,
    },
  };
  // Lines only: a character pitch needs a negative w:charSpace, which LibreOffice misreads.
  const grid = { type: DocumentGridType.LINES, linePitch: linePitch(layout) };
  // Footers of their own, blank: a section without them would take the page numbers of the one before.
  // A space, not nothing: LibreOffice sizes an empty footer otherwise, and the 版记 would sit 1.2 mm lower.
  const blank = () =>
    new Footer({
      children: [new Paragraph({ style: ReportStyle.pageNumber, children: [new TextRun(" ")] })],
    });
  // LibreOffice (7.4) ends the text block of a section that starts on an even page 9.3 pt (186 twips) into
  // the bottom margin, measured from the footer's distance: that blank footer sits that much higher, so
  // the block ends where GB/T 9704 puts it. Word keeps the text block to the margins either way (the
  // footer's 14 pt line still ends below the 版心).
  const endPage = {
    ...page,
    margin: { ...page.margin, footer: page.margin.footer + EVEN_PAGE_FOOTER_SHIFT },
  };
  const end = spec.evenPageEnd
    ? [
        {
          properties: { type: SectionType.EVEN_PAGE, page: endPage, grid },
          footers: { default: blank(), even: blank() },
          children: spec.evenPageEnd,
        },
      ]
    : [];
  return new Document({
    // docxtemplater fills docProps/core.xml too: a rendered report carries its own title in File ▸ Properties.
    title: "{title}",
    subject: spec.subject,
    creator: "meeting-summary-docx",
    lastModifiedBy: "meeting-summary-docx",
    revision: 1,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: {
            font: cjkFont(fontNames(layout).fangSong),
            size: SIZE.body,
            language: { value: "en-US", eastAsia: "zh-CN" },
          },
          paragraph: { spacing: gridLine(layout) },
        },
      },
      paragraphStyles: [...reportParagraphStyles(layout), ...(spec.paragraphStyles ?? [])],
      characterStyles: [...reportCharacterStyles(layout), ...(spec.characterStyles ?? [])],
    },
    sections: [
      {
        properties: { page, grid },
        footers: { default: pageNumberFooter("odd"), even: pageNumberFooter("even") },
        children: spec.children,
      },
      ...end,
    ],
  });
}

/**
 * A field's `separate` run directly followed by its `end` run: a field with no result. Group 2 is the
 * run properties, repeated on the result run.
 */
const FIELD_WITHOUT_RESULT =
  /(<w:r>(<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:fldChar w:fldCharType="separate"\/><\/w:r>)(?=<w:r>(?:<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:fldChar w:fldCharType="end"\/>)/;

/** Replaces what must be there; a docx upgrade that changes its output fails here, not in Word. */
export function fixUp(xml: string, pattern: RegExp, replacement: string, what: string): string {
  if (xml.search(pattern) === -1) throw new Error(`buildReportTemplate: cannot find ${what} to fix up`);
  return xml.replace(pattern, replacement);
}

/**
 * The docx package's built-in paragraph styles the template does not use (Title, Heading 1–6 in blue,
 * Caption, TOC …): left in, Word's style gallery would offer them beside the 公文 styles.
 */
const UNUSED_STYLES =
  /<w:style w:type="paragraph" w:styleId="(?:Title|Heading\d|Strong|ListParagraph|Caption|Bibliography|TOC\d)">.*?<\/w:style>/gs;

/**
 * The fonts the template names, with the name Word should try when one is missing (w:altName): most
 * machines have 仿宋 and 楷体 but not the _GB2312 faces. Charset 86 is GB2312.
 */
function fontTable(layout: ResolvedLayout): string {
  const font = fontNames(layout);
  const cjk =
    layout.fonts === "plain"
      ? [
          [font.fangSong, "FangSong"],
          [font.kaiTi, "KaiTi"],
        ]
      : [
          [FONT.fangSong, "仿宋"],
          [FONT.kaiTi, "楷体"],
        ];
  return [
    `<w:font w:name="${FONT.latin}"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>`,
    ...[...cjk, [FONT.heiTi, "SimHei"], [FONT.xiaoBiaoSong, "宋体"], [FONT.songTi, "SimSun"]].map(
      ([name, alt]) =>
        `<w:font w:name="${name}"><w:altName w:val="${alt}"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>`,
    ),
  ].join("");
}

/** Rewrites one part of the package; a part that is missing is a bug in this file. */
function editPart(zip: PizZip, name: string, edit: (xml: string) => string): void {
  const file = zip.file(name);
  if (file === null) throw new Error(`buildReportTemplate: the docx package wrote no ${name}`);
  zip.file(name, edit(file.asText()));
}

/** The XML changes the docx package has no option for. */
function normalise(zip: PizZip, layout: ResolvedLayout, offGridStyles: readonly string[]): void {
  editPart(zip, "docProps/core.xml", (xml) =>
    fixUp(
      fixUp(xml, /(<dcterms:created[^>]*>)[^<]*/, `$1${FIXED_DOC_DATE}`, "dcterms:created"),
      /(<dcterms:modified[^>]*>)[^<]*/,
      `$1${FIXED_DOC_DATE}`,
      "dcterms:modified",
    ),
  );
  editPart(zip, "word/styles.xml", (xml) => {
    let out = fixUp(xml, UNUSED_STYLES, "", "the default styles");
    // The docx package writes neither of these paragraph properties in styles:
    // - widow/orphan control on, said outright: the standard reads a missing w:widowControl as off and
    //   LibreOffice as on. On, no paragraph leaves its first line alone at a page's foot or its last line
    //   alone at the next page's head; a page then holds one line fewer where that would happen.
    out = fixUp(out, /<w:pPrDefault><w:pPr>/, "$&<w:widowControl/>", "the paragraph defaults");
    // - the title and the table text off the grid (table lines are "at least 20 pt", not a grid line); LibreOffice rounds a title line up to two grid lines whenever the font's
    //   ascent + descent exceeds the pitch (its stand-in for 小标宋 does), and page 1 would lose a line;
    //   Word keeps the exact spacing either way.
    for (const id of [ReportStyle.title, ReportStyle.tableText, ...offGridStyles]) {
      const style = new RegExp(`<w:style w:type="paragraph" w:styleId="${id}">.*?<w:pPr>`);
      out = fixUp(out, style, '$&<w:snapToGrid w:val="0"/>', `the ${id} style`);
    }
    return out;
  });
  editPart(zip, "word/fontTable.xml", (xml) =>
    fixUp(xml, /<w:fonts([^>]*)\/>/, `<w:fonts$1>${fontTable(layout)}</w:fonts>`, "the empty font table"),
  );
  // Word expects a field to carry its last result between `separate` and `end`, and may offer to repair
  // a file whose field has none; the docx package writes none, and writes the instruction without the
  // spaces Word puts around it.
  for (const name of Object.keys(zip.files).filter((n) => /^word\/footer\d+\.xml$/.test(n))) {
    if (!zip.file(name)?.asText().includes("PAGE")) continue; // a blank footer
    editPart(zip, name, (xml) =>
      fixUp(
        fixUp(
          xml,
          /<w:instrText xml:space="preserve">PAGE</,
          '<w:instrText xml:space="preserve"> PAGE <',
          "PAGE",
        ),
        FIELD_WITHOUT_RESULT,
        "$1<w:r>$2<w:t>1</w:t></w:r>",
        "the PAGE field",
      ),
    );
  }
}

/**
 * Packs a built-in template: the shared page, styles and footers around `spec`'s body, normalised and
 * deterministic.
 * @param spec - what the template adds
 * @param layout - resolved layout options
 */
export async function packTemplate(spec: TemplateSpec, layout: ResolvedLayout): Promise<Uint8Array> {
  const zip = openZip(await Packer.pack(gongwenDocument(spec, layout), "uint8array"));
  normalise(zip, layout, spec.offGridStyles ?? []);
  // Written as the renders and the layout patch write a zip (src/template/docx-zip.ts), so that a layout
  // patched from the default template is this template byte for byte.
  return writeZip(Object.values(zip.files).map((file) => deflatePart(file.name, file.asUint8Array())));
}

/**
 * Builds the built-in `report` template: an A4 GB/T 9704-2012 page (22 lines × 28 characters), the 公文
 * styles, odd/even "— N —" page numbers, and the tags of `SummaryView` in reading order, one control
 * tag a paragraph (render with docxtemplater `paragraphLoop: true, linebreaks: true`).
 * The same bytes come out on every build and every machine, so the committed templates/report.docx can be
 * checked against a fresh build. Runs in browsers as well as Node.
 * @param layout - {@link LayoutOptions}: fonts, margins, lines per page (defaults: GB/T 9704's)
 * @returns The .docx file.
 * @throws TypeError / RangeError for wrong layout options
 * @example
 * const bytes = await buildReportTemplate();
 * new Docxtemplater(new PizZip(bytes), { paragraphLoop: true, linebreaks: true }).render(view);
 */
export async function buildReportTemplate(layout?: LayoutOptions): Promise<Uint8Array> {
  const resolved = resolveLayout(layout);
  return packTemplate(
    {
      subject: "组织生活会、民主生活会总结报告（GB/T 9704-2012 公文格式）",
      children: bodyWithSignOff(resolved, ReportStyle.title, "{@signOff}"),
    },
    resolved,
  );
}
