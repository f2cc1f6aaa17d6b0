import { toView } from "../../src/format/view";
import type { MeetingSummary } from "../../src/model/types";
import { minimalSummary, seedReport } from "../fixtures/summaries";

/** What a reader sees of a block: its number, heading and text run together. */
const line = (b: { number: string; heading: string; text: string }) => `${b.number}${b.heading}${b.text}`;

describe("toView", () => {
  it("numbers the three sections and any further ones 一、二、三、四、", () => {
    const summary: MeetingSummary = {
      ...minimalSummary(),
      sections: [{ heading: "整改措施", blocks: ["段落"] }],
    };
    expect(toView(summary).sections.map((s) => `${s.number}${s.heading}`)).toEqual([
      "一、会前准备",
      "二、会议召开",
      "三、下一步工作",
      "四、整改措施",
    ]);
  });

  it("runs the （一） heading into its body with a full stop, as the seed does", () => {
    const [first] = toView(seedReport()).sections[0]?.blocks ?? [];
    expect(first).toMatchObject({ isLevel2: true, level: 2, number: "（一）", heading: "认真组织动员。" });
    expect(first?.text.startsWith("支部对民主评议党员工作高度重视")).toBe(true);
  });

  it("keeps the heading's own punctuation and adds none to a heading on its own line", () => {
    const summary = minimalSummary();
    summary.preparation.blocks = [
      { type: "item", heading: "学习情况：", text: "正文。" },
      { type: "item", heading: "谈心谈话" },
    ];
    expect(toView(summary).sections[0]?.blocks.map(line)).toEqual([
      "（一）学习情况：正文。",
      "（二）谈心谈话",
    ]);
  });

  it("numbers nested items 1. and （1） and restarts the count in each list", () => {
    const summary = minimalSummary();
    summary.preparation.blocks = [
      {
        type: "item",
        heading: "学习",
        blocks: [
          {
            type: "item",
            heading: "集中学习",
            text: "甲。",
            blocks: [{ type: "item", heading: "原文", text: "乙。" }],
          },
          { type: "item", heading: "个人自学", text: "丙。" },
        ],
      },
      "承上启下的段落。",
      { type: "item", heading: "谈心", blocks: [{ type: "item", heading: "支委之间", text: "丁。" }] },
    ];
    const blocks = toView(summary).sections[0]?.blocks ?? [];
    expect(blocks.map(line)).toEqual([
      "（一）学习",
      "1.集中学习。甲。",
      "（1）原文。乙。",
      "2.个人自学。丙。",
      "承上启下的段落。",
      "（二）谈心",
      "1.支委之间。丁。",
    ]);
    expect(blocks.map((b) => b.level)).toEqual([2, 3, 4, 3, 0, 2, 3]);
    expect(blocks[2]).toMatchObject({ isLevel4: true, isLevel2: false, isLevel3: false });
  });

  it("writes ordinals 一是、二是 and leaves literal text exactly as given", () => {
    const view = toView(seedReport());
    const outcomes = view.sections[2]?.blocks ?? [];
    expect(outcomes.filter((b) => b.isOrdinal).map((b) => b.number)).toEqual(["一是", "二是", "三是"]);
    const organization = view.sections[1]?.blocks[0];
    expect(organization?.text).toContain("及 成员之间的相互批评; 纪委");
    expect(organization?.text.startsWith("*月*日")).toBe(true);
  });

  it("defines every tag on every block, so a template never falls back to an outer value", () => {
    for (const block of toView(seedReport()).sections.flatMap((s) => s.blocks)) {
      expect(Object.keys(block).sort()).toEqual(
        [
          "heading",
          "isLevel2",
          "isLevel3",
          "isLevel4",
          "isOrdinal",
          "isParagraph",
          "level",
          "number",
          "text",
        ].sort(),
      );
    }
  });

  it("prints the recipient without a doubled colon", () => {
    expect(toView({ ...minimalSummary(), recipient: "市委组织部：" }).recipient).toBe("市委组织部");
    expect(toView({ ...minimalSummary(), recipient: "市委组织部" }).recipient).toBe("市委组织部");
  });

  it("formats the date and leaves empty strings for what is absent", () => {
    const view = toView(minimalSummary());
    expect(view).toMatchObject({
      recipient: "",
      signature: "",
      date: "",
      signOff: "",
      opening: [],
      closing: [],
    });
    expect(toView({ ...minimalSummary(), date: "2026-01-05" }).date).toBe("2026年1月5日");
  });

  it("spaces the sign-off in the template's line pitch, 28.95 pt unless told", () => {
    const signed: MeetingSummary = {
      ...minimalSummary(),
      signature: "中共某某支部委员会",
      date: "2026-01-05",
      document: { issuer: "中共某某支部委员会" },
    };
    const spaceAbove = (xml: string) => /<w:spacing w:before="(\d+)"\/>/.exec(xml)?.[1];
    expect(spaceAbove(toView(signed).signOff)).toBe("579");
    expect(spaceAbove(toView(signed).document.signOff)).toBe(String(3 * 579));
    const twenty = toView(signed, { linePitch: 637 });
    expect([spaceAbove(twenty.signOff), spaceAbove(twenty.document.signOff)]).toEqual(["637", "1911"]);
  });

  it("refuses a line pitch that is not a whole number of twips from 240 to 1440", () => {
    for (const linePitch of [0, 239, 579.5, 1441, Number.NaN, "579" as never]) {
      expect(() => toView(minimalSummary(), { linePitch })).toThrow(RangeError);
    }
    expect(() => toView(minimalSummary(), { linePitch: 100 })).toThrow(
      new RangeError("options.linePitch must be a whole number of twips from 240 to 1440 (got 100)"),
    );
  });

  it("gives templates the meeting facts as printable text", () => {
    const view = toView(seedReport());
    expect(view.meeting).toEqual({
      kind: "专题组织生活会",
      theme: "强化巡视整改落实，推动全面从严治党向纵深发展",
      date: "",
      place: "",
      host: "**",
      organizer: "",
      recorder: "",
      supervisors: [
        { organization: "组织部", name: "", title: "" },
        { organization: "纪委", name: "", title: "" },
      ],
      supervisorOrganizations: "组织部、纪委",
      agenda: [
        { number: "1", text: "每位成员进行批评与自我批评及成员之间的相互批评" },
        { number: "2", text: "纪委、组织部代表点评" },
        { number: "3", text: "**同志作总结发言" },
      ],
      attendance: {
        expected: "",
        present: "",
        attendees: "",
        onLeave: "",
        onLeaveCount: "",
        absent: "",
        observers: "",
      },
    });
  });

  it("builds the sign-off paragraphs only when there is a signature or a date", () => {
    const view = toView({ ...minimalSummary(), signature: "中共某某支部委员会", date: "2026-01-05" });
    expect(view.signOff).toContain("中共某某支部委员会");
    expect(view.signOff).toContain("2026年1月5日");
  });
});

describe("attendance in the view data", () => {
  it("joins names with 、 and adds reasons and organisations in full-width brackets", () => {
    const view = toView({
      ...minimalSummary(),
      meeting: {
        attendance: {
          expected: 23,
          present: 21,
          attendees: ["张三", "李四"],
          onLeave: [{ name: "王五", reason: "因公出差" }, { name: "赵六" }],
          observers: [{ name: "孙七", organization: "机关党委" }],
        },
      },
    });
    expect(view.meeting.attendance).toEqual({
      expected: "23",
      present: "21",
      attendees: "张三、李四",
      onLeave: "王五（因公出差）、赵六",
      onLeaveCount: "2",
      absent: "",
      observers: "孙七（机关党委）",
    });
  });
});
