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
import { checkLocale, type Locale } from "../messages/catalogue.js";
import { AttachmentTable } from "./facts.js";
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
  /** The findings for a summary that has passed the schema, written in `locale` (default `"en"`). */
  check(summary: MeetingSummary, locale?: Locale): Issue[];
}

/** A 民主生活会 is reported to the higher committee within this many days of the meeting. */
export const DEMOCRATIC_LIFE_REPORT_DAYS = 15;

/** A date on the calendar, or undefined for literal text. */
function day(date: DateInput | undefined): Date | undefined {
  if (date === undefined) return undefined;
  if (date instanceof Date) return date;
  return typeof date === "string" ? parseISO(date) : undefined;
}

function attendanceAddsUp(summary: MeetingSummary, locale?: Locale): Issue[] {
  const a = summary.meeting?.attendance;
  if (a?.expected === undefined || a.present === undefined) return [];
  const onLeave = a.onLeave?.length ?? 0;
  const absent = a.absent?.length ?? 0;
  const sum = a.present + onLeave + absent;
  if (sum === a.expected) return [];
  const counts = { present: a.present, onLeave, absent, sum, expected: a.expected };
  return [make(["meeting", "attendance"], "attendance_mismatch", counts, locale)];
}

function attendeesMatchPresent(summary: MeetingSummary, locale?: Locale): Issue[] {
  const a = summary.meeting?.attendance;
  if (a?.attendees === undefined || a.present === undefined || a.attendees.length === a.present) return [];
  const counts = { listed: a.attendees.length, present: a.present };
  return [make(["meeting", "attendance", "attendees"], "attendees_mismatch", counts, locale)];
}

/** Two members may share a name, so a name listed twice is a warning, not an error. */
function namesListedOnce(summary: MeetingSummary, locale?: Locale): Issue[] {
  const a = summary.meeting?.attendance;
  if (a === undefined) return [];
  const seen = new Map<string, IssuePath>();
  const issues: Issue[] = [];
  const visit = (name: string, path: IssuePath) => {
    const first = seen.get(name);
    if (first === undefined) seen.set(name, path);
    else {
      issues.push(make(path, "duplicate_name", { name, other: formatPathShort(first) }, locale));
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

function excellentAtMostOneThird(summary: MeetingSummary, locale?: Locale): Issue[] {
  const e = summary.evaluation;
  if (e === undefined) return [];
  const graded = e.excellent + e.qualified + e.basicallyQualified + e.unqualified;
  if (e.excellent * 3 <= graded) return [];
  const counts = { excellent: e.excellent, graded, max: Math.floor(graded / 3) };
  return [make(["evaluation", "excellent"], "excellent_over_third", counts, locale)];
}

/** Every member is evaluated, those on leave included, so the evaluation usually counts everyone due. */
function evaluationCountsEveryone(summary: MeetingSummary, locale?: Locale): Issue[] {
  const e = summary.evaluation;
  const expected = summary.meeting?.attendance?.expected;
  if (e === undefined || expected === undefined) return [];
  const total = e.excellent + e.qualified + e.basicallyQualified + e.unqualified + (e.probationary ?? 0);
  if (total === expected) return [];
  return [make(["evaluation"], "evaluation_count_mismatch", { total, expected }, locale)];
}

function reportNotBeforeMeeting(summary: MeetingSummary, locale?: Locale): Issue[] {
  const report = day(summary.date);
  const meeting = day(summary.meeting?.date);
  if (!report || !meeting || differenceInCalendarDays(report, meeting) >= 0) return [];
  const dates = { report: formatChineseDate(report), meeting: formatChineseDate(meeting) };
  return [make(["date"], "report_before_meeting", dates, locale)];
}

function democraticLifeReportedInTime(summary: MeetingSummary, locale?: Locale): Issue[] {
  const kind = summary.meeting?.kind;
  if (kind !== MeetingKind.DemocraticLife && kind !== MeetingKind.ThemedDemocraticLife) return [];
  const report = day(summary.date);
  const meeting = day(summary.meeting?.date);
  if (!report || !meeting) return [];
  const days = differenceInCalendarDays(report, meeting);
  if (days <= DEMOCRATIC_LIFE_REPORT_DAYS) return [];
  const facts = { days, meeting: formatChineseDate(meeting), kind, limit: DEMOCRATIC_LIFE_REPORT_DAYS };
  return [make(["date"], "late_report", facts, locale)];
}

function deadlinesAfterMeeting(summary: MeetingSummary, locale?: Locale): Issue[] {
  const meeting = day(summary.meeting?.date);
  if (!meeting) return [];
  return (summary.rectification ?? []).flatMap((item, i) => {
    const deadline = day(item.deadline);
    if (!deadline || differenceInCalendarDays(deadline, meeting) >= 0) return [];
    const dates = { deadline: formatChineseDate(deadline), meeting: formatChineseDate(meeting) };
    return [make(["rectification", i, "deadline"], "deadline_before_meeting", dates, locale)];
  });
}

function speakersWerePresent(summary: MeetingSummary, locale?: Locale): Issue[] {
  const speakers = summary.meeting?.criticism?.speakers;
  const present = summary.meeting?.attendance?.present;
  if (speakers === undefined || present === undefined || speakers <= present) return [];
  return [make(["meeting", "criticism", "speakers"], "speakers_over_present", { speakers, present }, locale)];
}

/** Every section with its path: preparation, organization, outcomes, sections[i]. */
function sectionsWithPaths(summary: MeetingSummary): [Section, IssuePath][] {
  return [
    [summary.preparation, ["preparation"]],
    [summary.organization, ["organization"]],
    [summary.outcomes, ["outcomes"]],
    ...(summary.sections ?? []).map((s, i): [Section, IssuePath] => [s, ["sections", i]]),
  ];
}

/** A block and where it is: its list's path and its index there (its path, made only when asked). */
interface Placed {
  block: Block;
  list: IssuePath;
  index: number;
}

const pathOf = (placed: Placed, ...more: (string | number)[]): IssuePath => [
  ...placed.list,
  placed.index,
  ...more,
];

/** Every block in reading order, nested ones included, with where it is. */
function blocksIn(blocks: readonly Block[], list: IssuePath, out: Placed[]): Placed[] {
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index] as Block;
    out.push({ block, list, index });
    if (typeof block === "object" && block.type === "item" && block.blocks) {
      blocksIn(block.blocks, [...list, index, "blocks"], out);
    }
  }
  return out;
}

/** The blocks of the summary {@link checkConsistency} is checking: three rules walk them. */
let checking: { summary: MeetingSummary; blocks: Placed[] } | undefined;

function allBlocks(summary: MeetingSummary): Placed[] {
  if (checking?.summary === summary) return checking.blocks;
  const out: Placed[] = [];
  for (const [s, path] of sectionsWithPaths(summary)) blocksIn(s.blocks, [...path, "blocks"], out);
  return out;
}

function generatedSentencesHaveFacts(summary: MeetingSummary, locale?: Locale): Issue[] {
  const issues: Issue[] = [];
  for (const placed of allBlocks(summary)) {
    const { block } = placed;
    if (typeof block !== "object" || block.type !== "generated") continue;
    if (standardSentence(block.kind, summary) !== "") continue;
    issues.push(make(pathOf(placed), "missing_facts.sentence", { kind: block.kind }, locale));
  }
  return issues;
}

function attachmentTablesHaveData(summary: MeetingSummary, locale?: Locale): Issue[] {
  return (summary.attachments ?? []).flatMap((a, i) => {
    const path: IssuePath = ["attachments", i, "table"];
    if (a.table === AttachmentTable.Rectification && (summary.rectification ?? []).length === 0) {
      return [make(path, "missing_facts.rectificationTable", {}, locale)];
    }
    if (a.table === AttachmentTable.Evaluation && summary.evaluation === undefined) {
      return [make(path, "missing_facts.evaluationTable", {}, locale)];
    }
    return [];
  });
}

function attachmentsHaveContent(summary: MeetingSummary, locale?: Locale): Issue[] {
  return (summary.attachments ?? []).flatMap((a, i) =>
    a.table === undefined && (a.paragraphs ?? []).length === 0
      ? [make(["attachments", i], "empty_attachment", {}, locale)]
      : [],
  );
}

/** Calls `visit` with every text of the body (导语, sections, 结束语) and a function that makes its path. */
function eachBodyText(summary: MeetingSummary, visit: (text: string, path: () => IssuePath) => void): void {
  (summary.opening ?? []).forEach((t, i) => void visit(t, () => ["opening", i]));
  for (const placed of allBlocks(summary)) {
    const { block } = placed;
    if (typeof block === "string") visit(block, () => pathOf(placed));
    else if (block.type === "paragraph") visit(block.text, () => pathOf(placed, "text"));
    else if (block.type === "item" && block.text !== undefined)
      visit(block.text, () => pathOf(placed, "text"));
    else if (block.type === "ordinals")
      block.items.forEach((t, j) => void visit(t, () => pathOf(placed, "items", j)));
  }
  (summary.closing ?? []).forEach((t, i) => void visit(t, () => ["closing", i]));
}

/** "附件3" in the body must be one of the attachments: numbers run 1, 2, … with no gap. */
function attachmentReferencesExist(summary: MeetingSummary, locale?: Locale): Issue[] {
  const count = (summary.attachments ?? []).length;
  const issues: Issue[] = [];
  eachBodyText(summary, (text, pathOfText) => {
    if (!text.includes("附件")) return;
    const numbers = [...text.matchAll(/附件\s*(\d+)/g)].map((m) => Number(m[1]));
    const missing = [...new Set(numbers.filter((n) => n < 1 || n > count))];
    if (missing.length === 0) return;
    const path = pathOfText();
    for (const n of missing) issues.push(make(path, "unknown_attachment", { number: n, count }, locale));
  });
  return issues;
}

/** A number typed into a heading prints twice: 一、一、认真准备. */
const TYPED_NUMBER =
  /^\s*([一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]|[一二三四五六七八九十]+是)/;

function headingsWithoutNumbers(summary: MeetingSummary, locale?: Locale): Issue[] {
  const issues: Issue[] = [];
  const check = (heading: string, path: () => IssuePath) => {
    const typed = TYPED_NUMBER.exec(heading)?.[1];
    if (typed !== undefined) issues.push(make(path(), "typed_number", { typed }, locale));
  };
  for (const [s, path] of sectionsWithPaths(summary)) check(s.heading, () => [...path, "heading"]);
  for (const placed of allBlocks(summary)) {
    const { block } = placed;
    if (typeof block === "object" && block.type === "item")
      check(block.heading, () => pathOf(placed, "heading"));
  }
  return issues;
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
 * @param locale - the language of the messages (default `"en"`)
 * @throws RangeError for a `locale` that is not `"zh-CN"` or `"en"`
 * @returns the findings of the rules that are errors, and of those that are warnings
 * @example
 * checkConsistency(summary).errors[0]
 * //=> { path: ["meeting", "attendance"], code: "attendance_mismatch", message: "meeting.attendance (出席情况) does not add up: …" }
 */
export function checkConsistency(
  summary: MeetingSummary,
  locale?: Locale,
): { errors: Issue[]; warnings: Issue[] } {
  const language = checkLocale(locale, "locale");
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  // The rules that walk the blocks share one walk (the rules run one after the other, synchronously).
  checking = { summary, blocks: allBlocks(summary) };
  try {
    for (const rule of CONSISTENCY_RULES) {
      (rule.severity === Severity.Error ? errors : warnings).push(...rule.check(summary, language));
    }
  } finally {
    checking = undefined;
  }
  return { errors, warnings };
}
