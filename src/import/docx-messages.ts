/**
 * What the Word draft reader says, in zh-CN and en: why a file cannot be read as a .docx draft, and what
 * it read differently from the text (text boxes, comments, tracked changes, hidden text…). The codes are
 * {@link DocxIssueCode}; the sizes are the template limits, which drafts share.
 */
import { defineMessages } from "../messages/catalogue.js";
import { TemplateLimits } from "../template/open.js";

/** The issue codes of the Word draft reader: refusals (errors) first, then warnings. */
export const DocxIssueCode = {
  /** The file is not a zip archive, or is another kind of file (see `fileKind`). */
  NotADocx: "not_a_docx",
  /** The file, a part, or all parts together are larger than the limits for a .docx. */
  TooLarge: "too_large",
  /** The zip holds more files than a .docx may. */
  TooManyParts: "too_many_parts",
  /** The zip has no `word/document.xml`. */
  MissingDocument: "missing_document",
  /** A part declares a DTD (`<!DOCTYPE`), which Word never writes. */
  DtdNotAllowed: "dtd_not_allowed",
  /** A part is not well-formed XML. */
  InvalidXml: "invalid_xml",
  /** Tables or text boxes nested deeper than any real document nests them. */
  TooDeep: "too_deep",
  /** Warning: a paragraph came from a text box. */
  TextBox: "text_box",
  /** Warning: a picture, chart, SmartArt or embedded object, whose text (if any) is not imported. */
  Picture: "picture",
  /** Warning: hidden text (Word's "hidden" font effect), left out. */
  HiddenText: "hidden_text",
  /** Warning: a content control showing its placeholder ("单击或点击此处输入文字"), left out. */
  Placeholder: "placeholder",
  /** Warning: the draft has comments, left out. */
  Comments: "comments",
  /** Warning: the draft has tracked changes: insertions read, deletions left out. */
  TrackedChanges: "tracked_changes",
  /** Warning: footnotes or endnotes, left out. */
  Notes: "notes",
  /** Warning: text in a header or footer, left out. */
  HeaderText: "header_text",
  /** Warning: content embedded from another file (`w:altChunk`), left out. */
  EmbeddedFile: "embedded_file",
  /** Warning: a field that never ends (a damaged file): text after it may be missing. */
  UnclosedField: "unclosed_field",
} as const;
export type DocxIssueCode = (typeof DocxIssueCode)[keyof typeof DocxIssueCode];

/**
 * Where something is, in the draft's paragraphs (numbered from 1 as the reader returns them): in
 * paragraph n, or after it when it is not a paragraph itself (0: before the first).
 */
export interface Place {
  paragraph: number;
  after: boolean;
}

const placeZh = (p: Place) =>
  !p.after ? `第 ${p.paragraph} 段` : p.paragraph === 0 ? "第 1 段之前" : `第 ${p.paragraph} 段之后`;
const placeEn = (p: Place) =>
  !p.after
    ? `paragraph ${p.paragraph}`
    : p.paragraph === 0
      ? "before paragraph 1"
      : `after paragraph ${p.paragraph}`;
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const MB = 1024 * 1024;

export const docxMessages = defineMessages({
  [DocxIssueCode.NotADocx]: {
    "zh-CN": () =>
      "该草稿不是 Word 文档（.docx）：文件不是 zip 压缩包。请在 Word 或 WPS 中另存为“Word 文档（*.docx）”后重试。",
    en: () =>
      "The draft is not a Word document (.docx): the file is not a zip archive. Save it in Word or WPS as “Word 文档 (*.docx)”.",
  },
  [DocxIssueCode.TooLarge]: {
    "zh-CN": () =>
      `草稿文件过大：.docx 文件不得超过 ${TemplateLimits.maxFileBytes / MB} MB，解压后不得超过 ${TemplateLimits.maxTotalBytes / MB} MB（其中单个部件不超过 ${TemplateLimits.maxPartBytes / MB} MB），且各部件解压后的大小须与压缩包所记一致。请删去图片等大文件后重新保存。`,
    en: () =>
      `The draft is too large: a .docx may be at most ${TemplateLimits.maxFileBytes / MB} MB and unpack to at most ${TemplateLimits.maxTotalBytes / MB} MB (${TemplateLimits.maxPartBytes / MB} MB per part), each part unpacking to the size the zip declares. Remove large pictures and save it again.`,
  },
  [DocxIssueCode.TooManyParts]: {
    "zh-CN": () => `草稿文件内含的部件超过 ${TemplateLimits.maxEntries} 个，不是正常的 Word 文档。`,
    en: () =>
      `The draft holds more than ${TemplateLimits.maxEntries} files inside its zip: it is not an ordinary Word document.`,
  },
  [DocxIssueCode.MissingDocument]: {
    "zh-CN": () =>
      "该草稿不是 Word 文档：压缩包中没有 word/document.xml。请在 Word 或 WPS 中另存为“Word 文档（*.docx）”后重试。",
    en: () =>
      "The draft is not a Word document: the zip has no word/document.xml. Save it in Word or WPS as “Word 文档 (*.docx)”.",
  },
  [DocxIssueCode.DtdNotAllowed]: {
    "zh-CN": () =>
      "草稿文件中含有 DTD 声明（<!DOCTYPE>）。Word 从不写入 DTD，它可被用来攻击读取文件的程序，故不予读取。请在 Word 或 WPS 中打开后重新保存。",
    en: () =>
      "A part of the draft declares a DTD (<!DOCTYPE>), which Word never writes and which can be used to attack the program reading it. Open the draft in Word or WPS and save it again.",
  },
  [DocxIssueCode.InvalidXml]: {
    "zh-CN": (p: { part: string }) =>
      `草稿文件已损坏：其中的 ${p.part} 不是格式正确的 XML。请在 Word 或 WPS 中打开后重新保存。`,
    en: (p: { part: string }) =>
      `The draft is damaged: ${p.part} inside it is not well-formed XML. Open it in Word or WPS and save it again.`,
  },
  [DocxIssueCode.TooDeep]: {
    "zh-CN": (p: { part: string }) => `草稿的 ${p.part} 中表格或文本框嵌套过深，不是正常的 Word 文档。`,
    en: (p: { part: string }) =>
      `Tables or text boxes are nested too deeply in ${p.part} of the draft: it is not an ordinary Word document.`,
  },
  [DocxIssueCode.TextBox]: {
    "zh-CN": (p: { first: number; last: number }) =>
      `${p.first === p.last ? `第 ${p.first} 段` : `第 ${p.first}—${p.last} 段`}位于文本框中，已按文本框所在位置作为正文段落读入，请核对其位置。`,
    en: (p: { first: number; last: number }) =>
      `${p.first === p.last ? `Paragraph ${p.first} is` : `Paragraphs ${p.first}–${p.last} are`} in a text box: read as body paragraphs where the text box is anchored; check where they belong.`,
  },
  [DocxIssueCode.Picture]: {
    "zh-CN": (p: Place & { count: number }) =>
      `${placeZh(p)}有${p.count > 1 ? ` ${p.count} 个` : ""}图片、图表或嵌入对象，未导入；其中如有文字，请改为正文输入。`,
    en: (p: Place & { count: number }) =>
      `${cap(placeEn(p))} holds ${p.count > 1 ? `${p.count} pictures, charts or embedded objects` : "a picture, chart or embedded object"}: left out. If ${p.count > 1 ? "they hold" : "it holds"} text, type it into the body.`,
  },
  [DocxIssueCode.HiddenText]: {
    "zh-CN": (p: Place & { text: string }) => `${placeZh(p)}有隐藏文字“${p.text}”，打印时不显示，未导入。`,
    en: (p: Place & { text: string }) =>
      `${cap(placeEn(p))} has hidden text «${p.text}», which Word neither shows nor prints: left out.`,
  },
  [DocxIssueCode.Placeholder]: {
    "zh-CN": (p: Place & { text: string }) =>
      `${placeZh(p)}的内容控件仍显示占位提示“${p.text}”，尚未填写，未导入。`,
    en: (p: Place & { text: string }) =>
      `A content control in ${placeEn(p)} still shows its placeholder «${p.text}» (nothing typed in it): left out.`,
  },
  [DocxIssueCode.Comments]: {
    "zh-CN": (p: { count: number }) =>
      `草稿中有 ${p.count} 条批注，批注不属于正文，未导入；批注所标注的文字照常读入。`,
    en: (p: { count: number }) =>
      `The draft has ${p.count} comment${p.count > 1 ? "s" : ""}: comments are not part of the text and are left out (the text they mark is read).`,
  },
  [DocxIssueCode.TrackedChanges]: {
    "zh-CN": (p: { insertions: number; deletions: number }) =>
      `草稿中有修订（插入 ${p.insertions} 处，删除 ${p.deletions} 处），已按接受全部修订后的文字读入：插入的文字保留，删除的文字不计。`,
    en: (p: { insertions: number; deletions: number }) =>
      `The draft has tracked changes (${p.insertions} insertion${p.insertions === 1 ? "" : "s"}, ${p.deletions} deletion${p.deletions === 1 ? "" : "s"}): read as if all were accepted, insertions kept and deletions left out.`,
  },
  [DocxIssueCode.Notes]: {
    "zh-CN": (p: { count: number }) => `草稿中有 ${p.count} 处脚注或尾注，注释文字未导入。`,
    en: (p: { count: number }) =>
      `The draft has ${p.count} footnote${p.count > 1 ? "s or endnotes" : " or endnote"}: their text is left out.`,
  },
  [DocxIssueCode.HeaderText]: {
    "zh-CN": (p: { footer: boolean; text: string }) =>
      `${p.footer ? "页脚" : "页眉"}中有文字“${p.text}”，页眉页脚不属于正文，未导入；如是正文内容，请移到正文中。`,
    en: (p: { footer: boolean; text: string }) =>
      `The ${p.footer ? "footer" : "header"} holds «${p.text}»: headers and footers are not part of the text and are left out. If it belongs to the text, move it into the body.`,
  },
  [DocxIssueCode.EmbeddedFile]: {
    "zh-CN": (p: Place) =>
      `${placeZh(p)}嵌入了另一文件的内容（altChunk），未导入。请在 Word 中打开并保存一次，使其成为正文。`,
    en: (p: Place) =>
      `Content embedded from another file (altChunk) ${placeEn(p)} is left out. Open the draft in Word and save it once to make it part of the text.`,
  },
  [DocxIssueCode.UnclosedField]: {
    "zh-CN": (p: Place) =>
      `${placeZh(p)}中的域（如日期、页码）没有结束标记，其后的文字可能被当作域代码而未读入。请在 Word 中打开后重新保存，再行导入。`,
    en: (p: Place) =>
      `A field (a date, a page number…) in ${placeEn(p)} never ends: the text after it may have been taken for the field's code and left out. Open the draft in Word, save it again and import it again.`,
  },
});
