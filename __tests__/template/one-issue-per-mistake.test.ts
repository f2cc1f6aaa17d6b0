import { readFileSync } from "node:fs";
import { join } from "node:path";
import PizZip from "pizzip";
import { TemplateError } from "../../src/errors";
import { renderSummary } from "../../src/render-summary";
import { builtInTemplate } from "../../src/template/builtin";
import { inspectTemplate } from "../../src/template/inspect";
import { fullFactsSummary, minimalSummary } from "../fixtures/summaries";
import { paragraphTexts, partXml } from "../helpers/docx";
import { asEditedInWord, replaceOnce, reportWith } from "../helpers/templates";
import {
  asDotx,
  mainContentType,
  textBoxParagraph,
  trackedParagraph,
  withComment,
  wordParagraph,
} from "../helpers/word-marks";

async function renderError(template: Uint8Array, summary = minimalSummary()): Promise<TemplateError> {
  try {
    await renderSummary(summary, { template });
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
  throw new Error("expected a TemplateError");
}

/** The body's paragraphs, cut by revision ids and proofing marks as Word saves them. */
const wordSaved = (edit: (xml: string) => string) => reportWith((xml) => asEditedInWord(edit(xml)));

describe("a misspelt loop", () => {
  it("is one issue with a did-you-mean, and the tags inside it are checked in the loop it meant", async () => {
    const template = await wordSaved((xml) =>
      replaceOnce(
        replaceOnce(replaceOnce(xml, "{#sections}", "{#section}"), "{/sections}", "{/section}"),
        "{heading}",
        "{haeding}",
      ),
    );
    const { issues } = inspectTemplate(template);
    expect(issues).toMatchObject([
      { code: "unknown_tag", tag: "section", suggestion: "sections", paragraph: "{#section}" },
      { code: "unknown_tag", tag: "haeding", suggestion: "heading" },
    ]);
    expect(issues[0]?.message).toContain("did you mean {#sections}?");
  });

  it("is refused by render, which would otherwise drop all the sections", async () => {
    const template = await reportWith((xml) =>
      replaceOnce(replaceOnce(xml, "{#sections}", "{#section}"), "{/sections}", "{/section}"),
    );
    const error = await renderError(template);
    expect(error).toMatchObject({
      code: "invalid_template",
      issues: [{ code: "unknown_tag", tag: "section" }],
    });
  });

  it("refuses a misspelt condition too, inside the loop it is in", async () => {
    const template = await reportWith((xml) =>
      replaceOnce(replaceOnce(xml, "{#isLevel2}", "{#isLevel02}"), "{/isLevel2}", "{/isLevel02}"),
    );
    expect(inspectTemplate(template).issues).toMatchObject([
      { code: "unknown_tag", tag: "isLevel02", suggestion: "isLevel2" },
    ]);
    expect((await renderError(template)).issues).toMatchObject([{ code: "unknown_tag", tag: "isLevel02" }]);
  });

  it("with no likely meaning, leaves the tags inside it unjudged rather than out of scope", async () => {
    const template = await reportWith((xml) =>
      replaceOnce(replaceOnce(xml, "{#closing}", "{#xyzzy}"), "{/closing}", "{/xyzzy}"),
    );
    expect(inspectTemplate(template).issues.map((i) => [i.code, i.tag])).toEqual([["unknown_tag", "xyzzy"]]);
  });

  it("gives five typos five issues", async () => {
    const template = await reportWith((xml) =>
      [
        ["{title}", "{titel}"],
        ["{#sections}", "{#section}"],
        ["{/sections}", "{/section}"],
        ["{#opening}", "{#openning}"],
        ["{/opening}", "{/openning}"],
        ["{#isOrdinal}", "{#isOrdinl}"],
        ["{/isOrdinal}", "{/isOrdinl}"],
        ["{@signOff}", "{@signof}"],
      ]
        .reduce((out, [from, to]) => replaceOnce(out, from as string, to as string), xml)
        .replace("{#isParagraph}{text}", "{#isParagraph}{txet}"),
    );
    const { issues } = inspectTemplate(template);
    expect(issues.map((i) => [i.tag, i.suggestion])).toEqual([
      ["titel", "title"],
      ["openning", "opening"],
      ["section", "sections"],
      ["isOrdinl", "isOrdinal"],
      ["signof", "signOff"],
    ]);
  });
});

describe("structural errors", () => {
  it("name the tag without the text that follows it", async () => {
    const template = await reportWith((xml) => replaceOnce(xml, "{recipient}：", "{recipient："));
    expect(inspectTemplate(template).issues).toMatchObject([{ code: "unclosed_tag", tag: "recipient" }]);
  });

  it("are all listed, each once", async () => {
    const template = await reportWith((xml) =>
      replaceOnce(replaceOnce(replaceOnce(xml, "{#closing}", ""), "{#opening}", ""), "{title}", "{title"),
    );
    expect(inspectTemplate(template).issues.map((i) => [i.code, i.tag])).toEqual([
      ["unclosed_tag", "title"],
      ["unopened_loop", "opening"],
      ["unopened_loop", "closing"],
    ]);
  });
});

describe("mixed full-width braces", () => {
  it.each([
    ["｛signature}", "{signature}"],
    ["{date｝", "{date}"],
    ["｛#closing}", "{#closing}"],
  ])("recognises %s as one tag with a full-width brace", async (written, fixed) => {
    const template = await reportWith((xml) =>
      replaceOnce(
        xml,
        "{title}",
        `{title}</w:t></w:r></w:p>${wordParagraph(["落款：", written])}<w:p><w:r><w:t xml:space="preserve">{recipient}`,
      ),
    );
    const { issues } = inspectTemplate(template);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: "full_width_braces", paragraph: `落款：${written}` });
    expect(issues[0]?.message).toContain(fixed);
    expect((await renderError(template)).issues).toEqual(issues);
  });

  it("does not let {date｝ swallow the next paragraph's tag", async () => {
    const template = await reportWith((xml) => replaceOnce(xml, "{title}", "{date｝"));
    const { issues } = inspectTemplate(template);
    expect(issues.map((i) => i.code)).toEqual(["full_width_braces"]);
  });
});

describe("Word comments", () => {
  it("are not template content: a tag quoted in a comment is neither checked nor filled", async () => {
    const template = withComment(await builtInTemplate("report"), "此处可改为 {meeting.theme} 或 {标题}");
    expect(inspectTemplate(template).issues).toEqual([]);
    expect(inspectTemplate(template).tags.some((t) => t.part === "comments")).toBe(false);
    const docx = await renderSummary(minimalSummary(), { template });
    expect(new PizZip(docx).file("word/comments.xml")?.asText()).toContain(
      "此处可改为 {meeting.theme} 或 {标题}",
    );
  });
});

describe("warnings", () => {
  it("names a tag typed with track changes on", async () => {
    const template = await reportWith((xml) =>
      replaceOnce(xml, "<w:sectPr>", `${trackedParagraph(["{meeting.", "place}"])}<w:sectPr>`),
    );
    const { issues, warnings } = inspectTemplate(template);
    expect(issues).toEqual([]);
    expect(warnings).toMatchObject([
      { code: "tracked_tag", tag: "meeting.place", paragraph: "会议地点：{meeting.place}" },
    ]);
    const seen: string[] = [];
    await renderSummary(minimalSummary(), { template, onWarning: (w) => seen.push(w.code) });
    expect(seen).toContain("tracked_tag");
  });

  it("names spaces that keep a loop's paragraph, which would add a blank paragraph per entry", async () => {
    const template = await wordSaved((xml) => replaceOnce(xml, "{#isLevel2}", "{#isLevel2}  "));
    expect(inspectTemplate(template).warnings).toMatchObject([
      { code: "loop_paragraph_spaces", paragraph: "{#isLevel2}  " },
    ]);
  });

  it("names a {@…} tag in a text box, written twice by Word, once", async () => {
    const template = await reportWith((xml) =>
      replaceOnce(
        replaceOnce(xml, '<w:p><w:r><w:t xml:space="preserve">{@signOff}</w:t></w:r></w:p>', ""),
        "<w:sectPr>",
        `${textBoxParagraph('<w:p><w:r><w:t xml:space="preserve">{@signOff}</w:t></w:r></w:p>')}<w:sectPr>`,
      ),
    );
    const { issues, warnings } = inspectTemplate(template);
    expect(issues).toEqual([]);
    expect(warnings).toMatchObject([{ code: "raw_tag_in_text_box", tag: "signOff" }]);
    const seen: string[] = [];
    const summary = { ...minimalSummary(), signature: "中共某某支部委员会", date: "2026-01-20" };
    const docx = await renderSummary(summary, { template, onWarning: (w) => seen.push(w.code) });
    expect(seen).toEqual(["raw_tag_in_text_box"]);
    expect(partXml(docx)).toContain("中共某某支部委员会");
  });
});

describe("a template with no tag", () => {
  it("is refused: it would render a copy of itself", async () => {
    const zip = new PizZip(await builtInTemplate("report"));
    const body = zip.file("word/document.xml")?.asText() ?? "";
    zip.file("word/document.xml", body.replace(/\{[^{}<]*\}/g, "正文"));
    for (const part of [
      "docProps/core.xml",
      "docProps/app.xml",
      "docProps/custom.xml",
      "word/footer1.xml",
      "word/footer2.xml",
    ]) {
      const file = zip.file(part);
      if (file) zip.file(part, file.asText().replace(/\{[^{}<]*\}/g, ""));
    }
    const template = zip.generate({ type: "uint8array" });
    expect(inspectTemplate(template).issues).toMatchObject([{ code: "no_tags" }]);
    expect((await renderError(template)).issues).toMatchObject([{ code: "no_tags" }]);
  });
});

describe("a .dotx template", () => {
  it("renders to a document Word opens: the document content type, not the template's", async () => {
    const template = asDotx(await builtInTemplate("report"));
    expect(mainContentType(template)).toMatch(/template\.main\+xml$/);
    const docx = await renderSummary(minimalSummary(), { template });
    expect(mainContentType(docx)).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    );
    expect(paragraphTexts(docx)[0]).toBe(minimalSummary().title);
  });
});

describe("files that are not a .docx", () => {
  const fixture = (name: string) =>
    new Uint8Array(readFileSync(join(__dirname, "..", "fixtures", "files", name)));
  const ole = (streams: string[], extra = "") => {
    const magic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    const names = streams.flatMap((name) => [...name].flatMap((c) => [c.charCodeAt(0), 0]).concat([0, 0]));
    return new Uint8Array([
      ...magic,
      ...new Array(504).fill(0),
      ...names,
      ...new TextEncoder().encode(extra),
    ]);
  };
  it.each([
    [
      "a Word 97-2003 .doc",
      () => fixture("word-97-2003.doc"),
      /Word 97-2003 document \(\.doc\)/,
      /Word 97-2003 文档（\.doc）/,
    ],
    [
      "an OpenDocument text",
      () => fixture("opendocument.odt"),
      /OpenDocument text \(\.odt\)/,
      /OpenDocument 文本（\.odt）/,
    ],
    [
      "a WPS document",
      () => ole(["WordDocument"], "Kingsoft"),
      /WPS Writer document \(\.wps\)/,
      /WPS 文字文档/,
    ],
    [
      "an encrypted .docx",
      () => ole(["EncryptionInfo", "EncryptedPackage"]),
      /protected with a password/,
      /设有打开密码/,
    ],
  ])("names %s for what it is", async (_name, bytes, en, zh) => {
    for (const [locale, pattern] of [
      ["en", en],
      ["zh-CN", zh],
    ] as const) {
      try {
        inspectTemplate(bytes(), { locale });
        throw new Error("expected a TemplateError");
      } catch (error) {
        expect(error).toMatchObject({ code: "invalid_template", issues: [{ code: "not_a_docx" }] });
        expect((error as TemplateError).issues[0]?.message).toMatch(pattern);
      }
    }
    await expect(renderSummary(fullFactsSummary(), { template: bytes() })).rejects.toMatchObject({
      issues: [{ code: "not_a_docx", message: expect.stringMatching(en) }],
    });
  });
});
