import { factsAndAttachmentsView } from "../../src/format/facts-view";
import { toView } from "../../src/format/view";
import { fullFactsSummary, minimalSummary } from "../fixtures/summaries";

describe("the facts in the view data", () => {
  it("gives the figures as text, the problems numbered and the rectification rows with printed dates", () => {
    const { facts } = toView(fullFactsSummary());
    expect([facts.talks, facts.opinions, facts.speakers, facts.criticisms]).toEqual(["86", "25", "21", "63"]);
    expect(facts.evaluation).toEqual({
      excellent: "6",
      qualified: "16",
      basicallyQualified: "0",
      unqualified: "0",
      probationary: "1",
      graded: "22",
      total: "23",
    });
    expect(facts.problems[1]).toEqual({ number: "2", text: "联系服务群众不够经常" });
    expect(facts.rectification[3]).toEqual({
      number: "4",
      problem: "“三会一课”等制度执行存在宽松软现象",
      measure: "修订支部工作制度，建立组织生活记录月检查制度，检查结果在支部内通报",
      owner: "吴某某",
      deadline: "2026年2月28日",
      status: "已完成",
    });
    expect(facts.sentences.preparation).toBe("会前，共开展谈心谈话86人次，征求意见建议25条。");
  });

  it("is present and empty without facts", () => {
    const view = factsAndAttachmentsView(minimalSummary());
    expect(view.attachments).toEqual([]);
    expect(view.facts.sentences).toEqual({
      meeting: "",
      agenda: "",
      preparation: "",
      criticism: "",
      evaluation: "",
      rectification: "",
    });
    expect([view.facts.talks, view.facts.evaluation.total, view.facts.rectification]).toEqual(["", "", []]);
  });

  it("numbers attachments and marks the note lines: only, first, later", () => {
    const [first, second] = toView(fullFactsSummary()).attachments;
    expect(first).toMatchObject({
      number: "1",
      label: "附件1",
      noteNumber: "1.",
      isOnly: false,
      isFirst: true,
      isNotFirst: false,
      isRectification: true,
      isEvaluation: false,
      evaluationRows: [],
    });
    expect(first?.rectificationRows).toHaveLength(4);
    expect(second).toMatchObject({ label: "附件2", isFirst: false, isNotFirst: true, isEvaluation: true });
    const single = fullFactsSummary();
    single.attachments = [{ title: "对照检查材料", paragraphs: ["正文。"] }];
    expect(toView(single).attachments).toEqual([
      {
        number: "",
        label: "附件",
        title: "对照检查材料",
        titleLines: "对照检查材料",
        isOnly: true,
        isFirst: false,
        isNotFirst: false,
        noteNumber: "",
        paragraphs: [{ text: "正文。" }],
        isRectification: false,
        isEvaluation: false,
        rectificationRows: [],
        evaluationRows: [],
      },
    ]);
  });

  it("prints an attachment's title on its page in the lines given, or broken like the title", () => {
    const summary = fullFactsSummary();
    summary.attachments = [
      { title: "机关第一党支部2025年度组织生活会\n查摆问题整改清单", paragraphs: ["正文。"] },
      { title: "机关第一党支部2025年度民主评议党员结果汇总表", paragraphs: ["正文。"] },
    ];
    const [given, broken] = toView(summary).attachments;
    // The 附件说明 prints the title on one line.
    expect([given?.title, given?.titleLines]).toEqual([
      "机关第一党支部2025年度组织生活会查摆问题整改清单",
      "机关第一党支部2025年度组织生活会\n查摆问题整改清单",
    ]);
    expect([broken?.title, broken?.titleLines]).toEqual([
      "机关第一党支部2025年度民主评议党员结果汇总表",
      "机关第一党支部2025年度\n民主评议党员结果汇总表",
    ]);
  });
});
