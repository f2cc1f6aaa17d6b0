import { readFileSync } from "node:fs";
import { join } from "node:path";
import { toView } from "../../src/format/view";
import type { MeetingSummary } from "../../src/model/types";
import { BuiltInTemplate, builtInTemplate } from "../../src/template/builtin";
import { inspectTemplate } from "../../src/template/inspect";
import { TagKind } from "../../src/template/vocabulary";
import { tagVocabulary, vocabularyMarkdown } from "../../src/template/vocabulary-docs";

const root = join(__dirname, "..", "..");

/** A summary that fills every list of the view data, so that every field shows up. */
function fullSummary(): MeetingSummary {
  const read = (name: string): MeetingSummary =>
    JSON.parse(readFileSync(join(root, "examples", name), "utf8"));
  const sections = read("four-sections.json");
  const facts = read("full-facts.json");
  const summary: MeetingSummary = { ...facts, sections: sections.sections };
  summary.preparation = sections.preparation;
  summary.attachments = [
    ...(facts.attachments ?? []).map((a, i) => (i === 0 ? { ...a, paragraphs: ["说明。"] } : a)),
  ];
  summary.meeting = {
    ...facts.meeting,
    attendance: { ...facts.meeting?.attendance, absent: [{ name: "赵六", reason: "因病" }] },
  };
  return summary;
}

/** Every (scope, name) pair of the view data: lists and groups are walked into, as templates see them. */
function viewTags(value: object, scope = "", out = new Set<string>()): Set<string> {
  for (const [name, field] of Object.entries(value)) {
    out.add(`${scope}|${name}`);
    const inner = scope === "" ? name : `${scope}.${name}`;
    // An empty list shows no entry fields: the full summary fills each list in at least one place.
    if (Array.isArray(field)) {
      for (const entry of field) viewTags(entry, inner, out);
    } else if (typeof field === "object" && field !== null) {
      viewTags(field, inner, out);
    }
  }
  return out;
}

describe("the tag vocabulary", () => {
  it("describes every field of the view data, and nothing else", () => {
    const described = new Set(tagVocabulary.map((t) => `${t.scope}|${t.name}`));
    expect([...described].sort()).toEqual([...viewTags(toView(fullSummary()))].sort());
  });

  it("gives each tag the kind its value has: text, list, true/false or group", () => {
    const kinds = new Map<string, string>();
    const walk = (value: object, scope: string) => {
      for (const [name, field] of Object.entries(value)) {
        const inner = scope === "" ? name : `${scope}.${name}`;
        if (Array.isArray(field)) {
          kinds.set(`${scope}|${name}`, "loop");
          for (const entry of field) walk(entry, inner);
        } else if (typeof field === "object" && field !== null) {
          kinds.set(`${scope}|${name}`, "group");
          walk(field, inner);
        } else kinds.set(`${scope}|${name}`, typeof field === "boolean" ? "condition" : "value");
      }
    };
    walk(toView(fullSummary()), "");
    for (const tag of tagVocabulary) {
      // A raw tag's value is text too: ready-made WordprocessingML.
      const expected = tag.kind === "raw" ? "value" : tag.kind;
      expect({ tag: `${tag.scope}|${tag.name}`, kind: kinds.get(`${tag.scope}|${tag.name}`) }).toEqual({
        tag: `${tag.scope}|${tag.name}`,
        kind: expected,
      });
    }
  });

  it("gives every tag a kind, a meaning, an example and how to write it", () => {
    for (const tag of tagVocabulary) {
      expect(Object.values(TagKind)).toContain(tag.kind);
      expect(tag.meaning).not.toBe("");
      expect(tag.example.length).toBeGreaterThan(0);
      expect(tag.usage).toMatch(/^\{/);
    }
  });

  it("says how each kind of tag is written", () => {
    const find = (scope: string, name: string) =>
      tagVocabulary.find((t) => t.scope === scope && t.name === name);
    expect(find("", "title")).toMatchObject({
      kind: "value",
      usage: "{title}",
      example: "巡视整改专题组织生活会总结报告",
    });
    expect(find("", "sections")).toMatchObject({ kind: "loop", usage: "{#sections}…{/sections}" });
    expect(find("sections.blocks", "isLevel2")).toMatchObject({
      kind: "condition",
      usage: "{#isLevel2}…{/isLevel2}",
    });
    expect(find("", "signOff")).toMatchObject({ kind: "raw", usage: "{@signOff}" });
    expect(find("meeting", "kind")).toMatchObject({ kind: "value", usage: "{meeting.kind}" });
    expect(find("meeting.attendance", "expected")).toMatchObject({ usage: "{meeting.attendance.expected}" });
    expect(find("meeting.agenda", "number")).toMatchObject({ usage: "{number}" });
  });

  it("is listed in full in docs/templates.md", () => {
    // The formatter pads the tables' columns; compare them without the padding.
    const unpadded = (text: string) =>
      text
        .split("\n")
        .map((line) =>
          line.startsWith("|") ? line.replace(/\s*\|\s*/g, "|").replace(/-{3,}/g, "---") : line,
        )
        .join("\n");
    const docs = unpadded(readFileSync(join(root, "docs", "templates.md"), "utf8"));
    expect(docs).toContain(unpadded(vocabularyMarkdown()));
    for (const tag of tagVocabulary) expect(docs).toContain(`\`${tag.usage}\``);
  });

  it.each(Object.values(BuiltInTemplate))("is all the built-in %s template uses", async (name) => {
    const inspection = inspectTemplate(await builtInTemplate(name));
    expect(inspection.issues).toEqual([]);
    expect(inspection.tags.length).toBeGreaterThan(10);
    expect(inspection.tags.filter((t) => !t.known)).toEqual([]);
  });

  it("is what the shipped templates/report.docx uses", () => {
    const inspection = inspectTemplate(new Uint8Array(readFileSync(join(root, "templates", "report.docx"))));
    expect(inspection.issues).toEqual([]);
    expect(inspection.tags.map((t) => `${t.part} ${t.scope} ${t.sign}${t.name}`)).toContain(
      "body sections.blocks.isLevel2.text number",
    );
  });
});
