import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildMinutesTemplate } from "../../src/layout/minutes";
import type { Attendance, MeetingSummary } from "../../src/model/types";
import { renderSummary } from "../../src/render-summary";
import { paragraphs } from "../helpers/docx";
import { attr, styleReader } from "../helpers/styles";

const example: MeetingSummary = JSON.parse(
  readFileSync(join(__dirname, "..", "..", "examples", "minutes.json"), "utf8"),
);

let docx: Uint8Array;
let read: ReturnType<typeof styleReader>;

beforeAll(async () => {
  docx = await buildMinutesTemplate();
  read = styleReader(docx);
});

async function render(
  attendance: Attendance | undefined,
  document: MeetingSummary["document"] | null = example.document,
) {
  const summary: MeetingSummary = { ...example, meeting: { ...example.meeting, attendance } };
  if (document === null || document === undefined) delete summary.document;
  else summary.document = document;
  return paragraphs(await renderSummary(summary, { template: "minutes" }));
}

describe("the minutes template", () => {
  it("opens with the red 纪要 mark: the issuer's name + 纪要", async () => {
    const [mark] = await render(example.meeting?.attendance);
    expect(mark?.text).toBe("中共某某支部委员会纪要");
    expect(attr(mark?.xml ?? "", "w:pStyle", "w:val")).toBe("GwMark");
    expect(read.run("GwMark", "w:color", "w:val")).toBe("FF0000");
  });

  it("prints 会议纪要 as the mark without document fields", async () => {
    const [mark] = await render(example.meeting?.attendance, null);
    expect(mark?.text).toBe("会议纪要");
  });

  it("ends with a blank line, then 出席, 请假 and 列席 lines from the meeting facts", async () => {
    const body = await render(example.meeting?.attendance);
    expect(body.slice(-4).map((p) => p.text)).toEqual([
      "",
      "出席：张某某、李某某、王某某、赵某某、钱某某、孙某某、周某某",
      "请假：吴某某（因公出差）、郑某某（病假）",
      "列席：冯某某（纪委）、陈某某（组织部）",
    ]);
  });

  it("sets the label in 3号 黑体 and the names in 仿宋, wrapped lines aligned after the colon", async () => {
    const line = (await render(example.meeting?.attendance)).at(-3)?.xml ?? "";
    expect(attr(line, "w:pStyle", "w:val")).toBe("GwAttendance");
    expect(/<w:rStyle w:val="GwAttendanceLabel"\/><\/w:rPr><w:t[^>]*>出席：</.test(line)).toBe(true);
    expect(read.run("GwAttendance", "w:rFonts", "w:eastAsia", "GwAttendanceLabel")).toBe("黑体");
    expect(read.run("GwAttendance", "w:sz", "w:val", "GwAttendanceLabel")).toBe("32");
    expect(read.run("GwAttendance", "w:rFonts", "w:eastAsia")).toBe("仿宋_GB2312");
    // First line 2 characters in (5 − 3), the wrapped lines 5 in: just after "出席：".
    expect(read.paragraph("GwAttendance", "w:ind", "w:left")).toBe("1600");
    expect(read.paragraph("GwAttendance", "w:ind", "w:hanging")).toBe("960");
  });

  it("leaves out a line whose list is empty", async () => {
    const body = await render({ attendees: ["张某某", "李某某"], onLeave: [] });
    expect(body.slice(-2).map((p) => p.text)).toEqual(["", "出席：张某某、李某某"]);
  });

  it("adds no blank line and no lines without attendance", async () => {
    const body = await render(undefined);
    expect(body.some((p) => /^(出席|请假|列席)：/.test(p.text))).toBe(false);
    expect(body.at(-1)?.text).toBe(
      "下一步，党支部将认真总结此次组织生活会成功经验，建立完善集中学习、谈心谈话、党性分析三项长效机制，切实用好用活批评与自我批评这个武器，切实加强政治建设和思想建设，落实好全面从严治党责任，巩固良好的政治生态成果。",
    );
  });

  it("comes out byte for byte the same on every build", async () => {
    expect(Buffer.compare(Buffer.from(await buildMinutesTemplate()), Buffer.from(docx))).toBe(0);
  });

  it("is what templates/minutes.docx holds (else: npm run build && npm run templates)", () => {
    const committed = readFileSync(join(__dirname, "..", "..", "templates", "minutes.docx"));
    expect(Buffer.compare(committed, Buffer.from(docx))).toBe(0);
  });
});
