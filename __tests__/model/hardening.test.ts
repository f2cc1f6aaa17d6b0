import { InvalidSummaryError } from "../../src/errors";
import { messageText } from "../../src/messages/catalogue";
import { limitMessages } from "../../src/model/limit-messages";
import { Limits } from "../../src/model/limits";
import { validateSummary } from "../../src/model/parse";
import type { Block, MeetingSummary } from "../../src/model/types";
import { renderSummary } from "../../src/render-summary";
import { fullFactsSummary, minimalSummary } from "../fixtures/summaries";
import { paragraphs } from "../helpers/docx";

function issuesOf(input: unknown, strip = false) {
  return validateSummary(input, strip ? { invalidCharacters: "strip" } : undefined).issues;
}

/** An item with `depth` levels of items inside it. */
function nestedItems(depth: number): Block {
  let block: Block = { type: "item", heading: "最里层", text: "正文。" };
  for (let i = 0; i < depth; i += 1) block = { type: "item", heading: `第${i}层`, blocks: [block] };
  return block;
}

describe("line breaks in the title", () => {
  it.each([
    ["\r", "第一行\r第二行"],
    ["\r\n", "第一行\r\n第二行"],
    ["\n", "第一行\n第二行"],
  ])("breaks the title's line at %j, with no stray character", async (_, title) => {
    const docx = await renderSummary({ ...minimalSummary(), title });
    const first = paragraphs(docx).find((p) => p.text.includes("第一行"));
    expect(first?.text).toBe("第一行\n第二行");
  });
});

describe("counts", () => {
  it("refuses a count past the limit with its path, before any sum can lose precision", () => {
    const summary = {
      ...fullFactsSummary(),
      evaluation: { excellent: 2 ** 52, qualified: 2 ** 53, basicallyQualified: 0, unqualified: 0 },
    };
    expect(issuesOf(summary)).toEqual([
      {
        path: ["evaluation", "excellent"],
        code: "too_big",
        message: `evaluation.excellent (优秀) must be at most ${Limits.count} (got ${2 ** 52})`,
      },
      {
        path: ["evaluation", "qualified"],
        code: "too_big",
        message: `evaluation.qualified (合格) must be at most ${Limits.count} (got ${2 ** 53})`,
      },
    ]);
  });

  it("accepts counts up to the limit", () => {
    const summary = { ...minimalSummary(), meeting: { preparation: { talks: Limits.count } } };
    expect(validateSummary(summary).ok).toBe(true);
  });
});

describe("nesting", () => {
  it.each([594, 5000])(
    "reports %i levels of items as too deep, with a path, without a stack overflow",
    (n) => {
      const summary = { ...minimalSummary(), preparation: { heading: "会前准备", blocks: [nestedItems(n)] } };
      const issues = issuesOf(summary);
      expect(issues).toHaveLength(1);
      expect(issues[0]?.code).toBe("too_deep");
      expect(issues[0]?.path.slice(0, 4)).toEqual(["preparation", "blocks", 0, "blocks"]);
      expect(issues[0]?.message).toMatch(
        /^preparation\.blocks\[0\]\.blocks\[0\]\.blocks.* is nested too deep/,
      );
    },
  );

  it("makes renderSummary throw an InvalidSummaryError naming the path, not a RangeError", async () => {
    const summary = { ...minimalSummary(), preparation: { heading: "会前准备", blocks: [nestedItems(600)] } };
    await expect(renderSummary(summary)).rejects.toMatchObject({
      code: "invalid_summary",
      issues: [{ code: "too_deep", path: expect.arrayContaining(["preparation", "blocks"]) }],
    });
  });

  it("reports a cycle as too deep instead of looping", () => {
    const summary: Record<string, unknown> = { ...minimalSummary() };
    summary.meeting = summary;
    expect(issuesOf(summary)[0]).toMatchObject({
      code: "too_deep",
      path: expect.arrayContaining(["meeting"]),
    });
  });
});

describe("size limits", () => {
  it("refuses a text longer than the limit, with its path and length", () => {
    const long = "<&>".repeat(Math.ceil((Limits.textLength + 1) / 3));
    expect(issuesOf({ ...minimalSummary(), opening: ["导语。", long] })).toEqual([
      {
        path: ["opening", 1],
        code: "too_long",
        message: `opening[1] is ${long.length} characters long: a text may have at most ${Limits.textLength}`,
      },
    ]);
  });

  it("accepts a text exactly at the limit", () => {
    expect(validateSummary({ ...minimalSummary(), opening: ["字".repeat(Limits.textLength)] }).ok).toBe(true);
  });

  it("refuses a list with more entries than the limit, with its path", () => {
    const rows = Array.from({ length: Limits.listEntries + 1 }, () => ({ problem: "问题", measure: "措施" }));
    expect(issuesOf({ ...minimalSummary(), rectification: rows })).toEqual([
      {
        path: ["rectification"],
        code: "too_many",
        message: `rectification (整改清单) has ${rows.length} entries: a list may have at most ${Limits.listEntries}`,
      },
    ]);
  });

  it("refuses a summary with more values than the limit in all", () => {
    const perList = Limits.listEntries;
    const lists = Math.ceil(Limits.values / perList) + 1;
    const sections = Array.from({ length: lists }, (_, i) => ({
      heading: `第${i}部分`,
      blocks: Array.from({ length: perList }, () => "段。"),
    }));
    expect(issuesOf({ ...minimalSummary(), sections })).toEqual([
      {
        path: [],
        code: "too_large",
        message: `The summary is too large: it may hold at most ${Limits.values} values (each text, number and entry counts as one)`,
      },
    ]);
  });

  it("refuses a summary whose texts together pass the limit", () => {
    const paragraph = "字".repeat(Limits.textLength);
    const count = Math.ceil(Limits.totalText / Limits.textLength) + 1;
    const sections = Array.from({ length: Math.ceil(count / 50) }, (_, i) => ({
      heading: `第${i}部分`,
      blocks: Array.from({ length: 50 }, () => paragraph),
    }));
    expect(issuesOf({ ...minimalSummary(), sections })).toMatchObject([{ path: [], code: "too_large" }]);
  });
});

describe("the 9,999-position limit of the numbering", () => {
  const ordinals = Array.from({ length: 10_000 }, (_, i) => `第${i}条。`);

  it("is never reached: validation refuses 10,000 ordinals with the path", async () => {
    const summary = {
      ...minimalSummary(),
      outcomes: { heading: "下一步", blocks: [{ type: "ordinals" as const, items: ordinals }] },
    };
    const expected = [{ path: ["outcomes", "blocks", 0, "items"], code: "too_many" }];
    expect(issuesOf(summary)).toMatchObject(expected);
    await expect(renderSummary(summary)).rejects.toMatchObject({ code: "invalid_summary", issues: expected });
  });

  it("refuses 10,000 agenda entries in validation, as render does", async () => {
    const summary = { ...minimalSummary(), meeting: { agenda: ordinals } };
    const expected = [{ path: ["meeting", "agenda"], code: "too_many" }];
    expect(issuesOf(summary)).toMatchObject(expected);
    await expect(renderSummary(summary)).rejects.toMatchObject({ issues: expected });
  });
});

describe("odd objects", () => {
  class Report {
    title = "组织生活会情况报告";
    preparation = { heading: "会前准备", blocks: ["支部召开支委会\u0007研究部署。"] };
    organization = { heading: "会议召开", blocks: ["1月15日，支部召开组织生活会。"] };
    outcomes = { heading: "下一步工作", blocks: ["支部将抓好整改落实。"] };
  }

  it("strips a class instance's invalid characters instead of refusing it", () => {
    const result = validateSummary(new Report(), { invalidCharacters: "strip" });
    expect(result.ok).toBe(true);
    expect(result.ok && result.summary.preparation.blocks[0]).toBe("支部召开支委会研究部署。");
  });

  it("strips a null-prototype summary's invalid characters instead of refusing it", () => {
    const summary = Object.assign(Object.create(null), new Report());
    const result = validateSummary(summary, { invalidCharacters: "strip" });
    expect(result.ok && result.summary.preparation.blocks[0]).toBe("支部召开支委会研究部署。");
  });

  it("reports a getter that throws as an issue at its path: validateSummary never throws", () => {
    const summary = minimalSummary();
    Object.defineProperty(summary, "recipient", {
      enumerable: true,
      get() {
        throw new Error("no access");
      },
    });
    expect(issuesOf(summary)).toEqual([
      {
        path: ["recipient"],
        code: "unreadable_field",
        message: "recipient (主送机关) could not be read: no access",
      },
    ]);
  });

  it("reports a revoked proxy as an issue at its path", () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(issuesOf({ ...minimalSummary(), meeting: proxy })).toMatchObject([
      { path: ["meeting"], code: "unreadable_field" },
    ]);
  });

  it("reads each getter once", () => {
    let reads = 0;
    const summary = minimalSummary();
    Object.defineProperty(summary, "title", {
      enumerable: true,
      get() {
        reads += 1;
        return "标题";
      },
    });
    expect(validateSummary(summary).ok).toBe(true);
    expect(reads).toBe(1);
  });

  it.each([
    [10n, "the BigInt 10n"],
    [Symbol("x"), "a symbol"],
    [() => "标题", "a function"],
  ])("describes %p as what it is", (value, described) => {
    expect(issuesOf({ ...minimalSummary(), title: value })).toEqual([
      { path: ["title"], code: "invalid_type", message: `title (标题) must be text (got ${described})` },
    ]);
  });
});

describe("small losses", () => {
  it.each(["：", ":"])("refuses a recipient that is only %j: its line would disappear", (recipient) => {
    expect(issuesOf({ ...minimalSummary(), recipient })).toEqual([
      {
        path: ["recipient"],
        code: "only_punctuation",
        message: `recipient (主送机关) must contain words, not only punctuation (got ${JSON.stringify(recipient)}): it would print as nothing`,
      },
    ]);
  });

  it("keeps a recipient with words and a colon", () => {
    expect(validateSummary({ ...minimalSummary(), recipient: "市委组织部：" }).ok).toBe(true);
  });

  it("refuses an agenda item that is only punctuation: it would print as an empty 一是；", () => {
    const summary: MeetingSummary = { ...minimalSummary(), meeting: { agenda: ["传达会议精神", "。；"] } };
    expect(issuesOf(summary)).toMatchObject([{ path: ["meeting", "agenda", 1], code: "only_punctuation" }]);
  });

  it.each(["0000-01-01", "0000-12-31"])("refuses the year 0 in %s, which would print as year 1", (date) => {
    expect(issuesOf({ ...minimalSummary(), date })).toEqual([
      {
        path: ["date"],
        code: "invalid_date",
        message: `date (成文日期) must be a date from year 1 to 9999 (got "${date}")`,
      },
    ]);
  });

  it("refuses a Date object outside the years 1 to 9999", () => {
    const date = new Date(Date.UTC(10_000, 0, 5));
    expect(issuesOf({ ...minimalSummary(), date })).toMatchObject([{ path: ["date"], code: "invalid_date" }]);
  });

  it("accepts the year 1", () => {
    expect(validateSummary({ ...minimalSummary(), date: "0001-01-01" }).ok).toBe(true);
  });

  it.each(["__proto__", "constructor", "toString"])("labels an unknown %s field without garbage", (key) => {
    const summary = JSON.parse(`{"title": "标题", "${key}": 1}`);
    const issue = issuesOf(summary).find((i) => i.code === "unknown_field");
    expect(issue).toMatchObject({
      path: [key],
      message: expect.stringMatching(new RegExp(`^${key} is not a field`)),
    });
  });

  it("labels an unknown field inside meeting without garbage", () => {
    const summary = { ...minimalSummary(), meeting: JSON.parse('{"constructor": 1}') };
    expect(issuesOf(summary)[0]?.message).toMatch(/^meeting\.constructor is not a field/);
  });
});

it("keeps InvalidSummaryError for every limit (renderSummary)", async () => {
  await expect(
    renderSummary({ ...minimalSummary(), title: "字".repeat(Limits.textLength + 1) }),
  ).rejects.toThrow(InvalidSummaryError);
});

describe("the messages of the limits in Chinese", () => {
  it.each([
    ["too_long", { length: 6000, max: 5000 }, "共 6000 字，超过每项 5000 字的上限"],
    ["too_many", { count: 1001, max: 1000 }, "共 1001 项，超过每个列表 1000 项的上限"],
  ] as const)("writes %s as a clerk would", (key, params, expected) => {
    expect(messageText(limitMessages[key] as never, params as never, "zh-CN")).toBe(expected);
  });

  it("names the field first, then the limit", () => {
    const count = { ...minimalSummary(), evaluation: { excellent: 4503599627370496 } };
    const year = { ...minimalSummary(), date: "0000-01-01" };
    const long = { ...minimalSummary(), title: "字".repeat(Limits.textLength + 1) };
    const zh = (input: unknown) => validateSummary(input, { locale: "zh-CN" }).issues[0]?.message;
    expect(zh(long)).toBe(
      `标题（title）共 ${Limits.textLength + 1} 字，超过每项 ${Limits.textLength} 字的上限`,
    );
    expect(zh(year)).toBe('成文日期（date）的年份应在 1 至 9999 之间，实际为 "0000-01-01"');
    expect(zh(count)).toMatch(/不能大于 100000，实际为 4503599627370496$/);
  });

  it("has every message in both languages", () => {
    for (const message of Object.values(limitMessages)) {
      expect(Object.keys(message).sort()).toEqual(["en", "zh-CN"]);
    }
  });
});
