import {
  agendaSentence,
  criticismSentence,
  evaluationSentence,
  meetingSentence,
  preparationSentence,
  rectificationSentence,
  standardSentence,
} from "../../src/format/sentences";
import { toView } from "../../src/format/view";
import type { MeetingFacts, MeetingSummary } from "../../src/model/types";
import { fullFactsSummary, minimalSummary } from "../fixtures/summaries";

const withMeeting = (meeting: MeetingFacts, rest: Partial<MeetingSummary> = {}): MeetingSummary => ({
  ...minimalSummary(),
  ...rest,
  meeting,
});

describe("the meeting sentence", () => {
  it("says date, organiser, place, theme, kind, host, attendance, observers and supervisors", () => {
    expect(meetingSentence(fullFactsSummary())).toBe(
      "2026年1月15日，机关第一党支部在机关三楼会议室召开了以“强化理论武装，提升支部组织力”为主题的组织生活会，会议由支部书记李某某主持。" +
        "应到党员23名，实到21名，2名同志请假（王某某因公出差、赵某某因病住院），机关党委孙某某列席会议。" +
        "机关党委专职副书记陈某某到会指导。",
    );
  });

  it("needs only the date and an organiser, taking the signature when there is no organizer", () => {
    expect(meetingSentence(withMeeting({ date: "2026-01-15" }, { signature: "中共某某支部委员会" }))).toBe(
      "2026年1月15日，中共某某支部委员会召开了会议。",
    );
    expect(meetingSentence(withMeeting({ date: "2026-01-15" }))).toBe("");
    expect(meetingSentence(withMeeting({ organizer: "某某党支部" }))).toBe("");
  });

  it("names the absent, and supervisors without names by their organisations", () => {
    const summary = withMeeting({
      date: "2026-01-15",
      organizer: "某某党支部",
      kind: "专题组织生活会",
      attendance: { expected: 10, present: 9, absent: [{ name: "钱某某" }] },
      supervisors: [{ organization: "组织部" }, { organization: "纪委" }],
    });
    expect(meetingSentence(summary)).toBe(
      "2026年1月15日，某某党支部召开了专题组织生活会。应到党员10名，实到9名，1名同志缺席（钱某某）。组织部、纪委有关同志到会指导。",
    );
  });

  it("says 实到党员 when 应到 is not given, and 同志 after a supervisor's name without a title", () => {
    const summary = withMeeting({
      date: "2026-01-15",
      organizer: "某某党支部",
      attendance: { present: 9 },
      supervisors: [{ organization: "机关纪委", name: "何某某" }, { organization: "机关党委" }],
    });
    expect(meetingSentence(summary)).toBe(
      "2026年1月15日，某某党支部召开了会议。实到党员9名。机关纪委何某某同志、机关党委有关同志到会指导。",
    );
  });
});

describe("the other sentences", () => {
  it("agenda: 一是…；二是…；三是…, with an item's own trailing punctuation dropped", () => {
    expect(agendaSentence(fullFactsSummary())).toBe(
      "会议共有三项议程：一是支部书记代表支部委员会作对照检查；二是党员逐一作个人对照检查，开展相互批评；三是开展民主评议党员。",
    );
    expect(agendaSentence(withMeeting({ agenda: ["书记作对照检查。"] }))).toBe(
      "会议议程是：书记作对照检查。",
    );
    expect(agendaSentence(withMeeting({ agenda: [] }))).toBe("");
  });

  it("preparation: 谈心谈话 人次 and 征求意见 条, either alone", () => {
    expect(preparationSentence(fullFactsSummary())).toBe("会前，共开展谈心谈话86人次，征求意见建议25条。");
    expect(preparationSentence(withMeeting({ preparation: { talks: 12 } }))).toBe(
      "会前，共开展谈心谈话12人次。",
    );
    expect(preparationSentence(withMeeting({ preparation: { opinions: 7 } }))).toBe(
      "会前，共征求意见建议7条。",
    );
    expect(preparationSentence(withMeeting({ preparation: {} }))).toBe("");
  });

  it("criticism: speakers and criticisms, either alone", () => {
    expect(criticismSentence(fullFactsSummary())).toBe(
      "会上，21名同志逐一作对照检查发言，相互提出批评意见63条。",
    );
    expect(criticismSentence(withMeeting({ criticism: { speakers: 9 } }))).toBe(
      "会上，9名同志逐一作对照检查发言。",
    );
    expect(criticismSentence(withMeeting({ criticism: { criticisms: 30 } }))).toBe(
      "会上，同志们相互提出批评意见30条。",
    );
    expect(criticismSentence(withMeeting({ criticism: {} }))).toBe("");
  });

  it("evaluation: every grade, and probationary members as not graded", () => {
    expect(evaluationSentence(fullFactsSummary())).toBe(
      "民主评议党员中，参加评议党员23名，评定优秀6名、合格16名、基本合格0名、不合格0名；1名预备党员参加评议，不确定等次。",
    );
    const summary = {
      ...minimalSummary(),
      evaluation: { excellent: 2, qualified: 6, basicallyQualified: 1, unqualified: 0 },
    };
    expect(evaluationSentence(summary)).toBe(
      "民主评议党员中，参加评议党员9名，评定优秀2名、合格6名、基本合格1名、不合格0名。",
    );
  });

  it("rectification: problems and measures, pointing at the attachment that lists them", () => {
    expect(rectificationSentence(fullFactsSummary())).toBe(
      "对照检查共查摆问题4个，制定整改措施4条，逐项明确责任人和完成时限（见附件1）。",
    );
    const single: MeetingSummary = {
      ...minimalSummary(),
      rectification: [
        { problem: "学习不够", measure: "每月集中学习", owner: "李某某", deadline: "2026-03-31" },
      ],
      attachments: [{ title: "整改清单", table: "rectification" }],
    };
    expect(rectificationSentence(single)).toBe("共制定整改措施1条，逐项明确责任人和完成时限（见附件）。");
    const bare: MeetingSummary = {
      ...minimalSummary(),
      problems: ["学习不够"],
      rectification: [{ problem: "学习不够", measure: "每月集中学习" }],
    };
    expect(rectificationSentence(bare)).toBe("对照检查共查摆问题1个，制定整改措施1条。");
    expect(rectificationSentence({ ...minimalSummary(), problems: ["学习不够", "作风不实"] })).toBe(
      "对照检查共查摆问题2个。",
    );
  });

  it("are all reachable by kind", () => {
    expect(standardSentence("preparation", fullFactsSummary())).toBe(preparationSentence(fullFactsSummary()));
  });
});

describe("generated blocks in the view", () => {
  it("become plain paragraphs exactly where they stand", () => {
    const blocks = toView(fullFactsSummary()).sections[1]?.blocks ?? [];
    expect(blocks.map((b) => [b.isParagraph, b.number, b.text.slice(0, 11)])).toEqual([
      [true, "", "2026年1月15日，"],
      [true, "", "会议共有三项议程：一是"],
      [false, "（一）", "支部书记代表支部委员会"],
      [true, "", "会上，21名同志逐一作"],
      [false, "（二）", "会议按照个人自评、党员"],
      [true, "", "民主评议党员中，参加评"],
    ]);
  });

  it("are the only way a sentence gets in: facts alone add no paragraph to the user's text", () => {
    const summary = fullFactsSummary();
    summary.organization.blocks = ["1月15日，支部召开组织生活会，应到党员23名，实到21名。"];
    expect(toView(summary).sections[1]?.blocks.map((b) => b.text)).toEqual([
      "1月15日，支部召开组织生活会，应到党员23名，实到21名。",
    ]);
  });
});
