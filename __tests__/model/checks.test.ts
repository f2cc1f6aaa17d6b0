import { InvalidSummaryError } from "../../src/errors";
import { CONSISTENCY_RULES, checkConsistency } from "../../src/model/checks";
import { parseSummary, validateSummary } from "../../src/model/parse";
import type { MeetingSummary } from "../../src/model/types";
import { fullFactsSummary, minimalSummary, seedReport } from "../fixtures/summaries";

/** The full-facts example with one change made by `edit`. */
function withFacts(edit: (s: MeetingSummary) => void): MeetingSummary {
  const summary = fullFactsSummary();
  edit(summary);
  return summary;
}

describe("the consistency checks", () => {
  it("find nothing in the bundled examples", () => {
    for (const summary of [fullFactsSummary(), seedReport(), minimalSummary()]) {
      expect(validateSummary(summary)).toMatchObject({ ok: true, issues: [], warnings: [] });
    }
  });

  it("run only once the schema passes", () => {
    const bad = withFacts((s) => {
      s.title = "";
      if (s.evaluation) s.evaluation.excellent = 20;
    });
    expect(validateSummary(bad)).toEqual({
      ok: false,
      issues: [{ path: ["title"], code: "empty", message: "title (标题) must not be empty" }],
      warnings: [],
    });
  });

  it("are one function per rule, each with its code and weight", () => {
    expect(CONSISTENCY_RULES.map((r) => `${r.code}:${r.severity}`)).toEqual([
      "attendance_mismatch:error",
      "attendees_mismatch:error",
      "duplicate_name:warning",
      "speakers_over_present:warning",
      "excellent_over_third:error",
      "evaluation_count_mismatch:warning",
      "report_before_meeting:error",
      "late_report:warning",
      "deadline_before_meeting:warning",
      "missing_facts:error",
      "missing_facts:error",
      "empty_attachment:error",
      "unknown_attachment:warning",
      "typed_number:warning",
    ]);
  });
});

describe("errors", () => {
  it("实到 + 请假 + 缺席 must equal 应到", () => {
    const summary = withFacts((s) => {
      if (s.meeting?.attendance) s.meeting.attendance.present = 20;
    });
    expect(validateSummary(summary).issues).toEqual([
      {
        path: ["meeting", "attendance"],
        code: "attendance_mismatch",
        message:
          "meeting.attendance (出席情况) does not add up: 实到 20 + 请假 2 + 缺席 0 = 22, but 应到 is 23",
      },
    ]);
  });

  it("counts the absent too", () => {
    const summary = withFacts((s) => {
      if (s.meeting?.attendance) s.meeting.attendance.absent = [{ name: "钱某某" }];
    });
    expect(validateSummary(summary).issues[0]?.message).toBe(
      "meeting.attendance (出席情况) does not add up: 实到 21 + 请假 2 + 缺席 1 = 24, but 应到 is 23",
    );
  });

  it("the names of those present must match 实到", () => {
    const summary = {
      ...minimalSummary(),
      meeting: { attendance: { expected: 3, present: 3, attendees: ["甲", "乙"] } },
    };
    expect(validateSummary(summary).issues).toEqual([
      {
        path: ["meeting", "attendance", "attendees"],
        code: "attendees_mismatch",
        message: "meeting.attendance.attendees (出席) lists 2 names, but present (实到人数) is 3",
      },
    ]);
  });

  it("优秀 may be at most one third of those graded (probationary members are not graded)", () => {
    const summary = withFacts((s) => {
      s.evaluation = { excellent: 8, qualified: 14, basicallyQualified: 0, unqualified: 0, probationary: 3 };
    });
    expect(validateSummary(summary).issues).toEqual([
      {
        path: ["evaluation", "excellent"],
        code: "excellent_over_third",
        message:
          "evaluation.excellent (优秀) is 8 of 22 graded members: at most one third (7) may be rated 优秀",
      },
    ]);
  });

  it("allows exactly one third", () => {
    const summary = withFacts((s) => {
      s.evaluation = { excellent: 7, qualified: 14, basicallyQualified: 0, unqualified: 0 };
    });
    expect(validateSummary(summary).ok).toBe(true);
  });

  it("the report may not be dated before the meeting", () => {
    const summary = withFacts((s) => {
      s.date = "2026-01-10";
    });
    expect(validateSummary(summary).issues).toEqual([
      {
        path: ["date"],
        code: "report_before_meeting",
        message: "date (成文日期) 2026年1月10日 is before the meeting date (meeting.date) 2026年1月15日",
      },
    ]);
  });

  it("compares dates only when both are real dates", () => {
    const summary = withFacts((s) => {
      s.date = { text: "2026年1月*日" };
    });
    expect(validateSummary(summary).ok).toBe(true);
  });

  it("deadlines must be real dates (no literal text)", () => {
    const summary = withFacts((s) => {
      const [first] = s.rectification ?? [];
      if (first) first.deadline = { text: "年底前" } as never;
      const second = s.rectification?.[1];
      if (second) second.deadline = "2026-06-31";
    });
    expect(validateSummary(summary).issues).toEqual([
      {
        path: ["rectification", 0, "deadline"],
        code: "invalid_type",
        message: "rectification[0].deadline (完成时限) has an unexpected form (got an object)",
      },
      {
        path: ["rectification", 1, "deadline"],
        code: "invalid_date",
        message:
          'rectification[1].deadline (完成时限) must be a real date like 2026-03-31 (got "2026-06-31")',
      },
    ]);
  });

  it("a generated sentence needs its facts", () => {
    const summary = withFacts((s) => {
      if (s.meeting) delete s.meeting.date;
    });
    expect(validateSummary(summary).issues).toEqual([
      {
        path: ["organization", "blocks", 0],
        code: "missing_facts",
        message:
          'organization.blocks[0] asks for the "meeting" sentence, but the facts it is written from are missing: give meeting.date and meeting.organizer (or signature)',
      },
    ]);
  });

  it("finds a generated block nested in an item", () => {
    const summary = withFacts((s) => {
      if (s.meeting) delete s.meeting.criticism;
    });
    expect(validateSummary(summary).issues).toEqual([
      {
        path: ["organization", "blocks", 2, "blocks", 0],
        code: "missing_facts",
        message:
          'organization.blocks[2].blocks[0] asks for the "criticism" sentence, but the facts it is written from are missing: give meeting.criticism.speakers or meeting.criticism.criticisms',
      },
    ]);
  });

  it("an attachment's table needs its facts", () => {
    const summary = withFacts((s) => {
      delete s.evaluation;
      s.organization.blocks.pop();
      s.rectification = [];
    });
    expect(validateSummary(summary).issues).toEqual([
      {
        path: ["attachments", 0, "table"],
        code: "missing_facts",
        message:
          'attachments[0].table (附件表格) is "rectification", but rectification (整改清单) has no entries',
      },
      {
        path: ["attachments", 1, "table"],
        code: "missing_facts",
        message: 'attachments[1].table (附件表格) is "evaluation", but there is no evaluation (民主评议党员)',
      },
    ]);
  });

  it("an attachment needs a table or paragraphs", () => {
    const summary = withFacts((s) => {
      s.attachments?.push({ title: "空附件" });
    });
    expect(validateSummary(summary).issues).toEqual([
      {
        path: ["attachments", 2],
        code: "empty_attachment",
        message: "attachments[2] has neither a table nor paragraphs: its page would be empty",
      },
    ]);
  });

  it("parseSummary throws on errors", () => {
    const summary = withFacts((s) => {
      s.date = "2026-01-10";
    });
    expect(() => parseSummary(summary)).toThrow(InvalidSummaryError);
  });
});

describe("warnings", () => {
  it("a 民主生活会 reported more than 15 days after the meeting", () => {
    const summary = withFacts((s) => {
      if (s.meeting) s.meeting.kind = "民主生活会";
      s.date = "2026-02-01";
    });
    expect(validateSummary(summary)).toMatchObject({
      ok: true,
      issues: [],
      warnings: [
        {
          path: ["date"],
          code: "late_report",
          message:
            "date (成文日期) is 17 days after the meeting (2026年1月15日): a 民主生活会 is usually reported within 15 days",
        },
      ],
    });
  });

  it("not for a 组织生活会, nor for a 民主生活会 reported on the 15th day", () => {
    const late = withFacts((s) => {
      s.date = "2026-02-01";
    });
    const onTime = withFacts((s) => {
      if (s.meeting) s.meeting.kind = "专题民主生活会";
      s.date = "2026-01-30";
    });
    expect(validateSummary(late).warnings).toEqual([]);
    expect(validateSummary(onTime).warnings).toEqual([]);
  });

  it("a name listed twice (two members may share a name, so only a warning)", () => {
    const attendance = {
      expected: 3,
      present: 2,
      attendees: ["甲", "乙"],
      onLeave: [{ name: "甲", reason: "因病" }],
    };
    const summary = { ...minimalSummary(), meeting: { attendance } };
    expect(validateSummary(summary)).toMatchObject({ ok: true });
    expect(validateSummary(summary).warnings).toEqual([
      {
        path: ["meeting", "attendance", "onLeave", 0, "name"],
        code: "duplicate_name",
        message: 'meeting.attendance.onLeave[0].name (姓名) "甲" is also listed at attendees[0]',
      },
    ]);
  });

  it("an evaluation that does not count every member due (those on leave are evaluated too)", () => {
    const summary = withFacts((s) => {
      s.evaluation = { excellent: 5, qualified: 15, basicallyQualified: 0, unqualified: 0, probationary: 1 };
    });
    expect(validateSummary(summary).warnings).toEqual([
      {
        path: ["evaluation"],
        code: "evaluation_count_mismatch",
        message:
          "evaluation (民主评议党员) counts 21 members (graded and probationary), but 应到 (meeting.attendance.expected) is 23",
      },
    ]);
  });

  it("more speakers than members present", () => {
    const summary = withFacts((s) => {
      if (s.meeting?.criticism) s.meeting.criticism.speakers = 25;
    });
    expect(validateSummary(summary).warnings).toEqual([
      {
        path: ["meeting", "criticism", "speakers"],
        code: "speakers_over_present",
        message: "meeting.criticism.speakers (发言人数) is 25, more than the 21 members present (实到人数)",
      },
    ]);
  });

  it("a deadline before the meeting", () => {
    const summary = withFacts((s) => {
      const item = s.rectification?.[3];
      if (item) item.deadline = "2026-01-01";
    });
    expect(validateSummary(summary).warnings).toEqual([
      {
        path: ["rectification", 3, "deadline"],
        code: "deadline_before_meeting",
        message: "rectification[3].deadline (完成时限) 2026年1月1日 is before the meeting (2026年1月15日)",
      },
    ]);
  });

  it("a reference to an attachment that does not exist (numbers run without gaps)", () => {
    const summary = withFacts((s) => {
      s.closing = ["具体情况见附件3。", "特此报告。"];
    });
    expect(validateSummary(summary).warnings).toEqual([
      {
        path: ["closing", 0],
        code: "unknown_attachment",
        message: "closing[0] refers to 附件3, but the summary has attachments 1 to 2 only",
      },
    ]);
  });

  it("a heading that carries its own number", () => {
    const summary = minimalSummary();
    summary.preparation.heading = "一、会前准备";
    summary.outcomes.blocks = [{ type: "item", heading: "（一）整改措施", text: "正文。" }];
    expect(validateSummary(summary).warnings).toEqual([
      {
        path: ["preparation", "heading"],
        code: "typed_number",
        message:
          'preparation.heading (一级标题) starts with "一、": numbers are generated from the order, so it would print twice',
      },
      {
        path: ["outcomes", "blocks", 0, "heading"],
        code: "typed_number",
        message:
          'outcomes.blocks[0].heading (条目标题) starts with "（一）": numbers are generated from the order, so it would print twice',
      },
    ]);
  });

  it("come with the errors too, and never make parseSummary throw", () => {
    const summary = withFacts((s) => {
      s.closing = ["见附件9。"];
    });
    expect(() => parseSummary(summary)).not.toThrow();
    expect(checkConsistency(summary)).toEqual({
      errors: [],
      warnings: [expect.objectContaining({ code: "unknown_attachment" })],
    });
  });
});
