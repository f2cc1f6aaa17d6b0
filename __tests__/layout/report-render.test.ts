/**
 * The built template filled by docxtemplater directly, with a view written by hand (not by toView), so
 * these tests hold the template to the tag vocabulary of view-types.ts on their own.
 */
import Docxtemplater from "docxtemplater";
import PizZip from "pizzip";
import type { BlockView, SectionView, SummaryView } from "../../src/format/view-types";
import { buildReportTemplate } from "../../src/layout/report";
import { signOffXml } from "../../src/layout/sign-off";
import { seedLines } from "../fixtures/summaries";
import { paragraphs } from "../helpers/docx";

const NO_BLOCK: BlockView = {
  isParagraph: false,
  isLevel2: false,
  isLevel3: false,
  isLevel4: false,
  isOrdinal: false,
  level: 0,
  number: "",
  heading: "",
  text: "",
};

const paragraph = (text: string): BlockView => ({ ...NO_BLOCK, isParagraph: true, text });

/** "（一）认真组织动员。支部对…" → number （一）, heading up to the first 。, the rest as text. */
function level2(line: string): BlockView {
  const [, number = "", heading = "", text = ""] = /^(（[一二三]）)(.+?。)(.*)$/.exec(line) ?? [];
  return { ...NO_BLOCK, isLevel2: true, level: 2, number, heading, text };
}

/** "一是进一步…" → number 一是, the rest as text. */
const ordinal = (line: string): BlockView => ({
  ...NO_BLOCK,
  isOrdinal: true,
  number: line.slice(0, 2),
  text: line.slice(2),
});

const section = (line: string, blocks: BlockView[]): SectionView => ({
  number: line.slice(0, 2),
  heading: line.slice(2),
  blocks,
});

/** No facts and no attachments, as the seed has none. */
const NO_FACTS: Pick<SummaryView, "facts" | "attachments"> = {
  facts: {
    sentences: { meeting: "", agenda: "", preparation: "", criticism: "", evaluation: "", rectification: "" },
    talks: "",
    opinions: "",
    speakers: "",
    criticisms: "",
    evaluation: {
      excellent: "",
      qualified: "",
      basicallyQualified: "",
      unqualified: "",
      probationary: "",
      graded: "",
      total: "",
    },
    problems: [],
    rectification: [],
  },
  attachments: [],
};

/** The seed report as view data, line by line: title, recipient, opening, three sections, closing. */
function seedView(): SummaryView {
  const l = seedLines();
  const at = (i: number) => l[i] ?? "";
  return {
    title: at(0),
    recipient: at(1).replace(/：$/, ""),
    opening: [{ text: at(2) }],
    sections: [
      section(at(3), [level2(at(4)), level2(at(5)), level2(at(6))]),
      section(at(7), [paragraph(at(8)), level2(at(9)), level2(at(10)), level2(at(11))]),
      section(at(12), [
        paragraph(at(13)),
        ordinal(at(14)),
        ordinal(at(15)),
        ordinal(at(16)),
        paragraph(at(17)),
      ]),
    ],
    closing: [{ text: at(18) }],
    signature: "",
    date: "",
    signOff: "",
    meeting: {
      kind: "",
      theme: "",
      date: "",
      place: "",
      host: "",
      organizer: "",
      recorder: "",
      supervisors: [],
      supervisorOrganizations: "",
      agenda: [],
      attendance: {
        expected: "",
        present: "",
        attendees: "",
        onLeave: "",
        onLeaveCount: "",
        absent: "",
        observers: "",
      },
    },
    ...NO_FACTS,
    // The 红头文件 fields: the report template prints none of them.
    document: {
      mark: "",
      minutesMark: "",
      number: "",
      isDownward: true,
      isUpward: false,
      signer: "",
      copyTo: "",
      hasCopyTo: false,
      printer: "",
      printDate: "",
      hasImprint: false,
      hasAttendanceLines: false,
      signOff: "",
    },
  };
}

async function render(view: SummaryView): Promise<Uint8Array> {
  const doc = new Docxtemplater(new PizZip(await buildReportTemplate()), {
    paragraphLoop: true,
    linebreaks: true,
  });
  doc.render(view);
  return doc.getZip().generate({ type: "uint8array" });
}

const styleOf = (xml: string) => /<w:pStyle w:val="([^"]*)"/.exec(xml)?.[1];

describe("the report template rendered with docxtemplater", () => {
  it("reproduces the seed report line for line", async () => {
    const texts = paragraphs(await render(seedView())).map((p) => p.text);
    expect(texts).toEqual(seedLines());
  });

  it("gives each kind of line its style", async () => {
    const styled = paragraphs(await render(seedView())).map((p) => [p.text.slice(0, 6), styleOf(p.xml)]);
    expect(styled.slice(0, 6)).toEqual([
      ["巡视整改专题", "GwTitle"],
      ["*****：", "GwRecipient"],
      ["****党支", "GwBody"],
      ["一、认真准备", "GwHeading1"],
      ["（一）认真组", "GwHeading2"],
      ["（二）认真组", "GwHeading2"],
    ]);
    expect(styled[14]).toEqual(["一是进一步坚", "GwBody"]);
  });

  it("sets a level-2 item's number and heading in 楷体 and the rest in the paragraph's 仿宋", async () => {
    const item = paragraphs(await render(seedView())).find((p) => p.text.startsWith("（一）认真组织动员"));
    const runs = [...(item?.xml ?? "").matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map(([, r]) => [
      /<w:rStyle w:val="([^"]*)"/.exec(r ?? "")?.[1],
      /<w:t[^>]*>([^<]*)</.exec(r ?? "")?.[1]?.slice(0, 10),
    ]);
    expect(runs).toEqual([
      ["GwRunIn2", "（一）认真组织动员。"],
      [undefined, "支部对民主评议党员工"],
    ]);
  });

  it("leaves no empty paragraph when there is no recipient, closing, signature or date", async () => {
    const view = { ...seedView(), recipient: "", closing: [] };
    const texts = paragraphs(await render(view)).map((p) => p.text);
    expect(texts).not.toContain("");
    expect(texts.slice(0, 2)).toEqual([seedLines()[0], seedLines()[2]]);
    expect(texts.at(-1)).toBe(seedLines()[17]);
  });

  it("prints levels 3 and 4 with their run-in headings, and nothing of the kinds not used", async () => {
    const view = seedView();
    view.sections[0]?.blocks.push(
      { ...NO_BLOCK, isLevel3: true, level: 3, number: "1.", heading: "认真学习。", text: "学习了党章。" },
      { ...NO_BLOCK, isLevel4: true, level: 4, number: "（1）", heading: "集中学习", text: "" },
    );
    const found = paragraphs(await render(view)).filter((p) => /^(1\.|（1）)/.test(p.text));
    expect(found.map((p) => p.text)).toEqual(["1.认真学习。学习了党章。", "（1）集中学习"]);
    expect(found[0]?.xml).toContain('<w:rStyle w:val="GwRunIn3"/>');
  });

  it("ends with the sign-off paragraphs, one blank line's spacing below the body", async () => {
    const view = {
      ...seedView(),
      signature: "中共某某单位第一支部委员会",
      date: "2026年1月5日",
      signOff: signOffXml("中共某某单位第一支部委员会", "2026年1月5日"),
    };
    const all = paragraphs(await render(view));
    expect(all.map((p) => p.text).slice(-3)).toEqual([
      seedLines()[18],
      "中共某某单位第一支部委员会",
      "2026年1月5日",
    ]);
    const [signature, date] = all.slice(-2).map((p) => [styleOf(p.xml), /w:right="(\d+)"/.exec(p.xml)?.[1]]);
    expect(signature).toEqual(["GwSignature", "640"]);
    expect(date).toEqual(["GwDate", "2240"]);
  });

  it("breaks a title across lines where the view says", async () => {
    const view = { ...seedView(), title: "巡视整改专题组织生活会\n总结报告" };
    const [title] = paragraphs(await render(view));
    expect(title?.text).toBe("巡视整改专题组织生活会\n总结报告");
    expect(title?.xml).toContain("<w:br/>");
  });
});
