import { toView } from "../../src/format/view";
import { renderSummary } from "../../src/render-summary";
import { InvalidDataError } from "../../src/template/data";
import { inspectTemplate } from "../../src/template/inspect";
import { renderTemplate } from "../../src/template/render";
import { minimalSummary } from "../fixtures/summaries";
import { paragraphTexts } from "../helpers/docx";
import { replaceOnce, reportWith } from "../helpers/templates";

const data = {
  unitName: "某某市某某局机关第一党支部",
  contact: { name: "李某某", phone: "0771-1234567" },
  reviewers: [{ name: "王某某" }, { name: "赵某某" }],
  tags: ["学习", "整改"],
  isDraft: true,
};

/** The report template with a line of the user's own fields after the title. */
const ownFieldsTemplate = () =>
  reportWith((xml) =>
    replaceOnce(
      xml,
      "{title}",
      '{title}</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">{unitName} 联系人：{contact.name}（{contact.phone}）审核：{#reviewers}{name} {/reviewers}{#tags}{.}、{/tags}{#isDraft}（征求意见稿）{/isDraft}',
    ),
  );

describe("your own data", () => {
  it("fills tags of your own beside the summary's", async () => {
    const docx = await renderSummary(minimalSummary(), { template: await ownFieldsTemplate(), data });
    expect(paragraphTexts(docx)[1]).toBe(
      "某某市某某局机关第一党支部 联系人：李某某（0771-1234567）审核：王某某 赵某某 学习、整改、（征求意见稿）",
    );
  });

  it("fills them through renderTemplate too", async () => {
    const docx = renderTemplate(await ownFieldsTemplate(), toView(minimalSummary()), { data });
    expect(paragraphTexts(docx)[1]).toContain("联系人：李某某");
  });

  it("makes them known to inspect, which otherwise reports them", async () => {
    const template = await ownFieldsTemplate();
    expect(inspectTemplate(template).issues.map((i) => i.tag)).toEqual(
      expect.arrayContaining(["unitName", "contact.name", "reviewers", "tags", "isDraft"]),
    );
    const { issues, tags } = inspectTemplate(template, { data });
    expect(issues).toEqual([]);
    expect(tags.find((t) => t.name === "contact.phone")).toMatchObject({
      known: true,
      field: "contact.phone",
    });
    expect(tags.find((t) => t.name === "name" && t.scope === "reviewers")).toMatchObject({
      known: true,
      field: "reviewers.name",
    });
  });

  it("is refused by render when the template uses a field the data lacks", async () => {
    await expect(
      renderSummary(minimalSummary(), { template: await ownFieldsTemplate(), data: { unitName: "某局" } }),
    ).rejects.toMatchObject({
      code: "invalid_template",
      issues: expect.arrayContaining([expect.objectContaining({ code: "unknown_tag", tag: "contact.name" })]),
    });
  });

  it("is checked against each shape of data in turn, the template's analysis kept for each", async () => {
    const template = await ownFieldsTemplate();
    const lacking = { unitName: "某局" };
    // The same names with other kinds: a text where a group was, a group where a list was.
    const otherKinds = { ...data, contact: "李某某", reviewers: { name: "王某某" } };
    for (let round = 0; round < 3; round++) {
      const docx = await renderSummary(minimalSummary(), { template, data });
      expect(paragraphTexts(docx)[1]).toContain("联系人：李某某");
      const sameShape = { ...data, unitName: `第${round}支部` };
      expect(
        paragraphTexts(await renderSummary(minimalSummary(), { template, data: sameShape }))[1],
      ).toContain(`第${round}支部`);
      for (const other of [lacking, otherKinds]) {
        const expected = inspectTemplate(template, { data: other }).issues.map((i) => [i.code, i.tag]);
        expect(expected.length).toBeGreaterThan(0);
        const refused = await renderSummary(minimalSummary(), { template, data: other }).catch((e) => e);
        expect(refused.code).toBe("invalid_template");
        expect(refused.issues.map((i: { code: string; tag?: string }) => [i.code, i.tag])).toEqual(expected);
      }
      await expect(renderSummary(minimalSummary(), { template })).rejects.toMatchObject({
        code: "invalid_template",
      });
    }
  });

  it("may not shadow a tag of the vocabulary: the error names both", async () => {
    const attempt = renderSummary(minimalSummary(), {
      data: { title: "另一个标题", meeting: {}, unitName: "某局" },
    });
    await expect(attempt).rejects.toBeInstanceOf(InvalidDataError);
    await expect(attempt).rejects.toMatchObject({
      code: "invalid_data",
      issues: [
        {
          code: "data_shadows_tag",
          path: ["title"],
          tag: "title",
          message:
            "The data field title has the name of this library's tag {title} and would hide the summary's value. Give your field another name, e.g. titleCustom.",
        },
        { code: "data_shadows_tag", path: ["meeting"], message: expect.stringContaining("{meeting.…}") },
      ],
    });
    expect(() => inspectTemplate(new Uint8Array(), { data: { title: "x" }, locale: "zh-CN" })).toThrow(
      "自定义数据有误：自定义数据中的 title 与本程序的标记 {title} 同名，会遮住会议总结中的内容。请给自定义字段换一个名称，例如 titleCustom。",
    );
  });

  it("holds only what JSON holds, each other value named by its path", async () => {
    await expect(
      renderSummary(minimalSummary(), { data: { when: new Date(0), list: [1, Number.NaN], ok: "x" } }),
    ).rejects.toMatchObject({
      code: "invalid_data",
      issues: [
        { code: "invalid_data", path: ["when"], message: expect.stringContaining("(got a Date)") },
        { code: "invalid_data", path: ["list", 1], message: expect.stringContaining("list[1]") },
      ],
    });
    await expect(renderSummary(minimalSummary(), { data: [] as never })).rejects.toThrow(TypeError);
  });
});

describe("renderTemplate with data of your own", () => {
  it("names a loop or condition the data does not have, instead of leaving its part out", async () => {
    const template = await reportWith((xml) =>
      replaceOnce(replaceOnce(xml, "{#closing}", "{#closings}"), "{/closing}", "{/closings}"),
    );
    expect(() => renderTemplate(template, toView(minimalSummary()))).toThrow(
      expect.objectContaining({
        code: "render_failed",
        issues: [expect.objectContaining({ code: "missing_value", tag: "closings" })],
      }),
    );
    expect(
      paragraphTexts(renderTemplate(template, toView(minimalSummary()), { missingValues: "empty" }))[0],
    ).toBe(minimalSummary().title);
  });
});
