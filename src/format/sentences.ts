/*
 * The standard sentences of these reports, written from the facts in the register clerks use. Each
 * function returns "" when the facts it needs are missing. The phrasing is a contract, documented word for
 * word in docs/facts.md: changing a sentence is a breaking change.
 */

import { AttachmentTable, type SentenceKind } from "../model/facts.js";
import type { AbsentMember, Block, MeetingSummary, Section, Supervisor } from "../model/types.js";
import { formatChineseDate } from "./date.js";
import { chineseNumeral, ordinalLead } from "./numbering.js";
import { AGENDA_TRAILING_PUNCTUATION } from "./punctuation.js";

/** "王五因公出差、赵六" */
function members(list: readonly AbsentMember[]): string {
  return list.map((m) => `${m.name}${m.reason ?? ""}`).join("、");
}

/** "机关党委专职副书记***", "机关纪委有关同志", "组织部***同志" */
function supervisorText(s: Supervisor): string {
  if (s.name === undefined) return `${s.organization}有关同志`;
  return s.title === undefined ? `${s.organization}${s.name}同志` : `${s.organization}${s.title}${s.name}`;
}

/** The attendance clause, without a final "。"; "" when there are no counts. */
function attendanceClause(summary: MeetingSummary): string {
  const a = summary.meeting?.attendance;
  if (a === undefined) return "";
  const parts: string[] = [];
  if (a.expected !== undefined) parts.push(`应到党员${a.expected}名`);
  if (a.present !== undefined)
    parts.push(a.expected === undefined ? `实到党员${a.present}名` : `实到${a.present}名`);
  if (parts.length === 0) return "";
  const onLeave = a.onLeave ?? [];
  if (onLeave.length > 0) parts.push(`${onLeave.length}名同志请假（${members(onLeave)}）`);
  const absent = a.absent ?? [];
  if (absent.length > 0) parts.push(`${absent.length}名同志缺席（${members(absent)}）`);
  const observers = a.observers ?? [];
  if (observers.length > 0) {
    parts.push(`${observers.map((o) => `${o.organization ?? ""}${o.name}`).join("、")}列席会议`);
  }
  return parts.join("，");
}

/**
 * 会议召开情况. Needs `meeting.date` and an organiser (`meeting.organizer`, else `signature`).
 * @param summary - a validated summary
 * @example
 * meetingSentence(summary)
 * //=> "2026年1月15日，中共***支部委员会在机关三楼会议室召开了组织生活会，会议由***主持。应到党员23名，实到21名，…"
 */
export function meetingSentence(summary: MeetingSummary): string {
  const m = summary.meeting ?? {};
  const organizer = m.organizer ?? summary.signature;
  if (m.date === undefined || organizer === undefined) return "";
  const place = m.place === undefined ? "" : `在${m.place}`;
  const theme = m.theme === undefined ? "" : `以“${m.theme}”为主题的`;
  let out = `${formatChineseDate(m.date)}，${organizer}${place}召开了${theme}${m.kind ?? "会议"}`;
  if (m.host !== undefined) out += `，会议由${m.host}主持`;
  out += "。";
  const attendance = attendanceClause(summary);
  if (attendance !== "") out += `${attendance}。`;
  const supervisors = m.supervisors ?? [];
  if (supervisors.length > 0) {
    const anonymous = supervisors.every((s) => s.name === undefined);
    const who = anonymous
      ? `${supervisors.map((s) => s.organization).join("、")}有关同志`
      : supervisors.map(supervisorText).join("、");
    out += `${who}到会指导。`;
  }
  return out;
}

/**
 * 会议议程. Needs `meeting.agenda`.
 * @param summary - a validated summary
 * @example
 * agendaSentence(summary) //=> "会议共有三项议程：一是……；二是……；三是……。"
 */
export function agendaSentence(summary: MeetingSummary): string {
  const items = (summary.meeting?.agenda ?? []).map((a) => a.replace(AGENDA_TRAILING_PUNCTUATION, ""));
  if (items.length === 0) return "";
  if (items.length === 1) return `会议议程是：${items[0]}。`;
  const list = items.map((a, i) => `${ordinalLead(i + 1)}${a}`).join("；");
  return `会议共有${chineseNumeral(items.length)}项议程：${list}。`;
}

/**
 * 会前准备 figures. Needs `meeting.preparation.talks` or `.opinions`.
 * @param summary - a validated summary
 * @example
 * preparationSentence(summary) //=> "会前，共开展谈心谈话86人次，征求意见建议25条。"
 */
export function preparationSentence(summary: MeetingSummary): string {
  const p = summary.meeting?.preparation ?? {};
  const parts: string[] = [];
  if (p.talks !== undefined) parts.push(`开展谈心谈话${p.talks}人次`);
  if (p.opinions !== undefined) parts.push(`征求意见建议${p.opinions}条`);
  return parts.length === 0 ? "" : `会前，共${parts.join("，")}。`;
}

/**
 * 批评和自我批评 figures. Needs `meeting.criticism.speakers` or `.criticisms`.
 * @param summary - a validated summary
 * @example
 * criticismSentence(summary) //=> "会上，21名同志逐一作对照检查发言，相互提出批评意见63条。"
 */
export function criticismSentence(summary: MeetingSummary): string {
  const c = summary.meeting?.criticism ?? {};
  if (c.speakers !== undefined && c.criticisms !== undefined) {
    return `会上，${c.speakers}名同志逐一作对照检查发言，相互提出批评意见${c.criticisms}条。`;
  }
  if (c.speakers !== undefined) return `会上，${c.speakers}名同志逐一作对照检查发言。`;
  if (c.criticisms !== undefined) return `会上，同志们相互提出批评意见${c.criticisms}条。`;
  return "";
}

/**
 * 民主评议党员 results. Needs `evaluation`.
 * @param summary - a validated summary
 * @example
 * evaluationSentence(summary)
 * //=> "民主评议党员中，参加评议党员23名，评定优秀6名、合格16名、基本合格0名、不合格0名；1名预备党员参加评议，不确定等次。"
 */
export function evaluationSentence(summary: MeetingSummary): string {
  const e = summary.evaluation;
  if (e === undefined) return "";
  const probationary = e.probationary ?? 0;
  const total = e.excellent + e.qualified + e.basicallyQualified + e.unqualified + probationary;
  const grades = `评定优秀${e.excellent}名、合格${e.qualified}名、基本合格${e.basicallyQualified}名、不合格${e.unqualified}名`;
  const ungraded = probationary > 0 ? `；${probationary}名预备党员参加评议，不确定等次` : "";
  return `民主评议党员中，参加评议党员${total}名，${grades}${ungraded}。`;
}

/** "（见附件2）", "（见附件）" for a single attachment, "" when no attachment carries the list. */
function rectificationReference(summary: MeetingSummary): string {
  const attachments = summary.attachments ?? [];
  const index = attachments.findIndex((a) => a.table === AttachmentTable.Rectification);
  if (index === -1) return "";
  return attachments.length === 1 ? "（见附件）" : `（见附件${index + 1}）`;
}

/**
 * 查摆问题 and 整改措施 counts. Needs `problems` or `rectification`. "逐项明确责任人和完成时限" is said only when
 * every measure has both.
 * @param summary - a validated summary
 * @example
 * rectificationSentence(summary)
 * //=> "对照检查共查摆问题5个，制定整改措施5条，逐项明确责任人和完成时限（见附件1）。"
 */
export function rectificationSentence(summary: MeetingSummary): string {
  const problems = summary.problems ?? [];
  const items = summary.rectification ?? [];
  const parts: string[] = [];
  if (problems.length > 0) parts.push(`对照检查共查摆问题${problems.length}个`);
  if (items.length > 0) {
    parts.push(`${problems.length > 0 ? "" : "共"}制定整改措施${items.length}条`);
    if (items.every((i) => i.owner !== undefined && i.deadline !== undefined)) {
      parts.push("逐项明确责任人和完成时限");
    }
  }
  if (parts.length === 0) return "";
  return `${parts.join("，")}${items.length > 0 ? rectificationReference(summary) : ""}。`;
}

const SENTENCES: Record<SentenceKind, (summary: MeetingSummary) => string> = {
  meeting: meetingSentence,
  agenda: agendaSentence,
  preparation: preparationSentence,
  criticism: criticismSentence,
  evaluation: evaluationSentence,
  rectification: rectificationSentence,
};

/**
 * The standard sentence of one kind, written from the summary's facts; "" when they are missing.
 * @param kind - a {@link SentenceKind}
 * @param summary - a validated summary
 * @example
 * standardSentence("preparation", summary) //=> "会前，共开展谈心谈话86人次，征求意见建议25条。"
 */
export function standardSentence(kind: SentenceKind, summary: MeetingSummary): string {
  return SENTENCES[kind](summary);
}

/** Every standard sentence by kind, for the view data. */
export function standardSentences(summary: MeetingSummary): Record<SentenceKind, string> {
  const out = {} as Record<SentenceKind, string>;
  for (const kind of Object.keys(SENTENCES) as SentenceKind[]) out[kind] = SENTENCES[kind](summary);
  return out;
}

function expandBlocks(blocks: readonly Block[], summary: MeetingSummary): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    if (typeof block !== "object") out.push(block);
    else if (block.type === "generated") {
      const text = standardSentence(block.kind, summary);
      if (text !== "") out.push(text);
    } else if (block.type === "item" && block.blocks) {
      out.push({ ...block, blocks: expandBlocks(block.blocks, summary) });
    } else out.push(block);
  }
  return out;
}

/**
 * The section with each `generated` block replaced by its sentence as a plain paragraph (a copy).
 * @example
 * expandGenerated({ heading: "会议召开", blocks: [{ type: "generated", kind: "agenda" }] }, summary).blocks
 * //=> ["会议共有三项议程：一是……；二是……；三是……。"]
 */
export function expandGenerated(section: Section, summary: MeetingSummary): Section {
  return { ...section, blocks: expandBlocks(section.blocks, summary) };
}
