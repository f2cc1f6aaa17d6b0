import { InvalidSummaryError } from "../../src/errors";
import { parseSummary, validateSummary } from "../../src/model/parse";
import { minimalSummary, seedReport } from "../fixtures/summaries";

function issuesOf(input: unknown) {
  return validateSummary(input).issues;
}

describe("parseSummary", () => {
  it("accepts the seed example", () => {
    expect(validateSummary(seedReport())).toMatchObject({ ok: true, issues: [] });
  });

  it("returns a copy and does not mutate the input", () => {
    const input = minimalSummary();
    const before = JSON.stringify(input);
    const parsed = parseSummary(input);
    expect(parsed).toEqual(input);
    expect(parsed).not.toBe(input);
    expect(JSON.stringify(input)).toBe(before);
  });

  it("throws an InvalidSummaryError with every issue and a message naming the first", () => {
    const bad = { ...minimalSummary(), title: "", recipient: 5 };
    expect(() => parseSummary(bad)).toThrow(InvalidSummaryError);
    try {
      parseSummary(bad);
    } catch (error) {
      expect(error).toMatchObject({
        name: "InvalidSummaryError",
        code: "invalid_summary",
        message: "Invalid meeting summary: title (标题) must not be empty (and 1 more)",
        issues: [
          { path: ["title"], code: "empty", message: "title (标题) must not be empty" },
          { path: ["recipient"], code: "invalid_type", message: "recipient (主送机关) must be text (got 5)" },
        ],
      });
    }
  });

  it("reports every missing required field at once", () => {
    expect(issuesOf({})).toEqual([
      { path: ["title"], code: "required", message: "title (标题) is required" },
      { path: ["preparation"], code: "required", message: "preparation (会前准备) is required" },
      { path: ["organization"], code: "required", message: "organization (会议召开) is required" },
      { path: ["outcomes"], code: "required", message: "outcomes (成效、问题与下一步) is required" },
    ]);
  });

  it("reports input that is not an object", () => {
    expect(issuesOf("hello")).toEqual([
      { path: [], code: "invalid_type", message: 'The summary must be an object (got "hello")' },
    ]);
  });

  it("rejects a misspelt field and suggests the right one, so no text goes missing", () => {
    expect(issuesOf({ ...minimalSummary(), recipeint: "市委" })).toEqual([
      {
        path: ["recipeint"],
        code: "unknown_field",
        message: 'recipeint is not a field here (did you mean "recipient"?)',
      },
    ]);
  });

  it("lists the allowed fields when an unknown one resembles none", () => {
    const summary = minimalSummary();
    const issues = issuesOf({ ...summary, preparation: { ...summary.preparation, zzz: 1 } });
    expect(issues).toEqual([
      {
        path: ["preparation", "zzz"],
        code: "unknown_field",
        message: "preparation.zzz is not a field here (allowed here: heading, blocks)",
      },
    ]);
  });

  it("gives the exact path of a problem deep inside nested items", () => {
    const summary = minimalSummary();
    summary.organization.blocks = [
      "段落",
      { type: "item", heading: "批评情况", blocks: [{ type: "item", heading: " ", text: "正文" }] },
    ];
    expect(issuesOf(summary)).toEqual([
      {
        path: ["organization", "blocks", 1, "blocks", 0, "heading"],
        code: "empty",
        message: "organization.blocks[1].blocks[0].heading (条目标题) must not be empty",
      },
    ]);
  });

  it("rejects an unknown block type and suggests the closest", () => {
    const summary = minimalSummary() as unknown as { outcomes: { blocks: unknown[] } };
    summary.outcomes.blocks = [{ type: "itme", heading: "x" }];
    expect(issuesOf(summary)).toEqual([
      {
        path: ["outcomes", "blocks", 0, "type"],
        code: "unknown_block_type",
        message:
          'outcomes.blocks[0].type (内容类型) must be one of "paragraph", "item", "ordinals" or "generated" (got "itme"; did you mean "item"?)',
      },
    ]);
  });

  it("asks for a type on a block object without one", () => {
    const summary = minimalSummary() as unknown as { outcomes: { blocks: unknown[] } };
    summary.outcomes.blocks = [{ heading: "x" }];
    expect(issuesOf(summary)[0]).toMatchObject({ path: ["outcomes", "blocks", 0, "type"], code: "required" });
  });

  it("rejects a block that is neither text nor an object", () => {
    const summary = minimalSummary() as unknown as { outcomes: { blocks: unknown[] } };
    summary.outcomes.blocks = [42];
    expect(issuesOf(summary)).toEqual([
      {
        path: ["outcomes", "blocks", 0],
        code: "invalid_block",
        message:
          'outcomes.blocks[0] must be a paragraph (text) or an object with "type": "paragraph", "item", "ordinals" or "generated" (got 42)',
      },
    ]);
  });

  it("rejects empty sections, empty ordinals and empty paragraphs", () => {
    const summary = minimalSummary() as unknown as Record<
      "preparation" | "organization" | "outcomes",
      { blocks: unknown[] }
    >;
    summary.preparation.blocks = [];
    summary.organization.blocks = [{ type: "ordinals", items: [] }];
    summary.outcomes.blocks = ["   "];
    expect(issuesOf(summary).map((i) => [i.path, i.code])).toEqual([
      [["preparation", "blocks"], "empty"],
      [["organization", "blocks", 0, "items"], "empty"],
      [["outcomes", "blocks", 0], "empty"],
    ]);
  });

  it("rejects items nested deeper than （1）", () => {
    const deep = { type: "item", heading: "五级" };
    const l4 = { type: "item", heading: "四级", blocks: [deep] };
    const l3 = { type: "item", heading: "三级", blocks: [l4] };
    const summary = minimalSummary() as unknown as { outcomes: { blocks: unknown[] } };
    summary.outcomes.blocks = [{ type: "item", heading: "二级", blocks: [l3] }];
    expect(issuesOf(summary)).toEqual([
      {
        path: ["outcomes", "blocks", 0, "blocks", 0, "blocks", 0, "blocks", 0],
        code: "too_deep",
        message:
          "outcomes.blocks[0].blocks[0].blocks[0].blocks[0] is nested too deep: items go down to four levels (一、（一）1.（1）)",
      },
    ]);
  });

  it("keeps line breaks out of paragraphs but allows them in the title", () => {
    const summary = {
      ...minimalSummary(),
      title: "关于召开2026年度\n组织生活会情况的报告",
      opening: ["第一段\n第二段"],
    };
    expect(issuesOf(summary)).toEqual([
      {
        path: ["opening", 0],
        code: "line_break",
        message: "opening[0] must be a single paragraph: put each paragraph in its own entry",
      },
    ]);
  });

  it("checks meeting facts: kind, supervisors, dates", () => {
    const summary = {
      ...minimalSummary(),
      meeting: { kind: "组织生活", date: "2026-02-30", supervisors: [{ name: "张三" }] },
    };
    expect(issuesOf(summary)).toEqual([
      {
        path: ["meeting", "kind"],
        code: "invalid_value",
        message:
          'meeting.kind (会议类型) must be one of "组织生活会", "民主生活会", "专题组织生活会" or "专题民主生活会" (got "组织生活")',
      },
      {
        path: ["meeting", "date"],
        code: "invalid_date",
        message: 'meeting.date (会议日期) must be a date like 2026-01-05 (got "2026-02-30")',
      },
      {
        path: ["meeting", "supervisors", 0, "organization"],
        code: "required",
        message: "meeting.supervisors[0].organization (单位) is required",
      },
    ]);
  });

  it("accepts the three kinds of date and preserves literal text", () => {
    for (const date of [new Date(2026, 0, 5), "2026-01-05", { text: "2026年*月*日" }]) {
      expect(validateSummary({ ...minimalSummary(), date }).ok).toBe(true);
    }
  });

  it.each([
    ["2026-13-01", 'date (成文日期) must be a date like 2026-01-05 (got "2026-13-01")'],
    ["2026-1-5", 'date (成文日期) must be a date like 2026-01-05 (got "2026-1-5")'],
    ["2026年1月5日", 'date (成文日期) must be a date like 2026-01-05 (got "2026年1月5日")'],
  ])("rejects the date %s", (date, message) => {
    expect(issuesOf({ ...minimalSummary(), date })).toEqual([
      { path: ["date"], code: "invalid_date", message },
    ]);
  });

  it("rejects an Invalid Date and a date of the wrong type", () => {
    expect(issuesOf({ ...minimalSummary(), date: new Date("x") })[0]).toMatchObject({
      path: ["date"],
      code: "invalid_date",
    });
    expect(issuesOf({ ...minimalSummary(), date: 20260105 })).toEqual([
      {
        path: ["date"],
        code: "invalid_date",
        message:
          'date (成文日期) must be a date like 2026-01-05, or {"text": "…"} for a date not yet known (got 20260105)',
      },
    ]);
  });

  it("allows a $schema reference for editors", () => {
    expect(validateSummary({ $schema: "./schema.json", ...minimalSummary() }).ok).toBe(true);
  });
});

describe("characters a Word document cannot hold", () => {
  const cases: [string, string][] = [
    ["a C0 control", "\u0007"],
    ["a vertical tab", "\u000B"],
    ["a lone high surrogate", "\uD800"],
    ["a lone low surrogate", "\uDC00"],
    ["U+FFFE", "\uFFFE"],
    ["U+FFFF", "\uFFFF"],
  ];

  it.each(cases)("rejects %s with its path and position", (_name, char) => {
    const summary = minimalSummary();
    summary.outcomes.blocks = ["正文", `坏${char}字`];
    const code = `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
    expect(issuesOf(summary)).toEqual([
      {
        path: ["outcomes", "blocks", 1],
        code: "invalid_character",
        message: `outcomes.blocks[1] contains ${code} at position 2, a character a Word document cannot hold`,
      },
    ]);
  });

  it("accepts tab, emoji (a valid surrogate pair) and rare CJK characters", () => {
    const summary = minimalSummary();
    summary.outcomes.blocks = ["制表\t符", "表情😀", "生僻字𠀀"];
    expect(validateSummary(summary).ok).toBe(true);
  });

  it("strips them on request and keeps everything else", () => {
    const summary = { ...minimalSummary(), recipient: "市委\u0000组织部", date: new Date(2026, 0, 5) };
    const parsed = parseSummary(summary, { invalidCharacters: "strip" });
    expect(parsed.recipient).toBe("市委组织部");
    expect(parsed.date).toEqual(new Date(2026, 0, 5));
  });

  it("treats a wrong option as a programming error", () => {
    expect(() => validateSummary(minimalSummary(), { invalidCharacters: "drop" as never })).toThrow(
      RangeError,
    );
  });
});

describe("attendance", () => {
  it("takes counts as whole numbers of zero or more, with paths to the bad ones", () => {
    const summary = {
      ...minimalSummary(),
      meeting: { attendance: { expected: -1, present: 2.5, onLeave: [{}] } },
    };
    expect(issuesOf(summary)).toEqual([
      {
        path: ["meeting", "attendance", "expected"],
        code: "too_small",
        message: "meeting.attendance.expected (应到人数) must be at least 0 (got -1)",
      },
      {
        path: ["meeting", "attendance", "present"],
        code: "invalid_type",
        message: "meeting.attendance.present (实到人数) must be a whole number (got 2.5)",
      },
      {
        path: ["meeting", "attendance", "onLeave", 0, "name"],
        code: "required",
        message: "meeting.attendance.onLeave[0].name (姓名) is required",
      },
    ]);
  });
});
