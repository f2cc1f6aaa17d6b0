import { isValid } from "date-fns/isValid";
import { parseISO } from "date-fns/parseISO";
import * as z from "zod";
import { AGENDA_TRAILING_PUNCTUATION, RECIPIENT_COLON } from "../format/punctuation.js";
import { documentInfoSchema } from "./document-schema.js";
import { AttachmentTable, RectificationStatus, SentenceKind } from "./facts.js";
import { fail } from "./issues.js";
import { Limits } from "./limits.js";
import { codePointName, findInvalidXmlChar, hasInvalidXmlChar, maySuspect } from "./text.js";
import type { Block, ItemBlock, MeetingSummary } from "./types.js";
import { MeetingKind } from "./types.js";

/*
 * One schema gives the runtime validation (with paths), the JSON Schema for non-TypeScript callers, and —
 * checked against the hand-written interfaces in types.ts, which carry the TSDoc — the TypeScript type.
 * Objects are strict: a misspelt field is an error, never text that silently goes missing.
 */

/** Whether `value` is a text the schema accepts: what {@link checkText} finds nothing wrong with. */
export function isText(value: string, multiline: boolean): boolean {
  // Most texts hold no control character, surrogate or line break at all: one scan tells.
  if (maySuspect(value) && (hasInvalidXmlChar(value) || (!multiline && /[\r\n]/.test(value)))) {
    return false;
  }
  return value.trim() !== "";
}

/** Whether `value` keeps some words once `trailing` is dropped: what {@link wordsBeyond} asks beyond a text. */
export function hasWordsBeyond(value: string, trailing: RegExp): boolean {
  return value.replace(trailing, "").trim() !== "";
}

function checkText(value: string, ctx: z.RefinementCtx, multiline: boolean): void {
  const bad = findInvalidXmlChar(value);
  if (bad) {
    fail(ctx, "invalid_character", { codePoint: codePointName(bad.char), position: bad.index + 1 }, value);
  }
  if (value.trim() === "") fail(ctx, "empty", {}, value);
  else if (!multiline && /[\r\n]/.test(value)) fail(ctx, "line_break", {}, value);
}

/** A non-empty single-paragraph text that a Word document can hold. */
const text = () => z.string().superRefine((value, ctx) => checkText(value, ctx, false));
/** Like {@link text}, but line breaks are allowed (a long title broken into lines). */
const multilineText = () => z.string().superRefine((value, ctx) => checkText(value, ctx, true));

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Years print as four digits at most, and there is no year 0: "0000-01-01" would print as 1年1月1日. */
function checkYear(day: Date, got: string, ctx: z.RefinementCtx): void {
  const year = day.getFullYear();
  if (year < 1 || year > 9999) {
    fail(ctx, "invalid_date.year", { got }, day);
  }
}

/** Whether a date's year prints: from 1 to 9999 (what {@link checkYear} asks). */
function printableYear(day: Date): boolean {
  const year = day.getFullYear();
  return year >= 1 && year <= 9999;
}

/** Whether `value` is a Date the schema accepts: a real time, in a year from 1 to 9999. */
export function isDayObject(value: Date): boolean {
  return isValid(value) && printableYear(value);
}

/** Whether `value` is a date text the schema accepts: "2026-01-05", a real day, in a year from 1 to 9999. */
export function isDayText(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const day = parseISO(value);
  return isValid(day) && printableYear(day);
}

function checkDateObject(value: Date, ctx: z.RefinementCtx): void {
  if (!isValid(value)) fail(ctx, "invalid_date.object", {}, value);
  else checkYear(value, value.toISOString(), ctx);
}

/**
 * A text that loses its trailing punctuation when printed (a recipient's "：", an agenda item's "。") must
 * keep some words, or its line prints as nothing ("一是；").
 */
const wordsBeyond = (trailing: RegExp) =>
  text().superRefine((value, ctx) => {
    if (value.trim() !== "" && value.replace(trailing, "").trim() === "") {
      fail(ctx, "only_punctuation", { got: JSON.stringify(value) }, value);
    }
  });

const literalDate = z
  .strictObject({ text: text().meta({ description: "The text printed in place of the date." }) })
  .meta({
    id: "LiteralDate",
    title: "LiteralDate",
    description: 'A date not yet known, printed as given, e.g. {"text": "*月*日"}.',
  });

const date = z
  .union([z.date(), z.string(), literalDate])
  .superRefine((value, ctx) => {
    if (value instanceof Date) checkDateObject(value, ctx);
    else if (typeof value === "string") {
      const real = ISO_DATE.test(value) && isValid(parseISO(value));
      if (!real) fail(ctx, "invalid_date", { got: value }, value);
      else checkYear(parseISO(value), JSON.stringify(value), ctx);
    }
  })
  .meta({
    id: "Date",
    title: "Date",
    description:
      'A date like "2026-01-05" (printed 2026年1月5日), or {"text": "…"} for a date not yet known.',
  });

/** A date that must be a real day: no literal text (a deadline is checked against the calendar). */
const realDate = z
  .union([z.date(), z.string()])
  .superRefine((value, ctx) => {
    if (value instanceof Date) checkDateObject(value, ctx);
    else if (!(ISO_DATE.test(value) && isValid(parseISO(value)))) {
      fail(ctx, "invalid_date.real", { got: value }, value);
    } else checkYear(parseISO(value), JSON.stringify(value), ctx);
  })
  .meta({ id: "RealDate", title: "RealDate", description: 'A real date like "2026-03-31".' });

const generated = z
  .strictObject({
    type: z.literal("generated"),
    kind: z.enum(SentenceKind).meta({ description: "Which standard sentence to write from the facts." }),
  })
  .meta({
    id: "GeneratedBlock",
    title: "GeneratedBlock",
    description: "A paragraph written from the facts in the standard phrasing (see docs/facts.md).",
  });

const paragraph = z
  .strictObject({ type: z.literal("paragraph"), text: text() })
  .meta({ id: "ParagraphBlock", title: "ParagraphBlock", description: "A plain body paragraph (正文段落)." });

const ordinals = z
  .strictObject({
    type: z.literal("ordinals"),
    items: z.array(text()).min(1).meta({ description: "Each paragraph's text, without 一是/二是." }),
  })
  .meta({
    id: "OrdinalsBlock",
    title: "OrdinalsBlock",
    description: "Ordinal paragraphs 一是…二是…, one paragraph each.",
  });

const item: z.ZodType<ItemBlock, ItemBlock> = z
  .strictObject({
    type: z.literal("item"),
    heading: text().meta({ description: "条目标题, without its number." }),
    text: text().optional().meta({ description: "条目正文, run in after the heading." }),
    get blocks() {
      return z.array(block).min(1).optional().meta({ description: "Further paragraphs and sub-items." });
    },
    level: z
      .union([z.literal(2), z.literal(3), z.literal(4)])
      .optional()
      .meta({
        description: "The level to number at when a level is skipped: 3 prints 1. directly in a section.",
      }),
  })
  .meta({
    id: "ItemBlock",
    title: "ItemBlock",
    description: "A numbered item （一）, 1. or （1）, by depth.",
  });

const block: z.ZodType<Block, Block> = z
  .union([text(), z.discriminatedUnion("type", [paragraph, item as never, ordinals, generated])])
  .meta({
    id: "Block",
    title: "Block",
    description: "A paragraph (a string), or an item, ordinals, paragraph or generated object.",
  });

/** Items go down to （1）: level 2 directly in a section, 3 and 4 nested inside. */
const DEEPEST_ITEM_LEVEL = 4;

function checkDepth(
  blocks: readonly Block[],
  level: number,
  path: (string | number)[],
  ctx: z.RefinementCtx,
) {
  blocks.forEach((b, i) => {
    if (typeof b !== "object" || b.type !== "item") return;
    if (level > DEEPEST_ITEM_LEVEL) {
      fail(ctx, "too_deep", {}, b, [...path, i]);
      return;
    }
    if (b.level !== undefined && b.level < level) {
      fail(ctx, "level_too_shallow", { level: b.level, at: level }, b.level, [...path, i, "level"]);
      return;
    }
    if (b.blocks) checkDepth(b.blocks, (b.level ?? level) + 1, [...path, i, "blocks"], ctx);
  });
}

const section = z
  .strictObject({
    heading: text().meta({ description: "一级标题, without its number." }),
    blocks: z.array(block).min(1).meta({ description: "The section's content, in order." }),
  })
  .superRefine((s, ctx) => checkDepth(s.blocks, 2, ["blocks"], ctx))
  .meta({ id: "Section", title: "Section", description: "A numbered section 一、二、三、…" });

const supervisor = z
  .strictObject({
    organization: text().meta({ description: "单位, e.g. 纪委, 组织部, 督导组." }),
    name: text().optional().meta({ description: "姓名." }),
    title: text().optional().meta({ description: "职务." }),
  })
  .meta({
    id: "Supervisor",
    title: "Supervisor",
    description: "指导人员: someone from a higher body who supervised the meeting.",
  });

/** A count of people or items: bounded, so that sums of counts stay exact (docs/model.md, "Limits"). */
const count = () => z.number().int().min(0).max(Limits.count);

const absentMember = z
  .strictObject({
    name: text().meta({ description: "姓名." }),
    reason: text().optional().meta({ description: "原因." }),
  })
  .meta({
    id: "AbsentMember",
    title: "AbsentMember",
    description: "A member excused or absent, with a reason.",
  });

const observer = z
  .strictObject({
    name: text().meta({ description: "姓名." }),
    organization: text().optional().meta({ description: "单位或职务." }),
  })
  .meta({ id: "Observer", title: "Observer", description: "列席: a non-member who sat in." });

const attendance = z
  .strictObject({
    expected: count().optional().meta({ description: "应到人数." }),
    present: count().optional().meta({ description: "实到人数." }),
    attendees: z.array(text()).optional().meta({ description: "出席: names of those present." }),
    onLeave: z.array(absentMember).optional().meta({ description: "请假." }),
    absent: z.array(absentMember).optional().meta({ description: "缺席." }),
    observers: z.array(observer).optional().meta({ description: "列席." }),
  })
  .meta({ id: "Attendance", title: "Attendance", description: "出席情况." });

const meetingFacts = z
  .strictObject({
    kind: z.enum(MeetingKind).optional().meta({ description: "会议类型." }),
    theme: text().optional().meta({ description: "会议主题." }),
    date: date.optional(),
    place: text().optional().meta({ description: "会议地点." }),
    host: text().optional().meta({ description: "主持人." }),
    supervisors: z.array(supervisor).optional().meta({ description: "指导人员." }),
    agenda: z
      .array(wordsBeyond(AGENDA_TRAILING_PUNCTUATION))
      .optional()
      .meta({ description: "会议议程, in order." }),
    attendance: attendance.optional(),
    organizer: text().optional().meta({ description: "召开单位 (default: signature)." }),
    recorder: text().optional().meta({ description: "记录人." }),
    preparation: z
      .strictObject({
        talks: count().optional().meta({ description: "谈心谈话人次." }),
        opinions: count().optional().meta({ description: "征求意见条数." }),
      })
      .optional()
      .meta({ id: "PreparationFacts", title: "PreparationFacts", description: "会前准备 figures." }),
    criticism: z
      .strictObject({
        speakers: count().optional().meta({ description: "发言人数." }),
        criticisms: count().optional().meta({ description: "批评意见条数." }),
      })
      .optional()
      .meta({ id: "CriticismFacts", title: "CriticismFacts", description: "批评和自我批评 figures." }),
  })
  .meta({
    id: "MeetingFacts",
    title: "MeetingFacts",
    description: "会议信息: structured facts about the meeting.",
  });

/* Facts: 民主评议党员, 查摆问题, 整改清单, 附件 (types and TSDoc in facts.ts). */

const evaluation = z
  .strictObject({
    excellent: count().meta({ description: "优秀." }),
    qualified: count().meta({ description: "合格." }),
    basicallyQualified: count().meta({ description: "基本合格." }),
    unqualified: count().meta({ description: "不合格." }),
    probationary: count().optional().meta({ description: "预备党员: took part, not graded." }),
  })
  .meta({ id: "Evaluation", title: "Evaluation", description: "民主评议党员 results." });

const rectificationItem = z
  .strictObject({
    problem: text().meta({ description: "存在问题." }),
    measure: text().meta({ description: "整改措施." }),
    owner: text().optional().meta({ description: "责任人." }),
    deadline: realDate.optional(),
    status: z.enum(RectificationStatus).optional().meta({ description: "整改状态." }),
  })
  .meta({ id: "RectificationItem", title: "RectificationItem", description: "One line of 整改清单." });

const attachment = z
  .strictObject({
    title: multilineText().meta({
      description:
        '附件名称, without number or trailing punctuation. A "\\n" breaks it into lines on its page.',
    }),
    table: z.enum(AttachmentTable).optional().meta({ description: "A table built from the facts." }),
    paragraphs: z.array(text()).optional().meta({ description: "Body paragraphs below the title." }),
  })
  .meta({
    id: "Attachment",
    title: "Attachment",
    description: "附件: listed after the body, printed after.",
  });

/** The zod schema of {@link MeetingSummary}. */
export const meetingSummarySchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: "A JSON Schema reference for editors; ignored." }),
    title: multilineText().meta({ description: '标题. A "\\n" breaks a long title into lines.' }),
    recipient: wordsBeyond(RECIPIENT_COLON)
      .optional()
      .meta({ description: "主送机关, printed with a trailing ：." }),
    opening: z.array(text()).optional().meta({ description: "导语 paragraphs." }),
    preparation: section.meta({ description: "一、会前准备." }),
    organization: section.meta({ description: "二、会议召开." }),
    outcomes: section.meta({ description: "三、成效、问题与下一步." }),
    sections: z.array(section).optional().meta({ description: "Further sections 四、五、…" }),
    closing: z.array(text()).optional().meta({ description: "结束语 paragraphs." }),
    signature: text().optional().meta({ description: "发文机关署名." }),
    date: date.optional(),
    meeting: meetingFacts.optional(),
    evaluation: evaluation.optional(),
    problems: z.array(text()).optional().meta({ description: "查摆问题." }),
    rectification: z.array(rectificationItem).optional().meta({ description: "整改清单." }),
    attachments: z.array(attachment).optional().meta({ description: "附件." }),
    // 红头文件 fields: document-schema.ts.
    document: documentInfoSchema(text, date).optional(),
  })
  .meta({ title: "MeetingSummary", description: "A Party organisation's meeting summary report." });

// The hand-written interfaces (with their TSDoc) and the schema must describe the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameSummary: Same<z.input<typeof meetingSummarySchema>, MeetingSummary> = true;
const sameOutput: Same<z.output<typeof meetingSummarySchema>, MeetingSummary> = true;
void [sameSummary, sameOutput];
