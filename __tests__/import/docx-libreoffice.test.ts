/**
 * A real office suite as the judge of "as Word shows it": LibreOffice prints an auto-numbered draft as
 * text (its list numbers written out by its own numbering code), and saves the draft again as .docx in
 * its own XML; readDocxDraft must read the same numbers and text from both. CI installs LibreOffice
 * (.ci/run); on a machine without it these tests are skipped, except under CI where its absence fails.
 */
import {
  AlignmentType,
  Document,
  LevelFormat,
  LevelSuffix,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from "docx";
import { readDocxDraft } from "../../src/import/docx";
import { convert, withLibreOffice } from "../helpers/libreoffice";

/** One .docx converted by LibreOffice. */
const converted = (docx: Uint8Array, format: string, extension: string): Buffer =>
  (convert({ draft: docx }, format, extension).draft as { bytes: Buffer }).bytes;

/** A draft numbered by Word's automatic numbering, twelve sections long (so 十、十一、十二、 appear). */
async function autoNumberedDraft(): Promise<Uint8Array> {
  const levels = [
    { level: 0, format: LevelFormat.CHINESE_COUNTING, text: "%1、", suffix: LevelSuffix.NOTHING, start: 1 },
    { level: 1, format: LevelFormat.CHINESE_COUNTING, text: "（%2）", suffix: LevelSuffix.NOTHING, start: 1 },
    { level: 2, format: LevelFormat.DECIMAL, text: "%3.", suffix: LevelSuffix.NOTHING, start: 1 },
    { level: 3, format: LevelFormat.DECIMAL, text: "（%4）", suffix: LevelSuffix.NOTHING, start: 1 },
  ];
  const item = (text: string, level: number) =>
    new Paragraph({ text, numbering: { reference: "gw", level } });
  const sections = Array.from({ length: 12 }, (_, i) => [
    item(`第${i + 1}部分的标题`, 0),
    new Paragraph({
      numbering: { reference: "gw", level: 1 },
      children: [new TextRun({ text: "认真组织动员。", bold: true }), new TextRun("支部召开党员大会。")],
    }),
    item("认真组织学习。", 1),
    item("学习党章", 2),
    item("逐条对照", 3),
  ]).flat();
  const doc = new Document({
    numbering: {
      config: [
        { reference: "gw", levels },
        {
          reference: "hundred",
          levels: [{ level: 0, format: LevelFormat.CHINESE_COUNTING_THOUSAND, text: "%1、", start: 99 }],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [
              new TextRun("中共某某支部委员会"),
              new TextRun({ break: 1, text: "关于召开组织生活会情况的报告" }),
            ],
          }),
          new Paragraph("机关党委："),
          ...sections,
          new Paragraph({ text: "九十九项", numbering: { reference: "hundred", level: 0 } }),
          new Paragraph({ text: "一百项", numbering: { reference: "hundred", level: 0 } }),
          new Table({
            rows: [
              new TableRow({
                children: ["序号", "问题"].map((t) => new TableCell({ children: [new Paragraph(t)] })),
              }),
              new TableRow({
                children: ["1", "学习不够"].map((t) => new TableCell({ children: [new Paragraph(t)] })),
              }),
            ],
          }),
          new Paragraph({ text: "2026年1月18日", alignment: AlignmentType.RIGHT }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** Lines without any whitespace: LibreOffice's text export indents list items and puts a space after numbers. */
const squeezed = (lines: string[]) =>
  lines.map((line) => line.replace(/\s+/g, "")).filter((line) => line !== "");

withLibreOffice(
  "LibreOffice shows the same automatic numbers as readDocxDraft, and its own .docx of the draft reads the same",
  async () => {
    const draft = await autoNumberedDraft();
    const reading = readDocxDraft(draft);
    const ours = reading.paragraphs.flatMap((p) => p.table?.flat() ?? p.text.split("\n"));
    const shown = converted(draft, "txt:Text (encoded):UTF8", "txt")
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .split(/\r?\n/);
    expect(squeezed(ours)).toEqual(squeezed(shown));
    expect(ours).toContain("十一、第11部分的标题");
    expect(ours).toContain("一百、\t一百项");

    const resaved = new Uint8Array(converted(draft, "docx:MS Word 2007 XML", "docx"));
    const again = readDocxDraft(resaved);
    expect(again.paragraphs.map((p) => p.table ?? p.text)).toEqual(
      reading.paragraphs.map((p) => p.table ?? p.text),
    );
    expect(again.paragraphs.map((p) => p.hints?.align)).toEqual(
      reading.paragraphs.map((p) => p.hints?.align),
    );
  },
  180_000,
);
