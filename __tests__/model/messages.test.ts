import { InvalidSummaryError } from "../../src/errors";
import { checkConsistency } from "../../src/model/checks";
import { documentNumberProblem } from "../../src/model/document-schema";
import { fieldName } from "../../src/model/messages";
import { parseSummary, validateSummary } from "../../src/model/parse";
import type { MeetingSummary } from "../../src/model/types";
import { parseSummaryJson } from "../../src/node";
import { renderSummary } from "../../src/render-summary";
import { everySchemaMistake, fullFactsSummary, minimalSummary } from "../fixtures/summaries";

/** The Chinese messages of `input`'s issues and warnings. */
function zh(input: unknown): string[] {
  const result = validateSummary(input, { locale: "zh-CN" });
  return [...result.issues, ...result.warnings].map((issue) => issue.message);
}

describe("messages in Chinese", () => {
  it("name the field by its Chinese name, then its path, as a clerk writes", () => {
    expect(zh({ ...minimalSummary(), title: 5 })).toEqual(["标题（title）应为文字，实际为数字 5"]);
    expect(zh({ ...minimalSummary(), meeting: { date: "2026-13-01" } })).toEqual([
      '会议信息（meeting）中的会议日期（meeting.date）应为形如 2026-01-05 的日期，实际为 "2026-13-01"',
    ]);
  });

  it("say every mistake of the schema in Chinese", () => {
    expect(zh(everySchemaMistake())).toEqual([
      "标题（title）应为文字，实际为数字 5",
      '导语（opening）应为列表，实际为文字 "导语"',
      "会前准备（preparation）中的一级标题（preparation.heading）不能为空",
      '会前准备（preparation）中的内容类型（preparation.blocks[0].type）应为 "paragraph"、"item"、"ordinals" 或 "generated" 之一，实际为 "itme"，是否应为 "item"？',
      "会前准备（preparation）中的条目标题（preparation.blocks[1].heading）为必填项，未填写",
      '会前准备（preparation）中的内容第 3 项（preparation.blocks[2]）应为一段文字，或 "type" 为 "paragraph"、"item"、"ordinals"、"generated" 之一的对象，实际为数字 42',
      "会前准备（preparation）中的内容第 4 项（preparation.blocks[3]）第 2 个字符是 U+0007，Word 文档无法容纳这个字符，请删去",
      '会前准备（preparation）中的内容类型（preparation.blocks[4].type）未填写，应为 "paragraph"、"item"、"ordinals" 或 "generated" 之一',
      "会前准备（preparation）中的内容第 6 项（preparation.blocks[5]）只能是一段文字，不能换行：请把每段分别写成一项",
      "会前准备（preparation）中没有“zzz”这一字段，此处可用的字段为：“heading”、“blocks”",
      "成效、问题与下一步（outcomes）中的内容（outcomes.blocks）至少应有一项",
      '成文日期（date）应为形如 2026-01-05 的日期，实际为 "2026-13-01"',
      '会议信息（meeting）中的会议类型（meeting.kind）应为 "组织生活会"、"民主生活会"、"专题组织生活会" 或 "专题民主生活会" 之一，实际为 "组织生活"',
      '会议信息（meeting）中的会议日期（meeting.date）应为形如 2026-01-05 的日期，日期未定时可写作 {"text": "*月*日"}，实际为数字 20260105',
      "会议信息（meeting）中的应到人数（meeting.attendance.expected）不能小于 0，实际为 -1",
      "会议信息（meeting）中没有“hots”这一字段，是否应为“host”（主持人）？",
      "红头文件（document）中的发文字号（document.documentNumber）有误：年份用了“（）”，应使用六角括号“〔〕”；发文顺序号前不加“第”字；发文顺序号“05”不编虚位，前面不加 0，应写作 某委发〔2026〕5号",
      '红头文件（document）中的签发人（document.signer）未填写：上行文（行文方向为 "upward"）须注明签发人',
      "红头文件（document）中的印发机关（document.printer）未填写：填写了抄送机关（copyTo），版记须以印发机关和印发日期结尾",
      "会议总结中没有“recipeint”这一字段，是否应为“recipient”（主送机关）？",
    ]);
  });

  it("keep the codes and paths of the English issues, in the same order", () => {
    const strip = (locale: "en" | "zh-CN") =>
      validateSummary(everySchemaMistake(), { locale }).issues.map(({ path, code }) => ({ path, code }));
    expect(strip("zh-CN")).toEqual(strip("en"));
    expect(strip("en")).toHaveLength(20);
  });

  it("say the consistency rules' findings in Chinese, errors and warnings", () => {
    const summary = fullFactsSummary();
    const a = summary.meeting?.attendance;
    if (a) a.present = 20;
    summary.organization.blocks.push({ type: "item", heading: "（一）认真开展批评" });
    const { errors, warnings } = checkConsistency(summary, "zh-CN");
    expect(errors.map((i) => i.message)).toContain(
      `会议信息（meeting）中的出席情况（meeting.attendance）人数对不上：实到 20 人 + 请假 ${a?.onLeave?.length ?? 0} 人 + 缺席 ${a?.absent?.length ?? 0} 人 = ${20 + (a?.onLeave?.length ?? 0) + (a?.absent?.length ?? 0)} 人，而应到 ${a?.expected} 人`,
    );
    expect(warnings.map((i) => i.message)).toContain(
      `会议召开（organization）中的条目标题（organization.blocks[${summary.organization.blocks.length - 1}].heading）以“（一）”开头：序号按先后顺序自动生成，这里再写就会重复`,
    );
    const english = checkConsistency(summary);
    expect(errors.map(({ path, code }) => ({ path, code }))).toEqual(
      english.errors.map(({ path, code }) => ({ path, code })),
    );
  });

  it("name a list's entry by its number, counted from 1, with the measure word that fits", () => {
    expect(fieldName(["opening", 0], "zh-CN")).toBe("导语第 1 段（opening[0]）");
    expect(fieldName(["attachments", 1], "zh-CN")).toBe("附件2（attachments[1]）");
    expect(fieldName(["problems", 0], "zh-CN")).toBe("查摆问题第 1 条（problems[0]）");
    expect(fieldName(["rectification", 2, "deadline"], "zh-CN")).toBe(
      "整改清单（rectification）中的完成时限（rectification[2].deadline）",
    );
    expect(fieldName(["date", "text"], "zh-CN")).toBe("成文日期（date.text）");
    expect(fieldName([], "zh-CN")).toBe("会议总结");
    expect(fieldName([], "en")).toBe("The summary");
  });

  it("write the thrown error's message in the same language, counting the rest", () => {
    const thrown = (() => {
      try {
        parseSummary({ ...minimalSummary(), title: "", recipient: "" }, { locale: "zh-CN" });
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(InvalidSummaryError);
    expect(thrown).toMatchObject({
      code: "invalid_summary",
      message: "会议总结有误：标题（title）不能为空（另有 1 处问题）",
      issues: [
        { path: ["title"], code: "empty" },
        { path: ["recipient"], code: "empty" },
      ],
    });
  });

  it("reach renderSummary's error through its locale option", async () => {
    const summary = { ...minimalSummary(), title: "" } as MeetingSummary;
    await expect(renderSummary(summary, { locale: "zh-CN" })).rejects.toThrow(
      "会议总结有误：标题（title）不能为空",
    );
    await expect(renderSummary(summary)).rejects.toThrow(
      "Invalid meeting summary: title (标题) must not be empty",
    );
  });

  it("tell where a JSON file is broken, and name a Chinese punctuation mark typed in it", () => {
    const issue = (json: string) => {
      try {
        parseSummaryJson(json, { locale: "zh-CN" });
      } catch (error) {
        return (error as InvalidSummaryError).issues[0];
      }
    };
    expect(issue('{\n  "title": "x"，\n  "date": "2026-01-05"\n}')).toEqual({
      path: [],
      code: "invalid_json",
      message: "文件不是有效的 JSON，第 2 行第 15 列有误：此处是中文标点（，），JSON 的标点须用英文半角",
    });
    expect(issue('{"title": "x"')?.message).toBe(
      "文件不是有效的 JSON，第 1 行第 14 列有误：内容在此中断，可能缺少右括号“}”“]”或引号",
    );
    expect(issue('{"title" "x"}')?.message).toBe(
      "文件不是有效的 JSON，第 1 行第 10 列有误：请检查此处前后是否缺少英文逗号、引号或括号",
    );
  });

  it("say what is wrong with a 发文字号 in either language", () => {
    expect(documentNumberProblem("某委发[2026]5号", "zh-CN")).toBe(
      "年份用了“[]”，应使用六角括号“〔〕”，应写作 某委发〔2026〕5号",
    );
    expect(documentNumberProblem("某委发〔2026〕五号", "zh-CN")).toBe(
      "“号”字前应为阿拉伯数字的发文顺序号，实际为“五”",
    );
    expect(documentNumberProblem("某委发[2026]第五号", "zh-CN")).toBe(
      "年份用了“[]”，应使用六角括号“〔〕”；发文顺序号前不加“第”字；此外，“号”字前应为阿拉伯数字的发文顺序号，实际为“五”",
    );
    expect(documentNumberProblem("某委发〔2026〕5号", "zh-CN")).toBeUndefined();
  });

  it("say a number above its maximum in both languages, instead of zod's own words", () => {
    const input = {
      ...minimalSummary(),
      document: { issuer: "中共某某委员会", documentNumber: { code: "某委发", year: 20260, serial: 1 } },
    };
    const path = ["document", "documentNumber", "year"];
    expect(validateSummary(input).issues).toEqual([
      {
        path,
        code: "too_big",
        message: "document.documentNumber.year (年份) must be at most 9999 (got 20260)",
      },
    ]);
    expect(zh(input)).toEqual([
      "红头文件（document）中的年份（document.documentNumber.year）不能大于 9999，实际为 20260",
    ]);
  });

  it("refuses a language it does not write", () => {
    expect(() => validateSummary(minimalSummary(), { locale: "fr" as never })).toThrow(
      new RangeError('options.locale must be "zh-CN" or "en" (got "fr")'),
    );
    expect(() => parseSummaryJson("{", { locale: "zh" as never })).toThrow(RangeError);
    expect(() => checkConsistency(fullFactsSummary(), "EN" as never)).toThrow(
      new RangeError('locale must be "zh-CN" or "en" (got "EN")'),
    );
  });
});
