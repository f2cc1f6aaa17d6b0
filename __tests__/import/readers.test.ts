import { inlineText, looksLikeMarkdown, readMarkdownDraft, stripEmphasis } from "../../src/import/markdown";
import { readTextDraft } from "../../src/import/text";

describe("readTextDraft", () => {
  it("makes one paragraph of each line, keeping its line number", () => {
    expect(readTextDraft("标题\n\n一、准备\r\n支部学习。\r（一）").paragraphs).toEqual([
      { text: "标题", source: { line: 1 } },
      { text: "一、准备", source: { line: 3 } },
      { text: "支部学习。", source: { line: 4 } },
      { text: "（一）", source: { line: 5 } },
    ]);
  });

  it("takes off indentation and trailing spaces (spaces, full-width spaces, tabs), never the spaces inside", () => {
    expect(readTextDraft("　　\t批评与自 我批评 及 成员  \u3000\t\n").paragraphs[0]?.text).toBe(
      "批评与自 我批评 及 成员",
    );
  });

  it("keeps every other character exactly: half- and full-width punctuation, masks", () => {
    const line = "会议由**主持；纪委、组织部代表点评;“团结―批评―团结”(1)，*月*日";
    expect(readTextDraft(line).paragraphs[0]?.text).toBe(line);
  });
});

describe("readMarkdownDraft", () => {
  it("reads # as the title (level 0), ## as level 1, ### as level 2, with or without closing #s", () => {
    const { paragraphs } = readMarkdownDraft("# 报告标题\n## 一、会前准备 ##\n### （一）学习\n#### 1.细则\n");
    expect(paragraphs.map((p) => [p.text, p.hints?.level])).toEqual([
      ["报告标题", 0],
      ["一、会前准备", 1],
      ["（一）学习", 2],
      ["1.细则", 3],
    ]);
  });

  it("reads setext headings", () => {
    expect(readMarkdownDraft("报告标题\n====\n会前准备\n----\n").paragraphs).toEqual([
      { text: "报告标题", source: { line: 1 }, hints: { level: 0 } },
      { text: "会前准备", source: { line: 3 }, hints: { level: 1 } },
    ]);
  });

  it("writes an ordered list's numbers as Markdown shows them, and drops bullets", () => {
    const { paragraphs } = readMarkdownDraft("1. 第一项\n1. 第二项\n1. 第三项\n\n- 甲\n* 乙\n");
    expect(paragraphs.map((p) => p.text)).toEqual(["1.第一项", "2.第二项", "3.第三项", "甲", "乙"]);
    expect(paragraphs.every((p) => p.hints?.listItem)).toBe(true);
  });

  it("reads a table as rows of cells", () => {
    const { paragraphs } = readMarkdownDraft(
      "| 序号 | 存在问题 |\n| --- | :---: |\n| 1 | 学习不够\\|深入 |\n",
    );
    expect(paragraphs).toEqual([
      {
        text: "",
        source: { line: 1 },
        table: [
          ["序号", "存在问题"],
          ["1", "学习不够|深入"],
        ],
      },
    ]);
  });

  it("keeps each line a paragraph: a sign-off typed as two lines stays two", () => {
    const { paragraphs } = readMarkdownDraft("中共某某支部委员会  \n2026年1月18日\n");
    expect(paragraphs.map((p) => p.text)).toEqual(["中共某某支部委员会", "2026年1月18日"]);
  });

  it("skips front matter, rules and blockquote marks; keeps a fenced block's lines", () => {
    const { paragraphs } = readMarkdownDraft("---\ntitle: x\n---\n> 引文\n\n***\n```\n代码行\n```\n");
    expect(paragraphs.map((p) => p.text)).toEqual(["引文", "代码行"]);
  });

  it("removes links, code spans and escapes, keeping their text", () => {
    expect(inlineText("见[通知](http://x)和`附件`，\\*号")).toBe("见通知和附件，*号");
  });
});

describe("stripEmphasis", () => {
  it.each([
    ["**认真组织动员。**支部对……", "认真组织动员。支部对……"],
    ["*强调*，和 _斜体_ 与 __加粗__、~~删除~~", "强调，和 斜体 与 加粗、删除"],
    ["1. **健全学习制度。** 修订", "1. 健全学习制度。 修订"],
  ])("removes the markers of %s", (input, output) => {
    expect(stripEmphasis(input)).toBe(output);
  });

  it.each([
    "****党支部接到通知",
    "*月*日，经党委同意",
    "2026年*月*日",
    "会议由党支部书记**主持，全体党员参加；**同志作总结发言。",
    "党员**、***分别作了交流发言",
  ])("leaves masks as typed: %s", (text) => {
    expect(stripEmphasis(text)).toBe(text);
  });
});

describe("looksLikeMarkdown", () => {
  it("is true for # headings and tables, false for a clerk's plain text with masks", () => {
    expect(looksLikeMarkdown("# 标题\n正文")).toBe(true);
    expect(looksLikeMarkdown("| a | b |\n|---|---|\n| 1 | 2 |")).toBe(true);
    expect(looksLikeMarkdown("****党支部\n**同志代表支部发言。\n一、准备")).toBe(false);
  });
});
