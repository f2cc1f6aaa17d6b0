import { GRID } from "../layout/gbt9704.js";
import { signOffXml } from "../layout/sign-off.js";
import type { Attendance, Block, ItemBlock, MeetingFacts, MeetingSummary, Section } from "../model/types.js";
import { normalizeLineBreaks } from "../text/line-breaks.js";
import { formatChineseDate } from "./date.js";
import { documentView } from "./document-view.js";
import { factsAndAttachmentsView } from "./facts-view.js";
import { itemNumber, ordinalLead, sectionNumber } from "./numbering.js";
import { RECIPIENT_COLON } from "./punctuation.js";
import { expandGenerated } from "./sentences.js";
import { titleLines } from "./title-lines.js";
import type { AttendanceView, BlockView, MeetingView, SectionView, SummaryView } from "./view-types.js";

/** Punctuation that may end a run-in heading; anything else gets a "。" before the body. */
const HEADING_END = /[。！？；：，、…!?;:,.．]$/;

const EMPTY_BLOCK: BlockView = {
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

function paragraphView(text: string): BlockView {
  return { ...EMPTY_BLOCK, isParagraph: true, text };
}

function itemView(item: ItemBlock, level: 2 | 3 | 4, position: number): BlockView {
  const text = item.text ?? "";
  const heading = text !== "" && !HEADING_END.test(item.heading) ? `${item.heading}。` : item.heading;
  return {
    ...EMPTY_BLOCK,
    isLevel2: level === 2,
    isLevel3: level === 3,
    isLevel4: level === 4,
    level,
    number: itemNumber(level, position),
    heading,
    text,
  };
}

/** Blocks in reading order, nested items flattened after their parent; items numbered per list. */
function blockViews(blocks: readonly Block[], level: 2 | 3 | 4, out: BlockView[] = []): BlockView[] {
  let position = 0;
  for (const block of blocks) {
    if (typeof block === "string") {
      out.push(paragraphView(block));
    } else if (block.type === "paragraph") {
      out.push(paragraphView(block.text));
    } else if (block.type === "ordinals") {
      block.items.forEach((text, i) => {
        out.push({ ...EMPTY_BLOCK, isOrdinal: true, number: ordinalLead(i + 1), text });
      });
    } else if (block.type === "item") {
      position += 1;
      // A draft may skip a level (1. straight under 一、): the item then says which level it is.
      const own = Math.max(level, block.level ?? level) as 2 | 3 | 4;
      out.push(itemView(block, own, position));
      // Validation caps nesting at level 4, so a deeper level is never reached.
      if (block.blocks) blockViews(block.blocks, Math.min(own + 1, 4) as 3 | 4, out);
    }
  }
  return out;
}

function sectionView(section: Section, index: number): SectionView {
  return {
    number: sectionNumber(index + 1),
    heading: section.heading,
    blocks: blockViews(section.blocks, 2),
  };
}

/** "王五（因公出差）、赵六" */
function namesWithNotes(people: readonly { name: string; note?: string | undefined }[]): string {
  return people.map((p) => (p.note ? `${p.name}（${p.note}）` : p.name)).join("、");
}

function attendanceView(attendance: Attendance = {}): AttendanceView {
  const onLeave = attendance.onLeave ?? [];
  return {
    expected: attendance.expected === undefined ? "" : String(attendance.expected),
    present: attendance.present === undefined ? "" : String(attendance.present),
    attendees: (attendance.attendees ?? []).join("、"),
    onLeave: namesWithNotes(onLeave.map((m) => ({ name: m.name, note: m.reason }))),
    onLeaveCount: onLeave.length === 0 ? "" : String(onLeave.length),
    absent: namesWithNotes((attendance.absent ?? []).map((m) => ({ name: m.name, note: m.reason }))),
    observers: namesWithNotes(
      (attendance.observers ?? []).map((o) => ({ name: o.name, note: o.organization })),
    ),
  };
}

function meetingView(facts: MeetingFacts = {}): MeetingView {
  const supervisors = (facts.supervisors ?? []).map((s) => ({
    organization: s.organization,
    name: s.name ?? "",
    title: s.title ?? "",
  }));
  return {
    kind: facts.kind ?? "",
    theme: facts.theme ?? "",
    date: facts.date === undefined ? "" : formatChineseDate(facts.date),
    place: facts.place ?? "",
    host: facts.host ?? "",
    organizer: facts.organizer ?? "",
    recorder: facts.recorder ?? "",
    supervisors,
    supervisorOrganizations: [...new Set(supervisors.map((s) => s.organization))].join("、"),
    agenda: (facts.agenda ?? []).map((text, i) => ({ number: String(i + 1), text })),
    attendance: attendanceView(facts.attendance),
  };
}

/** Options of {@link toView}. */
export interface ViewOptions {
  /**
   * The template's line pitch in twips (default 579, GB/T 9704's 28.95 pt). The blank lines above the
   * sign-off (`signOff`, `document.signOff`) are whole lines of it, so the sign-off stays on the template's
   * line grid. `renderSummary` passes a built-in template's own.
   */
  linePitch?: number;
}

/**
 * The view data a template is rendered with: every number, date and derived text computed once.
 * Expects a validated summary (see `parseSummary`).
 * @param summary - a validated summary
 * @param options - {@link ViewOptions}: the template's line pitch
 * @throws RangeError when `linePitch` is not a whole number of twips from 240 to 1440 (12 to 72 pt)
 * @example
 * toView(summary).sections[0].number //=> "一、"
 * toView(summary).sections[0].blocks[0].number //=> "（一）"
 * toView(summary, { linePitch: 637 }).signOff //=> '<w:p>…<w:spacing w:before="637"/>…'
 */
export function toView(summary: MeetingSummary, options: ViewOptions = {}): SummaryView {
  const { linePitch = GRID.linePitch } = options;
  if (!Number.isInteger(linePitch) || linePitch < 240 || linePitch > 1440) {
    throw new RangeError(
      `options.linePitch must be a whole number of twips from 240 to 1440 (got ${String(linePitch)})`,
    );
  }
  const signature = summary.signature ?? "";
  const date = summary.date === undefined ? "" : formatChineseDate(summary.date);
  const sections = [summary.preparation, summary.organization, summary.outcomes, ...(summary.sections ?? [])];
  return {
    title: titleLines(normalizeLineBreaks(summary.title)),
    recipient: (summary.recipient ?? "").replace(RECIPIENT_COLON, ""),
    opening: (summary.opening ?? []).map((text) => ({ text })),
    sections: sections.map((s) => expandGenerated(s, summary)).map(sectionView),
    closing: (summary.closing ?? []).map((text) => ({ text })),
    signature,
    date,
    signOff: signOffXml(signature, date, linePitch),
    meeting: meetingView(summary.meeting),
    ...factsAndAttachmentsView(summary),
    document: documentView(summary, { signature, date, linePitch }),
  };
}
