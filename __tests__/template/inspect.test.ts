import { TemplateError } from "../../src/errors";
import { toView } from "../../src/format/view";
import { builtInTemplate } from "../../src/template/builtin";
import { inspectTemplate } from "../../src/template/inspect";
import { renderTemplate } from "../../src/template/render";
import { minimalSummary } from "../fixtures/summaries";
import { addHeader, brokenTemplates, replaceOnce, reportWith } from "../helpers/templates";

function renderError(template: Uint8Array): TemplateError {
  try {
    renderTemplate(template, toView(minimalSummary()));
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
  throw new Error("expected a TemplateError");
}

describe("inspectTemplate", () => {
  it("lists the tags of the built-in template with their loops, part and paragraph", async () => {
    const { tags, issues } = inspectTemplate(await builtInTemplate("report"));
    expect(issues).toEqual([]);
    expect(tags.slice(0, 5)).toEqual([
      { name: "title", sign: "", scope: "", part: "body", paragraph: "{title}", known: true, field: "title" },
      {
        name: "recipient",
        sign: "#",
        scope: "",
        part: "body",
        paragraph: "{#recipient}",
        known: true,
        field: "recipient",
      },
      {
        name: "recipient",
        sign: "",
        scope: "recipient",
        part: "body",
        paragraph: "{recipient}：",
        known: true,
        field: "recipient",
      },
      {
        name: "opening",
        sign: "#",
        scope: "",
        part: "body",
        paragraph: "{#opening}",
        known: true,
        field: "opening",
      },
      {
        name: "text",
        sign: "",
        scope: "opening",
        part: "body",
        paragraph: "{text}",
        known: true,
        field: "opening.text",
      },
    ]);
    expect(tags).toContainEqual({
      name: "heading",
      sign: "",
      scope: "sections.blocks.isLevel2.text",
      part: "body",
      paragraph: "{number}{heading}{text}",
      known: true,
      field: "sections.blocks.heading",
    });
    expect(tags.at(-1)).toEqual({
      name: "title",
      sign: "",
      scope: "",
      part: "properties",
      known: true,
      field: "title",
    });
  });

  const expected: Record<string, object> = {
    "unclosed-tag.docx": {
      code: "unclosed_tag",
      tag: "title",
      part: "body",
      paragraph: "{title",
      message:
        "body «{title»: The tag {title is missing its closing brace }. In Word, type } right after title.",
    },
    "unopened-tag.docx": {
      code: "unopened_tag",
      tag: "recipient",
      paragraph: "recipient}：",
      explanation:
        "The tag recipient} is missing its opening brace {. In Word, type { right before recipient.",
    },
    "duplicate-open-brace.docx": { code: "duplicate_open_tag", tag: "title", paragraph: "{{title}" },
    "unclosed-loop.docx": {
      code: "unclosed_loop",
      tag: "closing",
      paragraph: "{#closing}",
      explanation:
        "{#closing} starts a part that repeats or may be left out, but no {/closing} ends it. Add a paragraph holding only {/closing} where that part should end.",
    },
    "unopened-loop-end.docx": { code: "unopened_loop", tag: "closing", paragraph: "{/closing}" },
    "mismatched-loop.docx": {
      code: "mismatched_loop",
      tag: "isLevel4",
      paragraph: "{#isLevel4}",
      explanation:
        "{#isLevel4} is ended by {/isLevel3}: the two names must be the same. Change {/isLevel3} to {/isLevel4}, or check that the parts end in the reverse order they start.",
    },
    "raw-tag-not-alone.docx": { code: "raw_tag_not_alone", tag: "signOff", paragraph: "落款：{@signOff}" },
  };

  it.each(Object.entries(brokenTemplates))(
    "explains %s in Word terms, with its part and paragraph",
    async (name, edit) => {
      const { issues } = inspectTemplate(await reportWith(edit));
      expect(issues[0]).toMatchObject({ path: [], part: "body", ...expected[name] });
    },
  );

  it.each(Object.entries(brokenTemplates))(
    "makes renderTemplate throw the same issues for %s",
    async (_name, edit) => {
      const template = await reportWith(edit);
      const structural = inspectTemplate(template).issues.filter((i) => i.code !== "tag_out_of_scope");
      expect(renderError(template)).toMatchObject({ name: "TemplateError", code: "invalid_template" });
      expect(renderError(template).issues).toEqual(structural);
    },
  );

  it("reports every problem at once, in document order", async () => {
    const names = [
      "unclosed-tag.docx",
      "unopened-tag.docx",
      "mismatched-loop.docx",
      "raw-tag-not-alone.docx",
    ];
    const template = await reportWith((xml) =>
      names.reduce((out, name) => (brokenTemplates[name] as (xml: string) => string)(out), xml),
    );
    const expectedCodes = ["unclosed_tag", "unopened_tag", "mismatched_loop", "raw_tag_not_alone"];
    expect(inspectTemplate(template).issues.map((i) => i.code)).toEqual(expectedCodes);
    expect(renderError(template).issues.map((i) => i.code)).toEqual(expectedCodes);
  });

  it("suggests the tag a misspelt one meant, in the scope it is in", async () => {
    const template = await reportWith((xml) =>
      replaceOnce(replaceOnce(xml, "{title}", "{titel}"), "{number}{heading}", "{numbr}{heading}"),
    );
    expect(inspectTemplate(template).issues).toEqual([
      {
        path: [],
        code: "unknown_tag",
        tag: "titel",
        suggestion: "title",
        part: "body",
        paragraph: "{titel}",
        explanation:
          "{titel} is not a tag this library fills (did you mean {title}?). Check its spelling against the list of tags in docs/templates.md.",
        message:
          "body «{titel}»: {titel} is not a tag this library fills (did you mean {title}?). Check its spelling against the list of tags in docs/templates.md.",
      },
      expect.objectContaining({
        code: "unknown_tag",
        tag: "numbr",
        suggestion: "number",
        paragraph: "{numbr}{heading}",
      }),
    ]);
  });

  it("knows dotted tags and the loops of meeting facts", async () => {
    const template = await reportWith((xml) =>
      replaceOnce(
        xml,
        "{title}",
        "{title}{meeting.kind}{#meeting.agenda}{number}.{text}{/meeting.agenda}{#meeting}{theme}{attendance.expected}{/meeting}",
      ),
    );
    const { issues, tags } = inspectTemplate(template);
    expect(issues).toEqual([]);
    expect(
      tags
        .filter((t) => t.paragraph?.startsWith("{title}") && t.scope !== "attachments")
        .map((t) => `${t.scope}|${t.sign}${t.name}`),
    ).toEqual([
      "|title",
      "|meeting.kind",
      "|#meeting.agenda",
      "meeting.agenda|number",
      "meeting.agenda|text",
      "|#meeting",
      "meeting|theme",
      "meeting|attendance.expected",
    ]);
  });

  it("says where a tag of a loop is filled when it is used outside it", async () => {
    const template = await reportWith((xml) => replaceOnce(xml, "{title}", "{title}{heading}"));
    expect(inspectTemplate(template).issues).toMatchObject([
      {
        code: "tag_out_of_scope",
        tag: "heading",
        explanation:
          "{heading} is only filled inside {#sections}…{/sections}, or inside {#blocks}…{/blocks}; here it is not inside such a part. Move it there, or use another tag.",
      },
    ]);
  });

  it("reports tags written as the wrong kind", async () => {
    const template = await reportWith((xml) =>
      replaceOnce(xml, "{title}", "{title}{sections}{isLevel2}{meeting}{signOff}"),
    );
    expect(inspectTemplate(template).issues.map((i) => [i.code, i.tag, i.explanation])).toEqual([
      [
        "wrong_tag_kind",
        "sections",
        "{sections} is a list, not text. Write {#sections} and {/sections} around what should repeat for each entry.",
      ],
      [
        "tag_out_of_scope",
        "isLevel2",
        "{isLevel2} is only filled inside {#blocks}…{/blocks}; here it is not inside such a part. Move it there, or use another tag.",
      ],
      [
        "wrong_tag_kind",
        "meeting",
        "{meeting} is a group of fields, not text. Write one of its fields, e.g. {meeting.kind}.",
      ],
      [
        "wrong_tag_kind",
        "signOff",
        "{signOff} holds ready-made paragraphs. Write {@signOff} alone in a paragraph of its own.",
      ],
    ]);
  });

  it("reports a tag typed with full-width braces, which would print as it is", async () => {
    const template = await reportWith((xml) => replaceOnce(xml, "{title}", "{title}（｛meeting.kind｝）"));
    expect(inspectTemplate(template).issues).toEqual([
      expect.objectContaining({
        code: "full_width_braces",
        tag: "meeting.kind",
        part: "body",
        paragraph: "{title}（｛meeting.kind｝）",
        explanation:
          "｛meeting.kind｝ is typed with full-width braces ｛｝, so it is printed as it is. Type the braces with the input method in English mode: {meeting.kind}.",
      }),
    ]);
  });

  it("reports empty braces", async () => {
    const template = await reportWith((xml) => replaceOnce(xml, "{title}", "{title}{}"));
    expect(inspectTemplate(template).issues).toMatchObject([
      { code: "empty_tag", tag: "", paragraph: "{title}{}" },
    ]);
  });

  it("finds tags and problems in headers", async () => {
    const template = addHeader(
      await builtInTemplate("report"),
      '<w:p><w:r><w:t xml:space="preserve">{meeting.kind} {titel}</w:t></w:r></w:p>',
    );
    const { tags, issues } = inspectTemplate(template);
    expect(tags).toContainEqual({
      name: "meeting.kind",
      sign: "",
      scope: "",
      part: "header",
      paragraph: "{meeting.kind} {titel}",
      known: true,
      field: "meeting.kind",
    });
    expect(issues).toMatchObject([
      {
        code: "unknown_tag",
        tag: "titel",
        part: "header",
        message: expect.stringMatching(/^header «\{meeting\.kind\} \{titel\}»: /),
      },
    ]);
  });

  it("gives a missing value at render time its part and paragraph", async () => {
    const template = await reportWith((xml) => replaceOnce(xml, "{title}", "{title}{titel}"));
    expect(renderError(template)).toMatchObject({
      code: "render_failed",
      issues: [{ code: "missing_value", tag: "titel", part: "body", paragraph: "{title}{titel}" }],
    });
  });
});
