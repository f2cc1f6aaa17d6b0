import { AttachmentTable, type Evaluation, type RectificationItem } from "../model/facts.js";
import type { MeetingSummary } from "../model/types.js";
import { formatChineseDate } from "./date.js";
import { standardSentences } from "./sentences.js";
import { titleLines } from "./title-lines.js";
import type {
  AttachmentView,
  EvaluationRowView,
  EvaluationView,
  FactsAndAttachmentsView,
  RectificationRowView,
} from "./view-types.js";

const text = (n: number | undefined): string => (n === undefined ? "" : String(n));

function graded(e: Evaluation): number {
  return e.excellent + e.qualified + e.basicallyQualified + e.unqualified;
}

function evaluationView(e: Evaluation | undefined): EvaluationView {
  if (e === undefined) {
    return {
      excellent: "",
      qualified: "",
      basicallyQualified: "",
      unqualified: "",
      probationary: "",
      graded: "",
      total: "",
    };
  }
  const probationary = e.probationary ?? 0;
  return {
    excellent: String(e.excellent),
    qualified: String(e.qualified),
    basicallyQualified: String(e.basicallyQualified),
    unqualified: String(e.unqualified),
    probationary: String(probationary),
    graded: String(graded(e)),
    total: String(graded(e) + probationary),
  };
}

function rectificationRows(items: readonly RectificationItem[]): RectificationRowView[] {
  return items.map((item, i) => ({
    number: String(i + 1),
    problem: item.problem,
    measure: item.measure,
    owner: item.owner ?? "",
    deadline: item.deadline === undefined ? "" : formatChineseDate(item.deadline),
    status: item.status ?? "",
  }));
}

/** "27.3%": one decimal, as these tables print a share; "0%" for nobody. */
function share(count: number, of: number): string {
  if (of === 0 || count === 0) return "0%";
  return `${Number(((count * 100) / of).toFixed(1))}%`;
}

/** One row per grade, then the probationary members (not graded) when there are any, then the total. */
export function evaluationRows(e: Evaluation): EvaluationRowView[] {
  const of = graded(e);
  const rows: EvaluationRowView[] = [
    ["优秀", e.excellent],
    ["合格", e.qualified],
    ["基本合格", e.basicallyQualified],
    ["不合格", e.unqualified],
  ].map(([grade, count]) => ({
    grade: String(grade),
    count: String(count),
    share: share(Number(count), of),
  }));
  const probationary = e.probationary ?? 0;
  if (probationary > 0)
    rows.push({ grade: "预备党员（不确定等次）", count: String(probationary), share: "—" });
  rows.push({ grade: "合计", count: String(of + probationary), share: of === 0 ? "0%" : "100%" });
  return rows;
}

function attachmentViews(summary: MeetingSummary): AttachmentView[] {
  const attachments = summary.attachments ?? [];
  const single = attachments.length === 1;
  return attachments.map((a, i) => {
    const number = single ? "" : String(i + 1);
    const isRectification = a.table === AttachmentTable.Rectification;
    const isEvaluation = a.table === AttachmentTable.Evaluation && summary.evaluation !== undefined;
    return {
      number,
      label: `附件${number}`,
      title: a.title.replace(/\n/g, ""),
      titleLines: titleLines(a.title),
      isOnly: single,
      isFirst: !single && i === 0,
      isNotFirst: i > 0,
      noteNumber: single ? "" : `${number}.`,
      paragraphs: (a.paragraphs ?? []).map((t) => ({ text: t })),
      isRectification,
      isEvaluation,
      rectificationRows: isRectification ? rectificationRows(summary.rectification ?? []) : [],
      evaluationRows: isEvaluation && summary.evaluation ? evaluationRows(summary.evaluation) : [],
    };
  });
}

/**
 * The facts and attachments of the view data: figures as text, the standard sentences, the 附件 with
 * their table rows. Expects a validated summary.
 * @param summary - a validated summary
 * @example
 * factsAndAttachmentsView(summary).attachments[0].label //=> "附件1"
 * factsAndAttachmentsView(summary).facts.sentences.preparation //=> "会前，共开展谈心谈话86人次，征求意见建议25条。"
 */
export function factsAndAttachmentsView(summary: MeetingSummary): FactsAndAttachmentsView {
  const m = summary.meeting ?? {};
  return {
    facts: {
      sentences: standardSentences(summary),
      talks: text(m.preparation?.talks),
      opinions: text(m.preparation?.opinions),
      speakers: text(m.criticism?.speakers),
      criticisms: text(m.criticism?.criticisms),
      evaluation: evaluationView(summary.evaluation),
      problems: (summary.problems ?? []).map((t, i) => ({ number: String(i + 1), text: t })),
      rectification: rectificationRows(summary.rectification ?? []),
    },
    attachments: attachmentViews(summary),
  };
}
