import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  AlignmentType,
  Document,
  HeadingLevel,
  LevelFormat,
  LevelSuffix,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from "docx";
import PizZip from "pizzip";
import { ErrorCode } from "../../src/errors";
import { readDocxDraft, UnreadableDocxError } from "../../src/import/docx";
import { docxMessages } from "../../src/import/docx-messages";
import { formatNumber } from "../../src/import/docx-numbering";
import type { DraftReading } from "../../src/import/draft";
import { type Message, messageText } from "../../src/messages/catalogue";
import { li, lvl, p, wordDraft } from "../helpers/word-draft";

const texts = (reading: DraftReading) => reading.paragraphs.map((paragraph) => paragraph.text);
const read = (bytes: Uint8Array) => readDocxDraft(bytes, { locale: "zh-CN" });

function refusal(bytes: Uint8Array, locale: "zh-CN" | "en" = "zh-CN"): UnreadableDocxError {
  try {
    readDocxDraft(bytes, { locale });
  } catch (error) {
    expect(error).toBeInstanceOf(UnreadableDocxError);
    return error as UnreadableDocxError;
  }
  throw new Error("the draft was read");
}

/** The 公文 numbering a clerk sets up in Word: 一、（一）1.（1）, nothing between number and text. */
const GW_LEVELS = [
  { level: 0, format: LevelFormat.CHINESE_COUNTING, text: "%1、", suffix: LevelSuffix.NOTHING, start: 1 },
  { level: 1, format: LevelFormat.CHINESE_COUNTING, text: "（%2）", suffix: LevelSuffix.NOTHING, start: 1 },
  { level: 2, format: LevelFormat.DECIMAL, text: "%3.", suffix: LevelSuffix.NOTHING, start: 1 },
  { level: 3, format: LevelFormat.DECIMAL, text: "（%4）", suffix: LevelSuffix.NOTHING, start: 1 },
];

async function packed(doc: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe("readDocxDraft: Word's automatic numbering", () => {
  it("writes the numbers Word displays (chineseCounting, decimal, （%2）) in front of the text, levels restarting under their parent", async () => {
    const item = (text: string, level: number, instance = 0) =>
      new Paragraph({ text, numbering: { reference: "gw", level, instance } });
    const bytes = await packed(
      new Document({
        numbering: { config: [{ reference: "gw", levels: GW_LEVELS }] },
        sections: [
          {
            children: [
              new Paragraph({ text: "关于召开组织生活会情况的报告", alignment: AlignmentType.CENTER }),
              item("认真准备，打牢基础", 0),
              new Paragraph({
                numbering: { reference: "gw", level: 1 },
                children: [
                  new TextRun({ text: "认真组织动员。", bold: true }),
                  new TextRun("支部对此高度重视。"),
                ],
              }),
              item("认真组织学习。", 1),
              item("学习党章", 2),
              item("学习准则", 2),
              item("逐条学习", 3),
              item("精心组织，确保质量", 0),
              item("批评和自我批评情况。", 1),
              item("开门纳谏", 2),
              item("另一份清单的第一项", 0, 1),
            ],
          },
        ],
      }),
    );
    const reading = read(bytes);
    expect(texts(reading)).toEqual([
      "关于召开组织生活会情况的报告",
      "一、认真准备，打牢基础",
      "（一）认真组织动员。支部对此高度重视。",
      "（二）认真组织学习。",
      "1.学习党章",
      "2.学习准则",
      "（1）逐条学习",
      "二、精心组织，确保质量",
      "（一）批评和自我批评情况。",
      "1.开门纳谏",
      "一、另一份清单的第一项",
    ]);
    expect(reading.paragraphs[0]?.hints).toEqual({ align: "center", bold: false });
    expect(reading.paragraphs[1]?.hints).toMatchObject({ listItem: true });
    expect(reading.paragraphs[2]?.hints).toMatchObject({ listItem: true, bold: false });
    expect(reading.paragraphs.map((paragraph) => paragraph.source)).toEqual(
      reading.paragraphs.map((_, i) => ({ paragraph: i + 1 })),
    );
    expect(reading.warnings).toEqual([]);
  });

  it("keeps the tab Word puts after a number by default, and counts past ten as Word does (十、十一、)", async () => {
    const bytes = await packed(
      new Document({
        numbering: {
          config: [
            {
              reference: "list",
              levels: [{ level: 0, format: LevelFormat.CHINESE_COUNTING, text: "%1、", start: 9 }],
            },
          ],
        },
        sections: [
          {
            children: ["甲", "乙", "丙"].map(
              (text) => new Paragraph({ text, numbering: { reference: "list", level: 0 } }),
            ),
          },
        ],
      }),
    );
    expect(texts(read(bytes))).toEqual(["九、\t甲", "十、\t乙", "十一、\t丙"]);
  });

  it("shares counters between lists of one definition, restarts where a list overrides its start, and follows lvlRestart", () => {
    const numbering = [
      `<w:abstractNum w:abstractNumId="0" w15:restartNumberingAfterBreak="0" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"><w:nsid w:val="1A2B3C4D"/><w:multiLevelType w:val="hybridMultilevel"/>`,
      lvl(0, "chineseCounting", "%1、", { suff: "nothing" }),
      lvl(1, "chineseCounting", "（%2）", { suff: "nothing" }),
      lvl(2, "decimal", "%3.", { suff: "nothing", restart: 1 }),
      "</w:abstractNum>",
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>',
      '<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>',
      '<w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num>',
    ].join("");
    const body = [
      li("甲", 1),
      li("乙", 1),
      li("丙", 2),
      li("丁", 3),
      li("一级下", 3, 1),
      li("三级", 3, 2),
      li("又一个二级", 3, 1),
      li("三级不因二级重新编号", 3, 2),
      li("戊", 1),
      li("三级在一级后重新编号", 1, 2),
    ].join("");
    expect(texts(read(wordDraft(body, { numbering })))).toEqual([
      "一、甲",
      "二、乙",
      "五、丙",
      "六、丁",
      "（一）一级下",
      "1.三级",
      "（二）又一个二级",
      "2.三级不因二级重新编号",
      "七、戊",
      "1.三级在一级后重新编号",
    ]);
  });

  it("numbers heading styles linked to a multilevel list, and numId 0 takes a paragraph out of its style's list", () => {
    const numbering = [
      '<w:abstractNum w:abstractNumId="4"><w:multiLevelType w:val="multilevel"/>',
      lvl(0, "chineseCountingThousand", "%1、", { suff: "nothing", pStyle: "1" }),
      lvl(1, "chineseCountingThousand", "（%2）", { suff: "nothing", pStyle: "2" }),
      lvl(2, "decimal", "%1.%2.%3", { suff: "space", isLgl: true }),
      "</w:abstractNum>",
      '<w:num w:numId="7"><w:abstractNumId w:val="4"/></w:num>',
    ].join("");
    const styles = [
      '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>',
      '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>',
      '<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="1"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>',
    ].join("");
    const body = [
      p("基本情况", '<w:pStyle w:val="1"/>'),
      p("会前准备", '<w:pStyle w:val="2"/>'),
      p("会议情况", '<w:pStyle w:val="2"/>'),
      li("法定编号", 7, 2),
      p("不编号的一级标题", '<w:pStyle w:val="1"/><w:numPr><w:numId w:val="0"/></w:numPr>'),
      p("下一步打算", '<w:pStyle w:val="1"/>'),
    ].join("");
    const reading = read(wordDraft(body, { numbering, styles }));
    expect(texts(reading)).toEqual([
      "一、基本情况",
      "（一）会前准备",
      "（二）会议情况",
      "1.2.1 法定编号",
      "不编号的一级标题",
      "二、下一步打算",
    ]);
    expect(reading.paragraphs.map((paragraph) => paragraph.hints?.level)).toEqual([1, 2, 2, undefined, 1, 1]);
    expect(reading.paragraphs[4]?.hints?.listItem).toBeUndefined();
  });

  it("shows a bullet in a symbol font as the character Word draws", () => {
    const numbering = `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uF0B7"/><w:lvlJc w:val="left"/><w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol" w:hint="default"/></w:rPr></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    const reading = read(wordDraft(li("要点", 1), { numbering }));
    expect(texts(reading)).toEqual(["•\t要点"]);
    expect(reading.paragraphs[0]?.hints?.listItem).toBe(true);
  });

  it("formats every numFmt a Chinese draft uses as Word does", () => {
    expect([1, 10, 11, 20, 21, 99, 100].map((n) => formatNumber(n, "chineseCounting"))).toEqual([
      "一",
      "十",
      "十一",
      "二十",
      "二十一",
      "九十九",
      "一〇〇",
    ]);
    expect([10, 100, 105, 110].map((n) => formatNumber(n, "chineseCountingThousand"))).toEqual([
      "十",
      "一百",
      "一百零五",
      "一百一十",
    ]);
    expect(formatNumber(3, "ideographTraditional")).toBe("丙");
    expect(formatNumber(11, "chineseLegalSimplified")).toBe("壹拾壹");
    expect(formatNumber(12, "decimalFullWidth")).toBe("１２");
    expect(formatNumber(3, "decimalEnclosedCircleChinese")).toBe("③");
    expect(formatNumber(2, "decimalEnclosedParen")).toBe("⑵");
    expect(formatNumber(27, "lowerLetter")).toBe("aa");
    expect(formatNumber(14, "upperRoman")).toBe("XIV");
    expect(formatNumber(7, "decimalZero")).toBe("07");
    expect(formatNumber(7, "custom", "001, 002, 003, ...")).toBe("007");
    expect(formatNumber(4, "none")).toBe("");
    expect(formatNumber(4, "somethingNew")).toBe("4");
  });
});

describe("readDocxDraft: text as Word shows it", () => {
  it("keeps manual line breaks, tabs, symbols and full-width characters; drops indentation and page breaks", () => {
    const body = [
      `<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">中共某某支部委员会  </w:t></w:r><w:r><w:br/></w:r><w:r><w:t>关于召开组织生活会情况的报告</w:t></w:r></w:p>`,
      `<w:p><w:r><w:t xml:space="preserve">　　（一）认真组织动员。支部召开了党员大会,学习《通知》：“要求”；</w:t></w:r></w:p>`,
      `<w:p><w:r><w:t>附件：</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>1.整改清单</w:t></w:r><w:r><w:br w:type="page"/></w:r></w:p>`,
      `<w:p><w:r><w:sym w:font="宋体" w:char="2605"/><w:t>重点</w:t><w:noBreakHyphen/><w:t>难点</w:t><w:softHyphen/><w:sym w:font="Wingdings" w:char="F0FC"/></w:r></w:p>`,
      `<w:p><w:r><w:t xml:space="preserve">	</w:t></w:r></w:p><w:p/>`,
    ].join("");
    const reading = read(wordDraft(body));
    expect(texts(reading)).toEqual([
      "中共某某支部委员会\n关于召开组织生活会情况的报告",
      "（一）认真组织动员。支部召开了党员大会,学习《通知》：“要求”；",
      "附件：\t1.整改清单",
      "★重点\u2011难点✔",
    ]);
  });

  it("reads tracked insertions and moved-to text, and leaves out deletions and moved-from text", () => {
    const by = 'w:author="张某某" w:date="2026-01-05T10:00:00Z"';
    const body = [
      `<w:p w:rsidR="00A1" w:rsidRDefault="00A1"><w:r><w:t>支部</w:t></w:r><w:ins w:id="1" ${by}><w:r w:rsidR="00B2"><w:t>认真</w:t></w:r></w:ins><w:r><w:t>召开了</w:t></w:r><w:del w:id="2" ${by}><w:r w:rsidDel="00B2"><w:delText>党员大会和</w:delText></w:r></w:del><w:r><w:t>组织生活会。</w:t></w:r></w:p>`,
      `<w:p><w:moveFromRangeStart w:id="3" w:name="move1" ${by}/><w:moveFrom w:id="4" ${by}><w:r><w:t>会议由书记主持。</w:t></w:r></w:moveFrom><w:moveFromRangeEnd w:id="3"/><w:r><w:t>全体党员参加。</w:t></w:r><w:moveToRangeStart w:id="5" w:name="move1" ${by}/><w:moveTo w:id="6" ${by}><w:r><w:t>会议由书记主持。</w:t></w:r></w:moveTo><w:moveToRangeEnd w:id="5"/></w:p>`,
    ].join("");
    const reading = read(wordDraft(body));
    expect(texts(reading)).toEqual(["支部认真召开了组织生活会。", "全体党员参加。会议由书记主持。"]);
    expect(reading.warnings).toEqual([
      {
        path: [],
        code: "tracked_changes",
        message:
          "草稿中有修订（插入 2 处，删除 2 处），已按接受全部修订后的文字读入：插入的文字保留，删除的文字不计。",
      },
    ]);
  });

  it("drops a paragraph deleted with its mark (it takes no number), and joins a paragraph whose mark alone is deleted to the next", () => {
    const numbering = `<w:abstractNum w:abstractNumId="0">${lvl(0, "chineseCounting", "%1、", { suff: "nothing" })}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    const deletedMark = '<w:rPr><w:del w:id="9" w:author="张某某" w:date="2026-01-05T10:00:00Z"/></w:rPr>';
    const body = [
      li("认真准备", 1),
      `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>${deletedMark}</w:pPr><w:del w:id="10" w:author="张某某" w:date="2026-01-05T10:00:00Z"><w:r><w:delText>删去的一节</w:delText></w:r></w:del></w:p>`,
      li("精心组织", 1),
      `<w:p><w:pPr>${deletedMark}</w:pPr><w:r><w:t>前半句，</w:t></w:r></w:p>`,
      p("后半句。"),
    ].join("");
    expect(texts(read(wordDraft(body, { numbering })))).toEqual([
      "一、认真准备",
      "二、精心组织",
      "前半句，后半句。",
    ]);
  });

  it("reads the text a comment marks but not the comment, and says how many comments were left out", () => {
    const body = `<w:p><w:r><w:t>会议</w:t></w:r><w:commentRangeStart w:id="0"/><w:r><w:t>开得很成功</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="0"/></w:r><w:r><w:t>。</w:t></w:r></w:p>`;
    const comments = `<w:comment w:id="0" w:author="李某" w:date="2026-01-06T09:00:00Z" w:initials="李"><w:p><w:r><w:annotationRef/></w:r><w:r><w:t>这里写得太笼统</w:t></w:r></w:p></w:comment>`;
    const reading = read(wordDraft(body, { comments }));
    expect(texts(reading)).toEqual(["会议开得很成功。"]);
    expect(reading.warnings).toEqual([
      {
        path: [],
        code: "comments",
        message: "草稿中有 1 条批注，批注不属于正文，未导入；批注所标注的文字照常读入。",
      },
    ]);
  });

  it("shows a field's result, not its code, nested fields included; simple fields and hyperlinks are read", () => {
    const field = (code: string, result: string) =>
      `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">${code}</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>${result}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;
    const nested = `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> IF </w:instrText></w:r>${field(" MERGEFIELD 到会 ", "21")}<w:r><w:instrText xml:space="preserve"> &gt; 20 "齐" "缺" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>齐</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;
    const body = [
      `<w:p><w:pPr><w:jc w:val="right"/></w:pPr>${field(' DATE \\@ "yyyy年M月d日" ', "2026年1月18日")}</w:p>`,
      `<w:p><w:r><w:t>人员</w:t></w:r>${nested}<w:r><w:t>。</w:t></w:r></w:p>`,
      `<w:p><w:fldSimple w:instr=" DOCPROPERTY Company "><w:r><w:t>中共某某支部委员会</w:t></w:r></w:fldSimple><w:hyperlink r:id="rId99" w:history="1"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>（网上公示）</w:t></w:r></w:hyperlink></w:p>`,
      `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>目录第一行</w:t></w:r></w:p>`,
      `<w:p><w:r><w:t>目录第二行</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`,
    ].join("");
    const reading = read(wordDraft(body));
    expect(texts(reading)).toEqual([
      "2026年1月18日",
      "人员齐。",
      "中共某某支部委员会（网上公示）",
      "目录第一行",
      "目录第二行",
    ]);
    expect(reading.paragraphs[0]?.hints?.align).toBe("right");
  });

  it("names the paragraph of a field that never ends, since the text after it may be missing", () => {
    const body = [
      p("正文"),
      `<w:p><w:r><w:t>日期：</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>DATE</w:instrText></w:r></w:p>`,
      p("此段被当作域代码"),
    ].join("");
    const reading = read(wordDraft(body));
    expect(texts(reading)).toEqual(["正文", "日期："]);
    expect(reading.warnings).toEqual([
      {
        path: ["paragraphs", 1],
        code: "unclosed_field",
        message:
          "第 2 段中的域（如日期、页码）没有结束标记，其后的文字可能被当作域代码而未读入。请在 Word 中打开后重新保存，再行导入。",
      },
    ]);
  });

  it("reads a text box once (one branch of mc:AlternateContent) as the paragraph after its anchor, and names it in a warning", () => {
    const box = (text: string) => `<w:txbxContent><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:txbxContent>`;
    const textBox = `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:extent cx="2000000" cy="500000"/><wp:docPr id="1" name="文本框 1"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:txbx>${box("（此处为批示栏）")}</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape id="文本框 1" o:spid="_x0000_s1026" type="#_x0000_t202"><v:textbox>${box("（此处为批示栏）")}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`;
    const body = [
      p("关于召开组织生活会情况的报告"),
      `<w:p><w:r><w:t>机关党委：</w:t></w:r>${textBox}</w:p>`,
      // The red line under a 红头: a shape with no text, nothing to read or report.
      `<w:p><w:r><w:drawing><wp:anchor><wp:docPr id="4" name="直接连接符 4"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvCnPr/><wps:spPr><a:ln w="19050"><a:solidFill><a:srgbClr val="FF0000"/></a:solidFill></a:ln></wps:spPr><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r></w:p>`,
      p("现将有关情况报告如下："),
    ].join("");
    const reading = read(wordDraft(body));
    expect(texts(reading)).toEqual([
      "关于召开组织生活会情况的报告",
      "机关党委：",
      "（此处为批示栏）",
      "现将有关情况报告如下：",
    ]);
    expect(reading.warnings).toEqual([
      {
        path: ["paragraphs", 2],
        code: "text_box",
        message: "第 3 段位于文本框中，已按文本框所在位置作为正文段落读入，请核对其位置。",
      },
    ]);
    expect(readDocxDraft(wordDraft(body)).warnings[0]?.message).toBe(
      "Paragraph 3 is in a text box: read as body paragraphs where the text box is anchored; check where they belong.",
    );
  });

  it("reports pictures and charts, hidden text, a footnote and an unfilled content control, and reads a filled one", () => {
    const picture = `<w:r><w:drawing><wp:inline><wp:extent cx="100" cy="100"/><wp:docPr id="2" name="图片 2"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="会场.jpg"/><pic:cNvPicPr/></pic:nvPicPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;
    const chart = `<w:r><w:drawing><wp:inline><wp:extent cx="100" cy="100"/><wp:docPr id="3" name="图表 3"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId5"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;
    const body = [
      p("会议情况"),
      `<w:p>${picture}${chart}</w:p>`,
      `<w:p><w:r><w:t>到会21人</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>（内部备注：2人迟到）</w:t></w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r><w:r><w:t>。</w:t></w:r></w:p>`,
      `<w:sdt><w:sdtPr><w:alias w:val="单位"/><w:id w:val="1"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>中共某某支部委员会</w:t></w:r></w:p></w:sdtContent></w:sdt>`,
      `<w:sdt><w:sdtPr><w:id w:val="2"/><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:p><w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:t>单击或点击此处输入日期。</w:t></w:r></w:p></w:sdtContent></w:sdt>`,
    ].join("");
    const footnotes = `<w:footnote w:id="1"><w:p><w:r><w:t>脚注文字</w:t></w:r></w:p></w:footnote>`;
    const reading = read(wordDraft(body, { footnotes }));
    expect(texts(reading)).toEqual(["会议情况", "到会21人。", "中共某某支部委员会"]);
    expect(reading.warnings.map((w) => [w.code, w.path, w.message])).toEqual([
      ["notes", [], "草稿中有 1 处脚注或尾注，注释文字未导入。"],
      ["picture", [], "第 1 段之后有 2 个图片、图表或嵌入对象，未导入；其中如有文字，请改为正文输入。"],
      ["hidden_text", ["paragraphs", 1], "第 2 段有隐藏文字“（内部备注：2人迟到）”，打印时不显示，未导入。"],
      [
        "placeholder",
        [],
        "第 3 段之后的内容控件仍显示占位提示“单击或点击此处输入日期。”，尚未填写，未导入。",
      ],
    ]);
  });

  it("does not read headers and footers, and warns when a header holds more than a page number", () => {
    const pageField = `<w:r><w:t xml:space="preserve">— </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> —</w:t></w:r>`;
    const reading = read(
      wordDraft(p("正文"), {
        header: p("中共某某支部委员会关于召开组织生活会情况的报告"),
        footer: `<w:p>${pageField}</w:p>`,
      }),
    );
    expect(texts(reading)).toEqual(["正文"]);
    expect(reading.warnings).toEqual([
      {
        path: [],
        code: "header_text",
        message:
          "页眉中有文字“中共某某支部委员会关于召开组织生活会情况的报告”，页眉页脚不属于正文，未导入；如是正文内容，请移到正文中。",
      },
    ]);
  });

  it("reads a document saved as Strict Open XML like any other", () => {
    const bytes = wordDraft(p("一、认真准备"));
    const zip = new PizZip(bytes);
    const xml = zip.file("word/document.xml")?.asText() ?? "";
    zip.file(
      "word/document.xml",
      xml.replace(
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",
      ),
    );
    expect(texts(read(zip.generate({ type: "uint8array" })))).toEqual(["一、认真准备"]);
  });
});

describe("readDocxDraft: hints", () => {
  const styles = [
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr/></w:pPrDefault></w:docDefaults>',
    '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:pPr><w:jc w:val="both"/></w:pPr></w:style>',
    '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:keepNext/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>',
    '<w:style w:type="paragraph" w:customStyle="1" w:styleId="Mine"><w:name w:val="我的一级标题"/><w:basedOn w:val="1"/></w:style>',
    '<w:style w:type="paragraph" w:styleId="20"><w:name w:val="标题 2"/><w:basedOn w:val="a"/></w:style>',
    '<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="Title"/><w:basedOn w:val="a"/><w:pPr><w:jc w:val="center"/></w:pPr></w:style>',
    '<w:style w:type="paragraph" w:customStyle="1" w:styleId="Sign"><w:name w:val="落款"/><w:basedOn w:val="a"/><w:pPr><w:jc w:val="right"/></w:pPr></w:style>',
    '<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>',
  ].join("");

  it("takes alignment, heading level and bold from the paragraph, its style and the styles it is based on", () => {
    const body = [
      p("关于召开组织生活会情况的报告", '<w:pStyle w:val="a3"/>'),
      p("正文段落。"),
      p("一、认真准备", '<w:pStyle w:val="Mine"/>'),
      p("（一）认真组织动员", '<w:pStyle w:val="20"/>'),
      p("分散对齐", '<w:jc w:val="distribute"/>'),
      p("大纲级别 3", '<w:outlineLvl w:val="2"/>'),
      p("中共某某支部委员会", '<w:pStyle w:val="Sign"/>'),
      `<w:p><w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>全加粗</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>。</w:t></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r></w:p>`,
      `<w:p><w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>部分加粗</w:t></w:r><w:r><w:t>正文</w:t></w:r></w:p>`,
      `<w:p><w:pPr><w:pStyle w:val="1"/></w:pPr><w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>取消加粗的标题</w:t></w:r></w:p>`,
    ].join("");
    const reading = read(wordDraft(body, { styles }));
    expect(reading.paragraphs.map((paragraph) => paragraph.hints)).toEqual([
      { align: "center", level: 0, bold: false },
      { align: "justify", bold: false },
      { align: "justify", level: 1, bold: true },
      { align: "justify", level: 2, bold: false },
      { align: "justify", bold: false },
      { align: "justify", level: 3, bold: false },
      { align: "right", bold: false },
      { align: "justify", bold: true },
      { align: "justify", bold: false },
      { align: "justify", level: 1, bold: false },
    ]);
  });

  it("reads the hints of a document made with the docx package (Heading styles, alignment)", async () => {
    const bytes = await packed(
      new Document({
        sections: [
          {
            children: [
              new Paragraph({ text: "标题", heading: HeadingLevel.TITLE }),
              new Paragraph({ text: "一、标题一", heading: HeadingLevel.HEADING_1 }),
              new Paragraph({ text: "（一）标题二", heading: HeadingLevel.HEADING_2 }),
              new Paragraph({ text: "2026年1月18日", alignment: AlignmentType.RIGHT }),
            ],
          },
        ],
      }),
    );
    expect(
      read(bytes).paragraphs.map((paragraph) => [
        paragraph.text,
        paragraph.hints?.level,
        paragraph.hints?.align,
      ]),
    ).toEqual([
      ["标题", 0, "left"],
      ["一、标题一", 1, "left"],
      ["（一）标题二", 2, "left"],
      ["2026年1月18日", undefined, "right"],
    ]);
  });
});

describe("readDocxDraft: tables", () => {
  it("gives each table in order as rows of cell texts, merged cells keeping their text in the first grid cell", () => {
    const cell = (content: string, tcPr = "") =>
      `<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/>${tcPr}</w:tcPr>${content}</w:tc>`;
    const body = [
      p("附件1"),
      p("整改清单"),
      `<w:tbl><w:tblPr><w:tblStyle w:val="a4"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/></w:tblGrid>`,
      `<w:tr>${cell(p("问题与措施"), '<w:gridSpan w:val="3"/>')}</w:tr>`,
      `<w:tr>${cell(p("序号"))}${cell(p("问题"))}${cell(p("措施"))}</w:tr>`,
      `<w:tr>${cell(p("1"), '<w:vMerge w:val="restart"/>')}${cell(p("学习不够") + p("") + p("深度不够"))}${cell(p("加强学习"))}</w:tr>`,
      `<w:tr>${cell("<w:p/>", "<w:vMerge/>")}${cell(p("作风不实"))}${cell(p("改进作风"))}</w:tr>`,
      `<w:sdt><w:sdtPr><w:id w:val="3"/></w:sdtPr><w:sdtContent><w:tr>${cell(p("2"))}${cell(p("制度不全"))}${cell(p("健全制度"))}</w:tr></w:sdtContent></w:sdt>`,
      "</w:tbl>",
      p("特此报告。"),
    ].join("");
    const reading = read(wordDraft(body));
    expect(reading.paragraphs).toEqual([
      { text: "附件1", source: { paragraph: 1 }, hints: { align: "left", bold: false } },
      { text: "整改清单", source: { paragraph: 2 }, hints: { align: "left", bold: false } },
      {
        text: "",
        source: { paragraph: 3 },
        table: [
          ["问题与措施", "", ""],
          ["序号", "问题", "措施"],
          ["1", "学习不够\n深度不够", "加强学习"],
          ["", "作风不实", "改进作风"],
          ["2", "制度不全", "健全制度"],
        ],
      },
      { text: "特此报告。", source: { paragraph: 4 }, hints: { align: "left", bold: false } },
    ]);
  });

  it("reads a table made with the docx package", async () => {
    const row = (...cells: string[]) =>
      new TableRow({ children: cells.map((text) => new TableCell({ children: [new Paragraph(text)] })) });
    const bytes = await packed(
      new Document({
        sections: [{ children: [new Table({ rows: [row("姓名", "职务"), row("张某某", "书记")] })] }],
      }),
    );
    expect(read(bytes).paragraphs[0]?.table).toEqual([
      ["姓名", "职务"],
      ["张某某", "书记"],
    ]);
  });
});

describe("the Word reader's messages", () => {
  const params = {
    part: "word/document.xml",
    first: 2,
    last: 3,
    paragraph: 4,
    after: true,
    count: 2,
    text: "某某",
    insertions: 1,
    deletions: 2,
    footer: true,
  };

  it.each(Object.keys(docxMessages) as (keyof typeof docxMessages)[])(
    "%s is written in both languages",
    (code) => {
      const message = docxMessages[code] as Message<typeof params>;
      expect(messageText(message, params, "zh-CN")).toMatch(/[\u4e00-\u9fff]/);
      expect(messageText(message, params, "en")).toMatch(/^[A-Z]/);
    },
  );
});

describe("readDocxDraft: files that are no .docx, and hostile ones", () => {
  const fixture = (name: string) =>
    new Uint8Array(readFileSync(join(__dirname, "..", "fixtures", "files", name)));

  it("says a .doc is a Word 97-2003 document and how to save it as .docx", () => {
    const error = refusal(fixture("word-97-2003.doc"));
    expect(error.code).toBe(ErrorCode.UnreadableDocx);
    expect(error.issues).toEqual([
      {
        path: [],
        code: "not_a_docx",
        fileKind: "doc",
        message:
          "该草稿是 Word 97-2003 文档（.doc），不是 .docx 文件。请在 Word 或 WPS 中打开，另存为“Word 文档（*.docx）”后重试。",
      },
    ]);
  });

  it("says an .odt, an encrypted .docx and a WPS file are what they are", () => {
    expect(refusal(fixture("opendocument.odt"), "en").message).toBe(
      "The draft is an OpenDocument text (.odt), not a .docx file. Open it in Word or WPS and save it as “Word 文档 (*.docx)”.",
    );
    const ole = (streams: string[], extra = "") =>
      new Uint8Array([
        0xd0,
        0xcf,
        0x11,
        0xe0,
        0xa1,
        0xb1,
        0x1a,
        0xe1,
        ...new Array(504).fill(0),
        ...streams.flatMap((name) => [...name].flatMap((c) => [c.charCodeAt(0), 0]).concat([0, 0])),
        ...new TextEncoder().encode(extra),
      ]);
    expect(refusal(ole(["EncryptionInfo", "EncryptedPackage"])).issues[0]).toMatchObject({
      code: "not_a_docx",
      fileKind: "encrypted_docx",
    });
    expect(refusal(ole(["WordDocument"], "Kingsoft Office")).issues[0]).toMatchObject({ fileKind: "wps" });
  });

  it("refuses text, an empty file, a zip without word/document.xml, and a part with a DTD", () => {
    expect(refusal(new TextEncoder().encode("关于召开组织生活会情况的报告")).issues[0]).toMatchObject({
      code: "not_a_docx",
      fileKind: "other",
      message:
        "该草稿不是 Word 文档（.docx）：文件不是 zip 压缩包。请在 Word 或 WPS 中另存为“Word 文档（*.docx）”后重试。",
    });
    expect(refusal(new Uint8Array()).issues[0]?.code).toBe("not_a_docx");
    const zip = new PizZip();
    zip.file("hello.txt", "你好");
    expect(refusal(zip.generate({ type: "uint8array" })).issues[0]?.code).toBe("missing_document");
    const dtd = new PizZip(wordDraft(p("正文")));
    dtd.file(
      "word/document.xml",
      `<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY lol "lol">]>${dtd
        .file("word/document.xml")
        ?.asText()
        .replace(/^<\?xml[^>]*>/, "")}`,
    );
    expect(refusal(dtd.generate({ type: "uint8array" })).issues[0]?.code).toBe("dtd_not_allowed");
  });

  it("refuses a file past the size limits before unpacking it", () => {
    const big = new Uint8Array(21 * 1024 * 1024);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    expect(refusal(big, "en").issues[0]).toMatchObject({ code: "too_large" });
  });

  it("refuses a zip bomb from the sizes its directory declares, before unpacking it", () => {
    const zip = new PizZip(wordDraft(p("正文")));
    zip.file("word/media/image1.png", new Uint8Array(60 * 1024 * 1024));
    const bomb = zip.generate({ type: "uint8array", compression: "DEFLATE" });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(refusal(bomb, "en").issues[0]).toMatchObject({ code: "too_large" });
  });

  it("refuses a damaged part, naming it", () => {
    const zip = new PizZip(wordDraft(p("正文")));
    zip.file("word/document.xml", "<w:document><w:body><w:p></w:body>");
    expect(refusal(zip.generate({ type: "uint8array" })).issues[0]).toMatchObject({
      code: "invalid_xml",
      message:
        "草稿文件已损坏：其中的 word/document.xml 不是格式正确的 XML。请在 Word 或 WPS 中打开后重新保存。",
    });
  });

  it("refuses a draft with any damaged part, which Word would not open either", () => {
    const zip = new PizZip(wordDraft(p("正文")));
    const styles = zip.file("word/styles.xml")?.asText() ?? "<w:styles>";
    zip.file("word/styles.xml", styles.replace(/<\/w:styles>\s*$/, ""));
    expect(refusal(zip.generate({ type: "uint8array" })).issues[0]).toMatchObject({
      code: "invalid_xml",
      message: expect.stringContaining("其中的 word/styles.xml 不是格式正确的 XML"),
    });
  });

  it("refuses tables nested deeper than any document nests them, instead of overflowing the stack", () => {
    const depth = 200;
    const nested = `${"<w:tbl><w:tr><w:tc>".repeat(depth)}${p("深处")}${"</w:tc></w:tr></w:tbl><w:p/>".repeat(depth)}`;
    expect(refusal(wordDraft(nested)).issues[0]?.code).toBe("too_deep");
    const links = `<w:p>${"<w:hyperlink>".repeat(5000)}<w:r><w:t>链接</w:t></w:r>${"</w:hyperlink>".repeat(5000)}</w:p>`;
    expect(refusal(wordDraft(links)).issues[0]?.code).toBe("too_deep");
  });

  it("does not pad a merged cell out to the millions of columns a file may claim", () => {
    const huge = `<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="100000000"/></w:tcPr>${p("标题")}</w:tc></w:tr><w:tr><w:tc>${p("甲")}</w:tc><w:tc>${p("乙")}</w:tc></w:tr></w:tbl>`;
    const table = read(wordDraft(huge)).paragraphs[0]?.table;
    expect(table?.map((row) => row.length)).toEqual([63, 63]);
    expect(table?.[1]?.slice(0, 3)).toEqual(["甲", "乙", ""]);
  });

  it("is a programmer error to pass something other than bytes", () => {
    expect(() => readDocxDraft("草稿" as unknown as Uint8Array)).toThrow(TypeError);
    expect(() => readDocxDraft(new Uint8Array(), { locale: "fr" as "en" })).toThrow(RangeError);
  });
});
