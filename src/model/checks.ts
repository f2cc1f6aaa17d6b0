/*
 * Consistency checks: what a careful clerk checks once every field has the right shape, and what a higher
 * committee sends a report back for. They run after the schema passes, one function per rule. A rule of
 * the Party's regulations (实到 + 请假 + 缺席 = 应到, 优秀 at most one third) is an error; a convention or a
 * likely slip (a 民主生活会 reported after 15 days, a heading that carries its own number) is a warning the
 * caller can read, and never stops a render.
 */

import { differenceInCalendarDays } from "date-fns/differenceInCalendarDays";
import { parseISO } from "date-fns/parseISO";
import type { Issue, IssuePath } from "../errors/index.js";
import { formatChineseDate } from "../format/date.js";
import { standardSentence } from "../format/sentences.js";
import { AttachmentTable, type SentenceKind } from "./facts.js";
import { make } from "./issues.js";
import { type Block, type DateInput, MeetingKind, type MeetingSummary, type Section } from "./types.js";

/** How a finding weighs: an error fails validation, a warning is reported beside a valid result. */
export const Severity = {
  /** A rule: the summary is invalid. */
  Error: "error",
  /** A convention or a likely slip: the summary is valid, the caller is told. */
  Warning: "warning",
} as const;
export type Severity = (typeof Severity)[keyof typeof Severity];

/** One consistency rule: its issue code, its weight, and the check. */
export interface ConsistencyRule {
  /** The issue code its findings carry. */
  code: string;
  severity: Severity;
  /** The findings for a summary that has passed the schema. */
  check(summary: MeetingSummary): Issue[];
}

/** A 民主生活会 is reported to the higher committee within this many days of the meeting. */
export const DEMOCRATIC_LIFE_REPORT_DAYS = 15;

/** A date on the calendar, or undefined for literal text. */
function day(date: DateInput | undefined): Date | undefined {
  if (date === undefined) return undefined;
  if (date instanceof Date) return date;
  return typeof date === "string" ? parseISO(date) : undefined;
}

function attendanceAddsUp(summary: MeetingSummary): Issue[] {
  const a = summary.meeting?.attendance;
  if (a?.expected === undefined || a.present === undefined) return [];
  const onLeave = a.onLeave?.length ?? 0;
  const absent = a.absent?.length ?? 0;
  const sum = a.present + onLeave + absent;
  if (sum === a.expected) return [];
  return [
    make(
      ["meeting", "attendance"],
      "attendance_mismatch",
      `does not add up: 实到 ${a.present} + 请假 ${onLeave} + 缺席 ${absent} = ${sum}, but 应到 is ${a.expected}`,
    ),
  ];
}

function attendeesMatchPresent(summary: MeetingSummary): Issue[] {
  const a = summary.meeting?.attendance;
  if (a?.attendees === undefined || a.present === undefined || a.attendees.length === a.present) return [];
  return [
    make(
      ["meeting", "attendance", "attendees"],
      "attendees_mismatch",
      `lists ${a.attendees.length} names, but present (实到人数) is ${a.present}`,
    ),
  ];
}

/** Two members may share a name, so a name listed twice is a warning, not an error. */
function namesListedOnce(summary: MeetingSummary): Issue[] {
  const a = summary.meeting?.attendance;
  if (a === undefined) return [];
  const seen = new Map<string, IssuePath>();
  const issues: Issue[] = [];
  const visit = (name: string, path: IssuePath) => {
    const first = seen.get(name);
    if (first === undefined) seen.set(name, path);
    else {
      issues.push(
        make(path, "duplicate_name", `${JSON.stringify(name)} is also listed at ${formatPathShort(first)}`),
      );
    }
  };
  (a.attendees ?? []).forEach((name, i) => void visit(name, ["meeting", "attendance", "attendees", i]));
  (a.onLeave ?? []).forEach((m, i) => void visit(m.name, ["meeting", "attendance", "onLeave", i, "name"]));
  (a.absent ?? []).forEach((m, i) => void visit(m.name, ["meeting", "attendance", "absent", i, "name"]));
  return issues;
}

/** "meeting.attendance.attendees[3]" without the leading "meeting.attendance." the message already names. */
function formatPathShort(path: IssuePath): string {
  return path
    .slice(2)
    .map((k) => (typeof k === "number" ? `[${k}]` : `.${k}`))
    .join("")
    .replace(/^\./, "");
}

function excellentAtMostOneThird(summary: MeetingSummary): Issue[] {
  const e = summary.evaluation;
  if (e === undefined) return [];
  const graded = e.excellent + e.qualified + e.basicallyQualified + e.unqualified;
  if (e.excellent * 3 <= graded) return [];
  return [
    make(
      ["evaluation", "excellent"],
      "excellent_over_third",
      `is ${e.excellent} of ${graded} graded members: at most one third (${Math.floor(graded / 3)}) may be rated 优秀`,
    ),
  ];
}

/** Every member is evaluated, those on leave included, so the evaluation usually counts everyone due. */
function evaluationCountsEveryone(summary: MeetingSummary): Issue[] {
  const e = summary.evaluation;
  const expected = summary.meeting?.attendance?.expected;
  if (e === undefined || expected === undefined) return [];
  const total = e.excellent + e.qualified + e.basicallyQualified + e.unqualified + (e.probationary ?? 0);
  if (total === expected) return [];
  return [
    make(
      ["evaluation"],
      "evaluation_count_mismatch",
      `counts ${total} members (graded and probationary), but 应到 (meeting.attendance.expected) is ${expected}`,
    ),
  ];
}

function reportNotBeforeMeeting(summary: MeetingSummary): Issue[] {
  const report = day(summary.date);
  const meeting = day(summary.meeting?.date);
  if (!report || !meeting || differenceInCalendarDays(report, meeting) >= 0) return [];
  return [
    make(
      ["date"],
      "report_before_meeting",
      `${formatChineseDate(report)} is before the meeting date (meeting.date) ${formatChineseDate(meeting)}`,
    ),
  ];
}

function democraticLifeReportedInTime(summary: MeetingSummary): Issue[] {
  const kind = summary.meeting?.kind;
  if (kind !== MeetingKind.DemocraticLife && kind !== MeetingKind.ThemedDemocraticLife) return [];
  const report = day(summary.date);
  const meeting = day(summary.meeting?.date);
  if (!report || !meeting) return [];
  const days = differenceInCalendarDays(report, meeting);
  if (days <= DEMOCRATIC_LIFE_REPORT_DAYS) return [];
  return [
    make(
      ["date"],
      "late_report",
      `is ${days} days after the meeting (${formatChineseDate(meeting)}): a ${kind} is usually reported within ${DEMOCRATIC_LIFE_REPORT_DAYS} days`,
    ),
  ];
}

function deadlinesAfterMeeting(summary: MeetingSummary): Issue[] {
  const meeting = day(summary.meeting?.date);
  if (!meeting) return [];
  return (summary.rectification ?? []).flatMap((item, i) => {
    const deadline = day(item.deadline);
    if (!deadline || differenceInCalendarDays(deadline, meeting) >= 0) return [];
    return [
      make(
        ["rectification", i, "deadline"],
        "deadline_before_meeting",
        `${formatChineseDate(deadline)} is before the meeting (${formatChineseDate(meeting)})`,
      ),
    ];
  });
}

function speakersWerePresent(summary: MeetingSummary): Issue[] {
  const speakers = summary.meeting?.criticism?.speakers;
  const present = summary.meeting?.attendance?.present;
  if (speakers === undefined || present === undefined || speakers <= present) return [];
  return [
    make(
      ["meeting", "criticism", "speakers"],
      "speakers_over_present",
      `is ${speakers}, more than the ${present} members present (实到人数)`,
    ),
  ];
}

/** What each standard sentence needs, for the message when it is missing. */
const SENTENCE_NEEDS: Record<SentenceKind, string> = {
  meeting: "meeting.date and meeting.organizer (or signature)",
  agenda: "meeting.agenda",
  preparation: "meeting.preparation.talks or meeting.preparation.opinions",
  criticism: "meeting.criticism.speakers or meeting.criticism.criticisms",
  evaluation: "evaluation",
  rectification: "problems or rectification",
};

/** Every section with its path: preparation, organization, outcomes, sections[i]. */
function sectionsWithPaths(summary: MeetingSummary): [Section, IssuePath][] {
  return [
    [summary.preparation, ["preparation"]],
    [summary.organization, ["organization"]],
    [summary.outcomes, ["outcomes"]],
    ...(summary.sections ?? []).map((s, i): [Section, IssuePath] => [s, ["sections", i]]),
  ];
}

/** Every block in reading order, nested ones included, with its path. */
function blocksWithPaths(blocks: readonly Block[], path: IssuePath): [Block, IssuePath][] {
  return blocks.flatMap((block, i): [Block, IssuePath][] => {
    const here: IssuePath = [...path, i];
    const nested = typeof block === "object" && block.type === "item" && block.blocks;
    return [[block, here], ...(nested ? blocksWithPaths(nested, [...here, "blocks"]) : [])];
  });
}

function allBlocks(summary: MeetingSummary): [Block, IssuePath][] {
  return sectionsWithPaths(summary).flatMap(([s, path]) => blocksWithPaths(s.blocks, [...path, "blocks"]));
}

function generatedSentencesHaveFacts(summary: MeetingSummary): Issue[] {
  return allBlocks(summary).flatMap(([block, path]) => {
    if (typeof block !== "object" || block.type !== "generated") return [];
    if (standardSentence(block.kind, summary) !== "") return [];
    return [
      make(
        path,
        "missing_facts",
        `asks for the "${block.kind}" sentence, but the facts it is written from are missing: give ${SENTENCE_NEEDS[block.kind]}`,
      ),
    ];
  });
}

function attachmentTablesHaveData(summary: MeetingSummary): Issue[] {
  return (summary.attachments ?? []).flatMap((a, i) => {
    const path: IssuePath = ["attachments", i, "table"];
    if (a.table === AttachmentTable.Rectification && (summary.rectification ?? []).length === 0) {
      return [make(path, "missing_facts", 'is "rectification", but rectification (整改清单) has no entries')];
    }
    if (a.table === AttachmentTable.Evaluation && summary.evaluation === undefined) {
      return [make(path, "missing_facts", 'is "evaluation", but there is no evaluation (民主评议党员)')];
    }
    return [];
  });
}

function attachmentsHaveContent(summary: MeetingSummary): Issue[] {
  return (summary.attachments ?? []).flatMap((a, i) =>
    a.table === undefined && (a.paragraphs ?? []).length === 0
      ? [
          make(
            ["attachments", i],
            "empty_attachment",
            "has neither a table nor paragraphs: its page would be empty",
          ),
        ]
      : [],
  );
}

/** Every text of the body (导语, sections, 结束语) with its path. */
function bodyTexts(summary: MeetingSummary): [string, IssuePath][] {
  const out: [string, IssuePath][] = [];
  (summary.opening ?? []).forEach((t, i) => void out.push([t, ["opening", i]]));
  for (const [block, path] of allBlocks(summary)) {
    if (typeof block === "string") out.push([block, path]);
    else if (block.type === "paragraph") out.push([block.text, [...path, "text"]]);
    else if (block.type === "item" && block.text !== undefined) out.push([block.text, [...path, "text"]]);
    else if (block.type === "ordinals")
      block.items.forEach((t, j) => void out.push([t, [...path, "items", j]]));
  }
  (summary.closing ?? []).forEach((t, i) => void out.push([t, ["closing", i]]));
  return out;
}

/** "附件3" in the body must be one of the attachments: numbers run 1, 2, … with no gap. */
function attachmentReferencesExist(summary: MeetingSummary): Issue[] {
  const count = (summary.attachments ?? []).length;
  return bodyTexts(summary).flatMap(([text, path]) => {
    const numbers = [...text.matchAll(/附件\s*(\d+)/g)].map((m) => Number(m[1]));
    const missing = [...new Set(numbers.filter((n) => n < 1 || n > count))];
    return missing.map((n) =>
      make(
        path,
        "unknown_attachment",
        `refers to 附件${n}, but the summary has ${count === 0 ? "no attachments" : `attachments 1 to ${count} only`}`,
      ),
    );
  });
}

/** A number typed into a heading prints twice: 一、一、认真准备. */
const TYPED_NUMBER =
  /^\s*([一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]|[一二三四五六七八九十]+是)/;

function headingsWithoutNumbers(summary: MeetingSummary): Issue[] {
  const headings: [string, IssuePath][] = sectionsWithPaths(summary).map(([s, path]) => [
    s.heading,
    [...path, "heading"],
  ]);
  for (const [block, path] of allBlocks(summary)) {
    if (typeof block === "object" && block.type === "item")
      headings.push([block.heading, [...path, "heading"]]);
  }
  return headings.flatMap(([heading, path]) => {
    const typed = TYPED_NUMBER.exec(heading)?.[1];
    return typed === undefined
      ? []
      : [
          make(
            path,
            "typed_number",
            `starts with "${typed}": numbers are generated from the order, so it would print twice`,
          ),
        ];
  });
}

/** The consistency rules, in the order their findings are reported. */
export const CONSISTENCY_RULES: readonly ConsistencyRule[] = [
  { code: "attendance_mismatch", severity: Severity.Error, check: attendanceAddsUp },
  { code: "attendees_mismatch", severity: Severity.Error, check: attendeesMatchPresent },
  { code: "duplicate_name", severity: Severity.Warning, check: namesListedOnce },
  { code: "speakers_over_present", severity: Severity.Warning, check: speakersWerePresent },
  { code: "excellent_over_third", severity: Severity.Error, check: excellentAtMostOneThird },
  { code: "evaluation_count_mismatch", severity: Severity.Warning, check: evaluationCountsEveryone },
  { code: "report_before_meeting", severity: Severity.Error, check: reportNotBeforeMeeting },
  { code: "late_report", severity: Severity.Warning, check: democraticLifeReportedInTime },
  { code: "deadline_before_meeting", severity: Severity.Warning, check: deadlinesAfterMeeting },
  { code: "missing_facts", severity: Severity.Error, check: generatedSentencesHaveFacts },
  { code: "missing_facts", severity: Severity.Error, check: attachmentTablesHaveData },
  { code: "empty_attachment", severity: Severity.Error, check: attachmentsHaveContent },
  { code: "unknown_attachment", severity: Severity.Warning, check: attachmentReferencesExist },
  { code: "typed_number", severity: Severity.Warning, check: headingsWithoutNumbers },
];

/**
 * Runs the consistency rules on a summary that has passed the schema.
 * @param summary - a summary of the right shape (the schema has passed)
 * @returns the findings of the rules that are errors, and of those that are warnings
 * @example
 * checkConsistency(summary).errors[0]
 * //=> { path: ["meeting", "attendance"], code: "attendance_mismatch", message: "meeting.attendance (出席情况) does not add up: …" }
 */
export function checkConsistency(summary: MeetingSummary): { errors: Issue[]; warnings: Issue[] } {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  for (const rule of CONSISTENCY_RULES) {
    (rule.severity === Severity.Error ? errors : warnings).push(...rule.check(summary));
  }
  return { errors, warnings };
}
