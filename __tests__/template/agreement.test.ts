import { readFileSync } from "node:fs";
import { join } from "node:path";
import PizZip from "pizzip";
import type { MeetingSummary } from "../../src/model/types";
import { renderSummary } from "../../src/render-summary";
import type { UnplacedContentWarning } from "../../src/template/agreement";
import { builtInTemplate } from "../../src/template/builtin";
import { inspectTemplate } from "../../src/template/inspect";
import type { TemplateIssue } from "../../src/template/template-issues";
import { brokenTemplates, replaceOnce, reportWith } from "../helpers/templates";

const examples = join(__dirname, "..", "..", "examples");
const summaries = ["seed-report", "four-sections", "minimal", "full-facts", "document", "minutes"].map(
  (name) =>
    [name, JSON.parse(readFileSync(join(examples, `${name}.json`), "utf8")) as MeetingSummary] as const,
);

/** All the text of a document: body, headers, footers, in one string without line structure. */
function documentText(docx: Uint8Array): string {
  const zip = new PizZip(docx);
  return Object.keys(zip.files)
    .filter((name) => /^word\/(document|header\d*|footer\d*)\.xml$/.test(name))
    .map((name) =>
      [...(zip.file(name)?.asText() ?? "").matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
        .map((m) => m[1])
        .join(""),
    )
    .join("")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"');
}

/** Fields that print transformed, not as given: dates, codes, enumerations. */
const NOT_VERBATIM = new Set([
  "$schema",
  "date",
  "printDate",
  "deadline",
  "type",
  "kind",
  "table",
  "direction",
  "documentNumber",
  "code",
]);

/** Every text of the summary with its path: what a reader expects to find in the document. */
function texts(value: unknown, path: (string | number)[] = [], out: [(string | number)[], string][] = []) {
  if (typeof value === "string") {
    if (!NOT_VERBATIM.has(String(path.at(-1)))) out.push([path, value]);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => {
      texts(v, [...path, i], out);
    });
  } else if (value !== null && typeof value === "object" && !NOT_VERBATIM.has(String(path.at(-1)))) {
    for (const [k, v] of Object.entries(value)) texts(v, [...path, k], out);
  }
  return out;
}

/** Whether a warning names `path` (or a field above it), in `path` or, for blocks, in `paths`. */
const covers = (warning: UnplacedContentWarning, path: readonly (string | number)[]) =>
  [warning.path, ...(warning.paths ?? [])].some((named) => named.every((key, i) => path[i] === key));

const withoutSpaces = (text: string) => text.replace(/[\s\u3000]+/g, "");

/** The text as it may print: lines of a title, without the final punctuation a sentence list drops. */
const printedForms = (text: string) =>
  text
    .split("\n")
    .map((line) => line.replace(/[。；;，,、]+$/, "").trim())
    .filter((line) => line !== "");

const ownFieldsData = JSON.parse(readFileSync(join(examples, "own-fields", "own-fields.data.json"), "utf8"));

async function templates(): Promise<[string, Uint8Array, Record<string, unknown>?][]> {
  return [
    [
      "own-fields.docx",
      new Uint8Array(readFileSync(join(examples, "own-fields", "own-fields.docx"))),
      ownFieldsData,
    ],
    ["report", await builtInTemplate("report")],
    ["document", await builtInTemplate("document")],
    ["minutes", await builtInTemplate("minutes")],
    ["branch-letterhead.docx", new Uint8Array(readFileSync(join(examples, "branch-letterhead.docx")))],
    [
      "report without attachments or closing",
      await reportWith((xml) =>
        xml
          .replace(/\{#attachments\}[\s\S]*?\{\/attachments\}/g, "")
          .replace(/\{#closing\}[\s\S]*?\{\/closing\}/, ""),
      ),
    ],
    [
      "report without level-4 items",
      await reportWith((xml) => xml.replace(/\{#isLevel4\}[\s\S]*?\{\/isLevel4\}/, "")),
    ],
  ];
}

describe("render and inspect agree", () => {
  it("no template that inspect flags renders", async () => {
    const flagged = [
      ...(await Promise.all(Object.values(brokenTemplates).map((edit) => reportWith(edit)))),
      await reportWith((xml) =>
        replaceOnce(replaceOnce(xml, "{#sections}", "{#section}"), "{/sections}", "{/section}"),
      ),
      await reportWith((xml) => replaceOnce(xml, "{title}", "{title}｛meeting.kind｝")),
      await reportWith((xml) => replaceOnce(xml, "{title}", "{title}{number}")),
    ];
    for (const template of flagged) {
      const { issues } = inspectTemplate(template);
      expect(issues.length).toBeGreaterThan(0);
      for (const [, summary] of summaries) {
        // The very issues inspect lists, not only the first or only the structural ones.
        await expect(renderSummary(summary, { template })).rejects.toMatchObject({
          name: "TemplateError",
          issues,
        });
      }
    }
  });

  it("no template that renders loses a field of the summary without a warning naming it", async () => {
    const lost: string[] = [];
    let rendered = 0;
    for (const [templateName, template, data] of await templates()) {
      const { issues, tags } = inspectTemplate(template, { data });
      expect(issues).toEqual([]);
      if (templateName.includes("without")) {
        // The edited templates really lack what their names say.
        const lacking = templateName.includes("level-4") ? ["isLevel4"] : ["attachments", "closing"];
        expect(tags.filter((t) => lacking.includes(t.name))).toEqual([]);
      }
      for (const [summaryName, summary] of summaries) {
        const warnings: TemplateIssue[] = [];
        let docx: Uint8Array;
        try {
          docx = await renderSummary(summary, { template, data, onWarning: (w) => warnings.push(w) });
        } catch (error) {
          // The document template needs `document`: that refusal is the model's, not a loss.
          expect(error).toMatchObject({ code: "invalid_summary" });
          continue;
        }
        rendered += 1;
        // Spaces aside: a fact counts as printed when the text says it, a draft's stray space or not.
        const text = withoutSpaces(documentText(docx));
        for (const [path, value] of texts(summary)) {
          if (warnings.some((w) => w.code === "unplaced_content" && covers(w, path))) continue;
          if (printedForms(value).every((form) => text.includes(withoutSpaces(form)))) continue;
          lost.push(`${templateName} × ${summaryName}: ${path.join(".")} = ${JSON.stringify(value)}`);
        }
      }
    }
    expect(rendered).toBeGreaterThanOrEqual(35);
    expect(lost).toEqual([]);
  });

  it("warns of each kind of content a template has no place for, naming the field", async () => {
    const summary = (name: string) => summaries.find(([n]) => n === name)?.[1] as MeetingSummary;
    const warnings: TemplateIssue[] = [];
    const template = await reportWith((xml) => xml.replace(/\{#attachments\}[\s\S]*?\{\/attachments\}/g, ""));
    await renderSummary(summary("full-facts"), { template, onWarning: (w) => warnings.push(w) });
    expect(warnings.map((w) => w.path.join("."))).toEqual([
      "problems",
      "rectification",
      "attachments.0.title",
      "attachments.1.title",
    ]);
    expect(warnings.every((w) => w.code === "unplaced_content")).toBe(true);
    const deep: TemplateIssue[] = [];
    await renderSummary(summary("four-sections"), {
      template: await reportWith((xml) => xml.replace(/\{#isLevel4\}[\s\S]*?\{\/isLevel4\}/, "")),
      onWarning: (w) => deep.push(w),
    });
    const level4 = deep.filter((w) => w.path.includes("blocks"));
    expect(level4).toHaveLength(1);
    expect(level4[0]?.message).toMatch(
      /^The summary's sections\[0\]\.blocks\[1\]\.blocks\[1\].blocks\[0\] and 1 more like it has content, .*\{#isLevel4\}…\{heading\}…\{\/isLevel4\}/,
    );
    expect((level4[0] as UnplacedContentWarning).paths).toHaveLength(2);
    // The meeting facts the report template prints nowhere: one warning, listing every field.
    const facts: TemplateIssue[] = [];
    await renderSummary(summary("four-sections"), { onWarning: (w) => facts.push(w), locale: "zh-CN" });
    expect(facts.map((w) => w.path.join("."))).toEqual(["meeting"]);
    expect((facts[0] as UnplacedContentWarning).paths?.map((p) => p.join("."))).toEqual([
      "meeting.theme",
      "meeting.date",
      "meeting.supervisors",
      "meeting.agenda",
    ]);
    expect(facts[0]?.message).toBe(
      "会议总结中的 meeting（会议信息）有内容（theme、date、supervisors、agenda），但模板中没有印出它们的位置（{facts.sentences.meeting} / {facts.sentences.agenda} / {meeting.theme} / {meeting.date} / {…}），这些内容不会出现在文档中。",
    );
    // The seed report states its facts in its own paragraphs (they were read from them): nothing is left out.
    const seed: TemplateIssue[] = [];
    await renderSummary(summary("seed-report"), { onWarning: (w) => seed.push(w) });
    expect(seed).toEqual([]);
  });

  it("takes a fact the summary's own text states as printed, spaces aside, but not one it does not", async () => {
    const base = summaries.find(([n]) => n === "minimal")?.[1] as MeetingSummary;
    const warned = async (meeting: MeetingSummary["meeting"]) => {
      const warnings: TemplateIssue[] = [];
      await renderSummary({ ...base, meeting }, { onWarning: (w) => warnings.push(w) });
      return warnings.flatMap((w) => (w as UnplacedContentWarning).paths ?? [w.path]).map((p) => p.join("."));
    };
    // minimal.json's text: "1月15日，支部召开2025年度组织生活会，全体党员逐一作对照检查，开展批评和自我批评。"
    expect(
      await warned({ kind: "组织生活会", agenda: ["全体党员逐一作对照检查", "开展批评和 自我批评"] }),
    ).toEqual([]);
    expect(await warned({ kind: "民主生活会", agenda: ["全体党员逐一作对照检查"] })).toEqual([
      "meeting.kind",
    ]);
    // A count or a date is not looked for in the text: the text may write it in words.
    expect(await warned({ kind: "组织生活会", date: "2026-01-15", preparation: { talks: 2025 } })).toEqual([
      "meeting.date",
      "meeting.preparation.talks",
    ]);
  });
});
