import { TemplateError } from "../../src/errors";
import { renderSummary } from "../../src/render-summary";
import { inspectTemplate } from "../../src/template/inspect";
import { type TemplateMessageKey, templateMessages } from "../../src/template/messages";
import { minimalSummary } from "../fixtures/summaries";
import { brokenTemplates, replaceOnce, reportWith } from "../helpers/templates";

/**
 * Parameters that fit every message of the template stage, in Chinese characters, so that any Latin word
 * left in a Chinese message is the message's own.
 */
const PARAMS = {
  tag: "甲",
  name: "乙",
  written: "｛丙｝",
  suggestion: "｛丁｝",
  close: "｛／丙｝",
  open: "戊",
  a: "己",
  b: "庚",
  places: [{ at: "top" }, { at: "loop", usage: "｛辛｝" }, { at: "group", usage: "｛壬｝" }],
  field: "癸",
  isText: true,
  fixed: "｛子｝",
  key: "丑",
  usage: "｛寅｝",
  path: "卯",
  got: "辰",
  label: "会议地点",
  wanted: "｛巳｝",
  tags: "｛午｝",
  text: "未",
  first: "申",
  more: 2,
  size: "三十",
  max: "二十",
  count: 3000,
  kind: "doc",
  place: "酉",
  reason: "亥",
  fields: ["子", "丑"],
};

/** What may stay Latin in a Chinese message: file and part names, products, formats, option values. */
const LATIN_ALLOWED =
  /[\w./*-]*\.(xml|md|docx|doc|dotx|odt|wps|rtf|xls|ppt)\b|\b(Word|WPS|XML|DTD|DOCTYPE|ZIP64|zip|GB|OpenDocument|PDF|RTF|Office|JSON|missingValues|empty|Custom|unitName)\b/g;

const keys = Object.keys(templateMessages) as TemplateMessageKey[];

describe("the template stage's messages", () => {
  it.each(keys)("%s reads in both languages, the Chinese without English words", (key) => {
    const entry = templateMessages[key] as { "zh-CN": (p: unknown) => string; en: (p: unknown) => string };
    const zh = entry["zh-CN"](PARAMS);
    const en = entry.en(PARAMS);
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(en).not.toBe(zh);
    expect(zh.replace(LATIN_ALLOWED, "")).not.toMatch(/[A-Za-z]{3,}/);
  });

  it("inspects a broken template in Chinese, with the same codes, tags and paragraphs as in English", async () => {
    const template = await reportWith((xml) =>
      Object.values(brokenTemplates).reduce(
        (out, edit) => edit(out),
        replaceOnce(xml, "{#closing}", "{#closing}{titel}"),
      ),
    );
    const en = inspectTemplate(template).issues;
    const zh = inspectTemplate(template, { locale: "zh-CN" }).issues;
    expect(zh.map(({ code, tag, part, paragraph }) => ({ code, tag, part, paragraph }))).toEqual(
      en.map(({ code, tag, part, paragraph }) => ({ code, tag, part, paragraph })),
    );
    expect(zh[0]?.message).toBe(
      "正文“{title”处：标记 {title 缺少右大括号 }。请在 Word 中紧接 title 之后输入 }。",
    );
    for (const issue of zh) {
      const own = issue.message
        .replace(/“[^”]*”处|\{[^{}]*\}|\{\w+|\w+\}/g, "")
        .split(issue.tag ?? "\u0000")
        .join("")
        .replace(LATIN_ALLOWED, "");
      expect(own).not.toMatch(/[A-Za-z]{3,}/);
    }
  });

  it("throws render's errors in the language asked for", async () => {
    const template = await reportWith((xml) => replaceOnce(xml, "{title}", "{titel}"));
    const error = await renderSummary(minimalSummary(), { template, locale: "zh-CN" }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TemplateError);
    expect(error).toMatchObject({
      code: "invalid_template",
      message:
        "模板无法使用：正文“{titel}”处：{titel} 不是本程序填写的标记（是否应为 {title}？）。请对照 docs/templates.md 中的标记表核对拼写。",
      issues: [{ code: "unknown_tag", tag: "titel", suggestion: "title" }],
    });
    const notZip = await renderSummary(minimalSummary(), {
      template: new TextEncoder().encode("hello"),
      locale: "zh-CN",
    }).catch((e: unknown) => e);
    expect((notZip as TemplateError).issues[0]?.message).toBe(
      "模板不是 .docx 文件（不是 zip 压缩包）。请在 Word 或 WPS 中另存为“Word 文档（*.docx）”。",
    );
  });

  it("refuses a locale it does not know", async () => {
    expect(() => inspectTemplate(new Uint8Array(), { locale: "fr" as never })).toThrow(RangeError);
    await expect(renderSummary(minimalSummary(), { locale: "zh" as never })).rejects.toThrow(RangeError);
  });
});
