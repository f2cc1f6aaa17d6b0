import { toJsonSchema } from "../../src/model/json-schema";
import { tagVocabulary } from "../../src/template/vocabulary-docs";

/**
 * Every field of the model a template could print has a tag: this table says which tag prints each field
 * of the summary (its path in the JSON Schema, sections written as `section`), and the test checks both
 * that every field of the model is in the table (a new field needs a tag, or a reason here) and that every
 * tag named is in the vocabulary.
 */
const PRINTED_BY: Record<string, readonly string[]> = {
  title: ["title"],
  recipient: ["recipient"],
  "opening[]": ["opening.text"],
  "section.heading": ["sections.heading"],
  "section.blocks[]": ["sections.blocks.text"],
  "section.blocks[].text": ["sections.blocks.text"],
  "section.blocks[].heading": ["sections.blocks.heading"],
  // An item's level is printed as its number and style (1. under 一、 when a draft skips （一）).
  "section.blocks[].level": ["sections.blocks.number"],
  "section.blocks[].items[]": ["sections.blocks.text"],
  "section.blocks[].blocks[]": ["sections.blocks.text"],
  "section.blocks[].type": [
    "sections.blocks.isParagraph",
    "sections.blocks.isLevel2",
    "sections.blocks.isOrdinal",
  ],
  "section.blocks[].kind": ["facts.sentences.meeting", "sections.blocks.text"],
  "closing[]": ["closing.text"],
  signature: ["signature", "signOff"],
  date: ["date", "signOff"],
  "date.text": ["date", "signOff"],
  "meeting.kind": ["meeting.kind"],
  "meeting.theme": ["meeting.theme"],
  "meeting.date": ["meeting.date"],
  "meeting.date.text": ["meeting.date"],
  "meeting.place": ["meeting.place"],
  "meeting.host": ["meeting.host"],
  "meeting.supervisors[].organization": [
    "meeting.supervisors.organization",
    "meeting.supervisorOrganizations",
  ],
  "meeting.supervisors[].name": ["meeting.supervisors.name"],
  "meeting.supervisors[].title": ["meeting.supervisors.title"],
  "meeting.agenda[]": ["meeting.agenda.text", "facts.sentences.agenda"],
  "meeting.attendance.expected": ["meeting.attendance.expected"],
  "meeting.attendance.present": ["meeting.attendance.present"],
  "meeting.attendance.attendees[]": ["meeting.attendance.attendees"],
  "meeting.attendance.onLeave[].name": ["meeting.attendance.onLeave", "meeting.attendance.onLeaveCount"],
  "meeting.attendance.onLeave[].reason": ["meeting.attendance.onLeave"],
  "meeting.attendance.absent[].name": ["meeting.attendance.absent"],
  "meeting.attendance.absent[].reason": ["meeting.attendance.absent"],
  "meeting.attendance.observers[].name": ["meeting.attendance.observers"],
  "meeting.attendance.observers[].organization": ["meeting.attendance.observers"],
  "meeting.organizer": ["meeting.organizer", "facts.sentences.meeting"],
  "meeting.recorder": ["meeting.recorder"],
  "meeting.preparation.talks": ["facts.talks"],
  "meeting.preparation.opinions": ["facts.opinions"],
  "meeting.criticism.speakers": ["facts.speakers"],
  "meeting.criticism.criticisms": ["facts.criticisms"],
  "evaluation.excellent": ["facts.evaluation.excellent"],
  "evaluation.qualified": ["facts.evaluation.qualified"],
  "evaluation.basicallyQualified": ["facts.evaluation.basicallyQualified"],
  "evaluation.unqualified": ["facts.evaluation.unqualified"],
  "evaluation.probationary": ["facts.evaluation.probationary"],
  "problems[]": ["facts.problems.text"],
  "rectification[].problem": ["facts.rectification.problem"],
  "rectification[].measure": ["facts.rectification.measure"],
  "rectification[].owner": ["facts.rectification.owner"],
  "rectification[].deadline": ["facts.rectification.deadline"],
  "rectification[].status": ["facts.rectification.status"],
  "attachments[].title": ["attachments.title"],
  "attachments[].table": ["attachments.isRectification", "attachments.isEvaluation"],
  "attachments[].paragraphs[]": ["attachments.paragraphs.text"],
  "document.issuer": ["document.mark", "document.minutesMark"],
  "document.documentNumber": ["document.number"],
  "document.documentNumber.code": ["document.number"],
  "document.documentNumber.year": ["document.number"],
  "document.documentNumber.serial": ["document.number"],
  "document.direction": ["document.isDownward", "document.isUpward"],
  "document.signer": ["document.signer"],
  "document.copyTo[]": ["document.copyTo"],
  "document.printer": ["document.printer"],
  "document.printDate": ["document.printDate"],
  "document.printDate.text": ["document.printDate"],
};

/** Every leaf of the JSON Schema, as a path; sections written `section`, recursion stopped. */
function leaves(): Set<string> {
  const schema = toJsonSchema() as { $defs: Record<string, object> };
  const out = new Set<string>();
  const add = (path: string) => {
    out.add(path.replace(/^(preparation|organization|outcomes|sections\[\])\./, "section."));
  };
  const walk = (node: Record<string, unknown>, path: string, seen: readonly string[]) => {
    const ref = node.$ref as string | undefined;
    if (ref) {
      const name = ref.split("/").at(-1) as string;
      if (seen.includes(name)) return add(path);
      return walk(schema.$defs[name] as Record<string, unknown>, path, [...seen, name]);
    }
    for (const key of ["anyOf", "oneOf", "allOf"]) {
      const branches = node[key] as Record<string, unknown>[] | undefined;
      if (branches) {
        for (const branch of branches) walk(branch, path, seen);
        return;
      }
    }
    if (node.type === "object" && node.properties) {
      for (const [key, value] of Object.entries(node.properties as Record<string, Record<string, unknown>>)) {
        walk(value, path === "" ? key : `${path}.${key}`, seen);
      }
      return;
    }
    if (node.type === "array") return walk(node.items as Record<string, unknown>, `${path}[]`, seen);
    add(path);
  };
  walk(schema as unknown as Record<string, unknown>, "", []);
  out.delete("$schema");
  return out;
}

const vocabulary = new Set(tagVocabulary.map((t) => (t.scope === "" ? t.name : `${t.scope}.${t.name}`)));

describe("the vocabulary covers the model", () => {
  it("has a tag for every field of the summary", () => {
    expect([...leaves()].filter((path) => !(path in PRINTED_BY))).toEqual([]);
  });

  it("names only tags the vocabulary has", () => {
    const unknown = Object.entries(PRINTED_BY).flatMap(([path, tags]) =>
      tags.filter((tag) => !vocabulary.has(tag)).map((tag) => `${path} → ${tag}`),
    );
    expect(unknown).toEqual([]);
  });
});
