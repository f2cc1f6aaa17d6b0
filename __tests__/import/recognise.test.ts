import { InvalidDraftError } from "../../src/errors/index";
import { importDraft } from "../../src/import/index";
import { parseChineseNumeral, readLead, splitRunIn } from "../../src/import/recognise";
import { renderSummary } from "../../src/render-summary";
import { paragraphs } from "../helpers/docx";

/** A draft: a title, the lines given, and three plain sections unless the lines bring their own. */
const SECTIONS = ["一、会前准备", "支部学习。", "二、会议召开", "支部开会。", "三、下一步", "抓好整改。"];
const draft = (...lines: string[]) => ["组织生活会情况报告", ...lines].join("\n");
const zh = (text: string) => importDraft(text, { locale: "zh-CN" });

function errorOf(run: () => unknown): InvalidDraftError {
  try {
    run();
  } catch (error) {
    return error as InvalidDraftError;
  }
  throw new Error("no error");
}

describe("readLead", () => {
  it.each([
    ["一、准备", 1, 1, "一、", "准备"],
    ["十二、其他", 1, 12, "十二、", "其他"],
    ["（三）学习", 2, 3, "（三）", "学习"],
    ["(三) 学习", 2, 3, "(三)", "学习"],
    ["12.细则", 3, 12, "12.", "细则"],
    ["２．细则", 3, 2, "２．", "细则"],
    ["3、细则", 3, 3, "3、", "细则"],
    ["（4）要点", 4, 4, "（4）", "要点"],
    ["③要点", 4, 3, "③", "要点"],
    ["二是增强了宗旨意识", 0, 2, "二是", "增强了宗旨意识"],
    ["一、\t会前准备", 1, 1, "一、", "会前准备"],
  ])("reads %s", (text, level, n, typed, rest) => {
    expect(readLead(text)).toMatchObject({ level, n, typed, rest });
  });

  it.each(["2026年1月18日", "3.5万元资金", "一是", "十分重视", "一、", "（一）"].slice(0, 4))(
    "finds no number in %s",
    (text) => {
      expect(readLead(text)).toBeUndefined();
    },
  );

  it("reads Chinese numerals", () => {
    expect([
      parseChineseNumeral("十"),
      parseChineseNumeral("二十一"),
      parseChineseNumeral("一百零五"),
    ]).toEqual([10, 21, 105]);
  });
});

describe("splitRunIn", () => {
  it("ends a run-in heading at its first full stop, or a nearer colon", () => {
    expect(splitRunIn("认真组织动员。支部对……")).toEqual({ heading: "认真组织动员", text: "支部对……" });
    expect(splitRunIn("对照检查：书记作检查。大家发言。")).toEqual({
      heading: "对照检查：",
      text: "书记作检查。大家发言。",
    });
    expect(splitRunIn("这个标题没有句号")).toEqual({ heading: "这个标题没有句号" });
    expect(splitRunIn("只有一句话。")).toEqual({ heading: "只有一句话。" });
  });
});

describe("the recogniser", () => {
  it("refuses an empty draft, and one of blank lines", () => {
    for (const text of ["", "\n\u3000\u3000\n  \n"]) {
      expect(errorOf(() => zh(text))).toMatchObject({
        code: "invalid_draft",
        issues: [{ code: "empty_draft", message: "草稿是空的：没有任何文字。" }],
      });
    }
  });

  it("refuses a draft that starts with 一、: it has no title", () => {
    expect(errorOf(() => zh(SECTIONS.join("\n"))).issues[0]).toMatchObject({
      code: "no_title",
      source: { line: 1 },
    });
    expect(errorOf(() => zh(SECTIONS.join("\n"))).issues[0]?.message).toBe(
      "第 1 行就是“一、”部分，草稿没有标题。请在第一行输入报告标题。",
    );
  });

  it("refuses a draft with fewer than three sections, saying how many it found", () => {
    expect(errorOf(() => importDraft(draft(...SECTIONS.slice(0, 4)))).message).toBe(
      "Invalid draft: The draft has only 2 section heading(s); a report needs at least three (preparation, organization, outcomes), each starting 一、, 二、, 三、.",
    );
  });

  it("keeps a numbered paragraph before 一、 in the opening, number included, with a warning", () => {
    const { summary, warnings } = zh(draft("（一）这是导语里的编号段。", ...SECTIONS));
    expect(summary.opening).toEqual(["（一）这是导语里的编号段。"]);
    expect(warnings[0]).toMatchObject({
      code: "numbered_outside_section",
      path: ["opening", 0],
      source: { line: 2 },
    });
  });

  it("takes a number alone on its line with the heading on the next", () => {
    const { summary, explanations } = zh(
      draft("一、会前准备", "（一）", "认真学习", "支部学习。", ...SECTIONS.slice(2)),
    );
    expect(summary.preparation.blocks).toEqual([
      { type: "item", heading: "认真学习", blocks: ["支部学习。"] },
    ]);
    expect(explanations.map((e) => e.code)).toContain("heading_on_next_line");
  });

  it("moves a 附件说明 typed after the sign-off before it, and says so", () => {
    const { summary, explanations } = zh(
      draft(...SECTIONS, "某某支部", "2026年1月5日", "附件：问题清单", "附件", "问题清单", "问题一。"),
    );
    expect(summary).toMatchObject({
      signature: "某某支部",
      date: "2026-01-05",
      attachments: [{ title: "问题清单", paragraphs: ["问题一。"] }],
    });
    expect(explanations.map((e) => e.code)).toContain("note_moved");
  });

  it("keeps what stands among the sign-off as a closing paragraph, with a warning", () => {
    const { summary, warnings } = zh(
      draft(
        ...SECTIONS,
        "附件：问题清单",
        "（此件公开发布）",
        "某某支部",
        "2026年1月5日",
        "附件",
        "问题清单",
        "问题一。",
      ),
    );
    expect(summary).toMatchObject({
      closing: ["（此件公开发布）"],
      signature: "某某支部",
      date: "2026-01-05",
    });
    expect(warnings.map((w) => [w.code, w.source])).toEqual([["unplaced", { line: 9 }]]);
  });

  it("keeps a 附件说明 whose attachments have no page as a paragraph, as typed, with a warning", () => {
    const { summary, warnings } = zh(
      draft(...SECTIONS, "特此报告。", "附件：1.问题清单", "2.评议结果", "某某支部", "2026年1月5日"),
    );
    expect(summary.closing).toEqual(["特此报告。", "附件：1.问题清单", "2.评议结果"]);
    expect(summary.attachments).toBeUndefined();
    expect(warnings.map((w) => [w.code, w.source])).toEqual([
      ["note_without_page", { line: 9 }],
      ["note_without_page", { line: 10 }],
    ]);
  });

  it("prints a date that does not exist as typed, with a warning", () => {
    const { summary, warnings } = zh(draft(...SECTIONS, "某某支部", "2026年2月30日"));
    expect(summary.date).toEqual({ text: "2026年2月30日" });
    expect(warnings[0]?.message).toBe("第 9 行“2026年2月30日”不是实际存在的日期，按原样印出，请核对。");
  });

  it("warns when the 附件说明 and the attachment pages disagree, and uses the page", () => {
    const { summary, warnings } = zh(
      draft(
        ...SECTIONS,
        "附件：1.问题清单",
        "2.评议结果",
        "某某支部",
        "2026年1月5日",
        "附件1",
        "查摆问题清单",
        "问题一。",
      ),
    );
    expect(summary.attachments).toEqual([{ title: "查摆问题清单", paragraphs: ["问题一。"] }]);
    expect(summary.closing).toEqual(["2.评议结果"]);
    expect(warnings.map((w) => w.code)).toEqual([
      "attachment_count_mismatch",
      "note_without_page",
      "attachment_title_mismatch",
    ]);
  });

  it("warns about an item with no short heading: all of it prints as its heading", () => {
    const long =
      "支部书记带头与每名党员开展谈心谈话并认真听取意见建议形成问题清单逐项明确整改措施责任人和完成时限";
    const { warnings } = zh(draft("一、会前准备", `（一）${long}`, ...SECTIONS.slice(2)));
    expect(warnings[0]).toMatchObject({
      code: "long_heading",
      path: ["preparation", "blocks", 0, "heading"],
    });
  });

  it("warns about a section with nothing in it, then fails validation naming the path", () => {
    const error = errorOf(() => zh(draft("一、会前准备", ...SECTIONS.slice(2))));
    expect(error.code).toBe("invalid_draft");
    expect(error.issues[0]?.path).toEqual(["preparation", "blocks"]);
  });

  it("writes messages in English by default", () => {
    const { explanations } = importDraft(draft("机关党委：", ...SECTIONS));
    expect(explanations.slice(0, 2).map((e) => e.message)).toEqual([
      "line 1 taken as the title.",
      'line 2 "机关党委" taken as the 主送机关 (recipient).',
    ]);
  });

  it("is a TypeError or RangeError for wrong options and input", () => {
    expect(() => importDraft(draft(...SECTIONS), { locale: "fr" as never })).toThrow(RangeError);
    expect(() => importDraft(draft(...SECTIONS), { format: "html" as never })).toThrow(RangeError);
    expect(() => importDraft(42 as never)).toThrow(TypeError);
  });

  it("reads a string as Markdown when it is, and as text when told so", () => {
    const md = "# 标题\n## 会前准备\n支部学习。\n## 会议召开\n支部开会。\n## 下一步\n抓好整改。";
    expect(importDraft(md).format).toBe("markdown");
    expect(() => importDraft(md, { format: "text" })).toThrow(InvalidDraftError);
  });

  it("refuses a .docx until the Word reader is there, or a .wps with what to do", () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]);
    expect(() => importDraft(zip)).toThrow();
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(errorOf(() => importDraft(ole, { name: "草稿.wps", locale: "zh-CN" })).message).toContain(
      "该草稿是 WPS 文字文档（.wps），不是 .docx 文件。",
    );
  });

  it("sets an imported draft in the report's type: title 小标宋, 一、 黑体, run-in （一） 楷体, the rest 仿宋", async () => {
    const { summary } = importDraft(
      draft(
        "机关党委：",
        "一、会前准备",
        "（一）认真学习。支部学习3次。",
        "二、会议召开",
        "支部开会。",
        "三、下一步",
        "抓好整改。",
      ),
    );
    const ps = paragraphs(await renderSummary(summary)).filter((p) => p.text.trim() !== "");
    const style = (text: string) =>
      /<w:pStyle w:val="([^"]*)"/.exec(ps.find((p) => p.text.startsWith(text))?.xml ?? "")?.[1];
    expect([style("组织生活会"), style("一、"), style("（一）"), style("支部开会")]).toEqual([
      "GwTitle",
      "GwHeading1",
      "GwHeading2",
      "GwBody",
    ]);
  });
});

describe("the Markdown example of docs/import.md", () => {
  it("gives the same summary as the plain text it was written from", () => {
    const text = [
      "中共某某局机关第一支部委员会",
      "关于召开2025年度组织生活会情况的报告",
      "",
      "机关党委：",
      "",
      "　　按照机关党委通知要求，第一支部召开组织生活会。现将有关情况报告如下：",
      "一、会前准备",
      "（一）认真组织学习。支部组织党员集中学习3次。",
      "二、会议召开",
      "1.支部书记作对照检查。支部书记代表支委会查摆问题4个。",
      "三、下一步工作",
      "一是抓好整改落实。",
      "　　特此报告。",
      "中共某某局机关第一支部委员会",
      "2026年1月20日",
    ].join("\n");
    const markdown = [
      "# 中共某某局机关第一支部委员会",
      "# 关于召开2025年度组织生活会情况的报告",
      "",
      "**机关党委：**",
      "",
      "按照机关党委通知要求，第一支部召开组织生活会。现将有关情况报告如下：",
      "",
      "## 一、会前准备",
      "",
      "**（一）认真组织学习。** 支部组织党员集中学习3次。",
      "",
      "## 二、会议召开",
      "",
      "1. **支部书记作对照检查。** 支部书记代表支委会查摆问题4个。",
      "",
      "## 三、下一步工作",
      "",
      "一是抓好整改落实。",
      "",
      "特此报告。",
      "",
      "中共某某局机关第一支部委员会  ",
      "2026年1月20日",
    ].join("\n");
    const fromMarkdown = importDraft(markdown);
    expect(fromMarkdown.format).toBe("markdown");
    expect(fromMarkdown.summary).toEqual(importDraft(text).summary);
    expect(fromMarkdown.summary.organization.blocks[0]).toEqual({
      type: "item",
      level: 3,
      heading: "支部书记作对照检查",
      text: "支部书记代表支委会查摆问题4个。",
    });
  });
});

describe("lines around the title and the sign-off", () => {
  it("does not take a 纪要's 时间/地点 lines for the title's second line", () => {
    const { summary } = zh(
      ["第三支部组织生活会纪要", "时间：2026年1月16日下午", "地点：二楼会议室", ...SECTIONS].join("\n"),
    );
    expect(summary.title).toBe("第三支部组织生活会纪要");
    expect(summary.opening).toEqual(["时间：2026年1月16日下午", "地点：二楼会议室"]);
  });

  it("reads the sign-off above a bracketed note under the date, and keeps the note with a warning", () => {
    const { summary, warnings } = zh(
      draft(...SECTIONS, "特此报告。", "某某支部", "2026年1月5日", "（联系人：张某，电话：12345678）"),
    );
    expect(summary).toMatchObject({
      signature: "某某支部",
      date: "2026-01-05",
      closing: ["特此报告。", "（联系人：张某，电话：12345678）"],
    });
    expect(warnings.map((w) => [w.code, w.source])).toEqual([["unplaced", { line: 11 }]]);
  });
});

describe("a draft without a title line", () => {
  it("takes its first line as the title, and warns that it does not read as one", () => {
    const { summary, warnings } = zh(
      ["按照要求，支部召开了组织生活会，现将有关情况报告如下：", ...SECTIONS].join("\n"),
    );
    expect(summary.title).toBe("按照要求，支部召开了组织生活会，现将有关情况报告如下：");
    expect(warnings[0]).toMatchObject({ code: "doubtful_title", path: ["title"], source: { line: 1 } });
    expect(warnings[0]?.message).toBe(
      "第 1 行作为标题，但它不像标题（较长或以标点结尾）：“按照要求，支部召开了组织生活会，现将有关……”。草稿可能缺少标题，请检查。",
    );
  });
});
