/**
 * The recogniser: a draft's paragraphs (from any reader) → a `MeetingSummary`. It knows the genre — the
 * title, the 主送机关, the 一、（一）1.（1） outline, 一是 enumerations, the closing, the sign-off, the 附件 —
 * and never sees a file format.
 *
 * Text is sacred: the draft's own numbers are taken off (the library generates them) and checked; every
 * other character is kept, in order. Each decision that could be wrong is explained, each oddity of the
 * draft is a warning, and what cannot be placed is kept as a paragraph.
 */
import { InvalidDraftError, type Issue, type IssuePath } from "../errors/index.js";
import { evaluationRows } from "../format/facts-view.js";
import { itemNumber, ordinalLead, sectionNumber } from "../format/numbering.js";
import { type Locale, messageText } from "../messages/catalogue.js";
import type { DocumentInfo } from "../model/document-types.js";
import {
  type Attachment,
  type Evaluation,
  type RectificationItem,
  RectificationStatus,
} from "../model/facts.js";
import type {
  Attendance,
  Block,
  DateInput,
  ItemBlock,
  MeetingSummary,
  OrdinalsBlock,
  Section,
} from "../model/types.js";
import type { DraftParagraph, DraftReading, DraftSource } from "./draft.js";
import { ImportIssueCode, importMessages } from "./messages.js";

/** A warning or an explanation: an issue with the draft's line or paragraph it is about. */
export interface DraftIssue extends Issue {
  /** The draft's line (plain text, Markdown) or paragraph (Word) the issue is about. */
  source?: DraftSource;
}

/** What {@link recogniseDraft} returns. */
export interface Recognised {
  summary: MeetingSummary;
  /** What is wrong or doubtful in the draft: numbering that skips or repeats, what could not be placed. */
  warnings: DraftIssue[];
  /** Every decision taken: "line 2 taken as the 主送机关". */
  explanations: DraftIssue[];
}

// ---------------------------------------------------------------------------------------------------
// Numbers typed at the start of a paragraph

const CN_DIGIT: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 一 → 1, 十一 → 11, 二十 → 20, 一百零五 → 105; NaN for anything else. */
export function parseChineseNumeral(text: string): number {
  let total = 0;
  let digit = -1;
  for (const c of text) {
    if (c in CN_DIGIT) {
      digit = CN_DIGIT[c] as number;
    } else if (c === "十" || c === "百") {
      const unit = c === "十" ? 10 : 100;
      total += (digit < 0 ? 1 : digit) * unit;
      digit = -1;
    } else {
      return Number.NaN;
    }
  }
  if (digit > 0) total += digit;
  return total > 0 ? total : Number.NaN;
}

/** Full-width digits ０-９ as ASCII, for reading a number (the text itself is never changed). */
function asciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";
const CN = "一二三四五六七八九十百零〇";

/** A number typed at the start of a paragraph: its level (1 一、 … 4 （1）, 0 for 一是), value and the rest. */
export interface Lead {
  level: 0 | 1 | 2 | 3 | 4;
  n: number;
  /** The number as typed, e.g. "（一）", "1、". */
  typed: string;
  /** Whether the library prints it differently ("1、" → "1."). */
  restyled: boolean;
  /** The text after the number and the layout that follows it (a tab, spaces). */
  rest: string;
}

const LEADS: { level: Lead["level"]; pattern: RegExp; standard: RegExp; value: (m: string) => number }[] = [
  {
    level: 1,
    pattern: new RegExp(`^([${CN}]{1,3})[ \\t\\u3000]*[、．.](?![0-9０-９])[\\s\\u3000]*`),
    standard: /^[^、]+、$/,
    value: parseChineseNumeral,
  },
  {
    level: 2,
    pattern: new RegExp(`^[（(][ \\u3000]*([${CN}]{1,3})[ \\u3000]*[）)]、?[\\s\\u3000]*`),
    standard: /^（[^、]+）$/,
    value: parseChineseNumeral,
  },
  {
    level: 3,
    pattern: /^([0-9０-９]{1,3})[ \t\u3000]*[.．、](?![0-9０-９])[\s\u3000]*/,
    standard: /^\d+\.$/,
    value: (m) => Number(asciiDigits(m)),
  },
  {
    level: 4,
    pattern: /^[（(][ \u3000]*([0-9０-９]{1,3})[ \u3000]*[）)]、?[\s\u3000]*/,
    standard: /^（\d+）$/,
    value: (m) => Number(asciiDigits(m)),
  },
  {
    level: 4,
    pattern: new RegExp(`^([${CIRCLED}])[\\s\\u3000]*`),
    standard: /^$/,
    value: (m) => CIRCLED.indexOf(m) + 1,
  },
  {
    level: 0,
    pattern: /^([一二三四五六七八九十]{1,3})是(?![\s\u3000，,。：:、；;])/,
    standard: /^.+是$/,
    value: parseChineseNumeral,
  },
];

/** The number a paragraph starts with, if any. */
export function readLead(text: string): Lead | undefined {
  for (const { level, pattern, standard, value } of LEADS) {
    const m = pattern.exec(text);
    if (!m) continue;
    const n = value(m[1] as string);
    if (!Number.isFinite(n) || n < 1) continue;
    const typed = m[0].replace(/[\s\u3000]+$/, "");
    const rest = text.slice(m[0].length);
    // "一是" keeps its place only when something follows it.
    if (level === 0 && rest === "") continue;
    return { level, n, typed, restyled: !standard.test(typed), rest };
  }
  return undefined;
}

function printedNumber(level: Lead["level"], n: number): string {
  if (level === 0) return ordinalLead(n);
  if (level === 1) return sectionNumber(n);
  return itemNumber(level, n);
}

// ---------------------------------------------------------------------------------------------------
// Shapes of paragraphs

/** Punctuation a title, a signature or a heading line does not end with. */
const SENTENCE_END = /[。！？；，、：:;,!?…]$/;
/** 特此报告。 and its kin: the closing formulas of a report. */
const CLOSING =
  /^(?:特此(?:报告|请示|说明|通报|函告|函复|报送|汇报)|专此报告|妥否，?请(?:批示|指示|审示)|当否，?请(?:批示|指示)|以上报告，?请(?:审阅|审示|审定)|请予审(?:阅|示|定))[。！.]?$/;
/** A date line: 2026年1月18日, 二〇二六年一月十八日, *月*日, 2026年*月*日. */
const DATE_CHAR = "0-9０-９〇○零一二三四五六七八九十*＊×xX□";
const DATE_LINE = new RegExp(
  `^(?:[${DATE_CHAR}]{1,4}[ \\u3000]*年[ \\u3000]*)?[${DATE_CHAR}]{1,3}[ \\u3000]*月[ \\u3000]*[${DATE_CHAR}]{1,3}[ \\u3000]*日$`,
);
const ISO_LIKE = /^(\d{4})年([1-9]\d?)月([1-9]\d?)日$/;
/** The end of an organisation's name: a signature without a date still reads as one. */
const ORGANISATION =
  /(?:委员会|支部|总支|党委|党组|党工委|纪委|领导小组|办公室|工作组|督导组|小组|公司|集团|学校|医院|中心|局|厅|院|所|处|科|部|室|队|会)(?:（[^）]*）)?$/;
/** 附件说明: "附件：1.…" or "附件：…". */
const ATTACHMENT_NOTE = /^附[ \u3000]*件[ \u3000]*[:：][\s\u3000]*/;
/** An attachment page's mark: "附件", "附件1", "附件 2". */
const ATTACHMENT_MARK = /^附[ \u3000]*件[ \u3000]*([0-9０-９]{0,2})[:：]?$/;

/** A 版头's mark: "中共某某委员会文件", "中共某某委员会纪要", "会议纪要". */
const MARK = /^(.{0,40}?)(?:文件|纪要)$/;
/** A 发文字号, and the 签发人 an upward document prints beside it: "某支发〔2026〕5号　签发人：张某". */
const DOCUMENT_NUMBER = /^(\S*〔\d{4}〕\d+号)(?:[\s\u3000]*签发人[:：][\s\u3000]*(\S+))?$/;
/** The 版记's imprint: "中共某某支部委员会　2026年1月20日印发". */
const PRINTED = /^(\S.*?)[\s\u3000]+(\S+年\S+月\S+日)印发$/;
/** A 纪要's attendance line. */
const ATTENDANCE = /^(出席|请假|缺席|列席)[:：][\s\u3000]*(.+)$/;

function isDocumentNumber(p: DraftParagraph): boolean {
  return !p.table && DOCUMENT_NUMBER.test(p.text);
}

/** A title paragraph, perhaps of several lines (a Word title with a manual break). */
function isTitleParagraph(p: DraftParagraph): boolean {
  return (
    p.hints?.level === 0 ||
    (!p.table && p.text.split("\n").every((line) => isTitleLine({ ...p, text: line })))
  );
}

/** "2026年1月5日" → "2026-01-05"; undefined for a date that does not exist. */
function isoDate(text: string): string | undefined {
  const m = ISO_LIKE.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return undefined;
  return `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function isShortLine(text: string, max = 40): boolean {
  return text.length <= max && !text.includes("\n");
}

function isTitleLine(p: DraftParagraph): boolean {
  return (
    !p.table &&
    isShortLine(p.text, 50) &&
    !SENTENCE_END.test(p.text) &&
    !readLead(p.text) &&
    !DATE_LINE.test(p.text) &&
    !/^[（(]/.test(p.text) &&
    // "时间：2026年1月16日", "地点：…" under a 纪要's title are not the title's.
    !/[：:]/.test(p.text) &&
    p.hints?.level !== 1
  );
}

function isDate(p: DraftParagraph): boolean {
  return !p.table && DATE_LINE.test(p.text);
}

function isBracketed(p: DraftParagraph): boolean {
  return !p.table && /^[（(][^\n]*[）)]$/.test(p.text);
}

function isRecipient(p: DraftParagraph): boolean {
  return (
    !p.table &&
    /[:：]$/.test(p.text) &&
    isShortLine(p.text) &&
    !/[。，,；;！？]/.test(p.text) &&
    !readLead(p.text) &&
    !ATTACHMENT_NOTE.test(p.text)
  );
}

function isSignature(p: DraftParagraph): boolean {
  return (
    !p.table &&
    isShortLine(p.text) &&
    !SENTENCE_END.test(p.text) &&
    !/[。，；]/.test(p.text) &&
    !readLead(p.text) &&
    !/^[（(]/.test(p.text) &&
    !CLOSING.test(p.text)
  );
}

/** Whether a paragraph starts a section: 一、 typed, or a `##` / "Heading 1" heading without a number. */
function sectionLead(p: DraftParagraph): Lead | undefined {
  if (p.table) return undefined;
  const lead = readLead(p.text);
  if (lead?.level === 1) return lead;
  if (!lead && p.hints?.level === 1 && !ATTACHMENT_MARK.test(p.text)) {
    return { level: 1, n: Number.NaN, typed: "", restyled: false, rest: p.text };
  }
  return undefined;
}

/** The heading of a run-in item and its text: "认真组织动员。支部对……" → "认真组织动员", "支部对……". */
export function splitRunIn(rest: string): { heading: string; text?: string } {
  // The heading ends at its first full stop (within 40 characters) or colon (within 20), whichever comes first.
  const stop = /^([^。！？!?\n]{1,40}?[。！？!?])(.+)$/su.exec(rest);
  const colon = /^([^。！？!?：:\n]{1,20}[：:])(.+)$/su.exec(rest);
  const m =
    stop && colon
      ? (colon[1] as string).length < (stop[1] as string).length
        ? colon
        : stop
      : (stop ?? colon);
  if (!m) return { heading: rest };
  const heading = (m[1] as string).replace(/。$/, "");
  // A space after a run-in heading ("**认真学习。** 支部……" in Markdown) is layout: the heading and text join.
  const text = (m[2] as string).replace(/^[ \t\u3000]+/, "");
  return text === "" ? { heading: rest } : { heading, text };
}

// ---------------------------------------------------------------------------------------------------
// The recogniser

/** One entry of the 附件说明: its title and the paragraph it was typed on. */
interface Note {
  title: string;
  paragraph: DraftParagraph;
}

interface Container {
  blocks: Block[];
  path: IssuePath;
  /** 1 for a section; an item's printed level. */
  level: number;
  /** Items in this list so far. */
  items: number;
  /** How the container's own number reads, for messages. */
  number: string;
  item?: ItemBlock;
}

class Recogniser {
  readonly warnings: DraftIssue[] = [];
  readonly explanations: DraftIssue[] = [];
  constructor(
    public paragraphs: DraftParagraph[],
    readonly locale: Locale,
  ) {}

  private say(
    list: DraftIssue[],
    code: ImportIssueCode,
    params: Record<string, unknown>,
    path: IssuePath,
    source?: DraftSource,
  ): void {
    // biome-ignore lint/suspicious/noExplicitAny: each message takes its own parameters
    const message = messageText(importMessages[code] as any, params, this.locale);
    list.push(source ? { path, code, message, source } : { path, code, message });
  }
  explain(code: ImportIssueCode, params: Record<string, unknown>, path: IssuePath, source?: DraftSource) {
    this.say(this.explanations, code, params, path, source);
  }
  warn(code: ImportIssueCode, params: Record<string, unknown>, path: IssuePath, source?: DraftSource) {
    this.say(this.warnings, code, params, path, source);
  }
  fail(code: ImportIssueCode, params: Record<string, unknown>, source?: DraftSource): never {
    const list: DraftIssue[] = [];
    this.say(list, code, params, [], source);
    throw new InvalidDraftError(list, { locale: this.locale });
  }

  /** A table outside an attachment's rectification list: its cells, one paragraph each, never dropped. */
  cells(p: DraftParagraph, path: IssuePath): string[] {
    const cells = (p.table ?? []).flat().filter((c) => c.trim() !== "");
    this.warn(ImportIssueCode.TableAsParagraphs, { at: p.source, cells: cells.length }, path, p.source);
    return cells;
  }

  run(): MeetingSummary {
    if (this.paragraphs.length === 0) this.fail(ImportIssueCode.EmptyDraft, {});
    // A 红头文件's 版头 (发文机关标志, 发文字号) and 版记 (抄送, 印发), as the document and minutes templates print them.
    const head = this.readHead();
    const foot = head.document ? this.readFoot() : {};
    let ps = this.paragraphs;

    // Title: the first paragraph, and the short lines after it that read as its continuation.
    const first = ps[head.start] as DraftParagraph;
    if (sectionLead(first)) this.fail(ImportIssueCode.NoTitle, { at: first.source }, first.source);
    let i = head.start + 1;
    const titleLines = [first.text];
    while (i < ps.length && titleLines.length < 4) {
      const p = ps[i] as DraftParagraph;
      const sameMark = first.hints?.level === 0 ? p.hints?.level === 0 : p.hints?.level === undefined;
      const sameAlign = first.hints?.align === p.hints?.align;
      if (!isTitleLine(p) || !sameMark || !sameAlign || isRecipient(p)) break;
      titleLines.push(p.text);
      i++;
    }
    const title = titleLines.join("\n");
    this.explain(
      ImportIssueCode.Title,
      { from: first.source, to: (ps[i - 1] as DraftParagraph).source, lines: titleLines.length },
      ["title"],
      first.source,
    );
    if (!isTitleLine(first) && first.hints?.level !== 0) {
      this.warn(
        ImportIssueCode.DoubtfulTitle,
        { at: first.source, text: first.text },
        ["title"],
        first.source,
      );
    }
    const summary: Partial<MeetingSummary> & { title: string } = { title };
    if (head.document) summary.document = { ...head.document, ...foot };

    // Below the title, a manual line break (Word's Shift+Enter) cannot stay inside a paragraph of the model.
    this.paragraphs = [...ps.slice(0, i), ...ps.slice(i).flatMap((p) => this.splitBreaks(p))];
    ps = this.paragraphs;

    // 主送机关
    const maybeRecipient = ps[i];
    if (maybeRecipient && isRecipient(maybeRecipient)) {
      summary.recipient = maybeRecipient.text.replace(/[:：]$/, "");
      this.explain(
        ImportIssueCode.Recipient,
        { at: maybeRecipient.source, text: summary.recipient },
        ["recipient"],
        maybeRecipient.source,
      );
      i++;
    }

    // Where the sections start, where the attachment pages start.
    const firstSection = ps.findIndex((p, k) => k >= i && sectionLead(p) !== undefined);
    if (firstSection < 0) this.fail(ImportIssueCode.NoSections, {});
    let pagesStart = ps.findIndex(
      (p, k) => k > firstSection && !p.table && ATTACHMENT_MARK.test(p.text) && !ATTACHMENT_NOTE.test(p.text),
    );
    if (pagesStart < 0) pagesStart = ps.length;

    // 导语: everything between the recipient and 一、.
    const opening: string[] = [];
    for (let k = i; k < firstSection; k++) {
      const p = ps[k] as DraftParagraph;
      const path = ["opening", opening.length];
      if (p.table) {
        opening.push(...this.cells(p, path));
        continue;
      }
      const lead = readLead(p.text);
      if (lead && lead.level > 1) {
        this.warn(
          ImportIssueCode.NumberedOutsideSection,
          { at: p.source, typed: lead.typed },
          path,
          p.source,
        );
      }
      opening.push(p.text);
    }
    if (opening.length > 0) summary.opening = opening;

    // The tail: 附件说明, signature and date, between the body and the attachment pages.
    const lastSection = ps.reduce(
      (last, p, k) => (k < pagesStart && sectionLead(p) ? k : last),
      firstSection,
    );
    const tail = this.readTail(lastSection + 1, pagesStart);
    const bodyEnd = tail.start;

    // 结束语: the closing formulas at the body's end (特此报告。).
    let closingStart = bodyEnd;
    while (closingStart - 1 > lastSection) {
      const p = ps[closingStart - 1] as DraftParagraph;
      if (p.table || !CLOSING.test(p.text)) break;
      closingStart--;
    }
    const closing: string[] = [];
    for (let k = closingStart; k < bodyEnd; k++) {
      const p = ps[k] as DraftParagraph;
      this.explain(
        ImportIssueCode.Closing,
        { at: p.source, text: p.text },
        ["closing", closing.length],
        p.source,
      );
      closing.push(p.text);
    }
    for (const p of tail.unplaced) {
      this.warn(
        ImportIssueCode.Unplaced,
        { at: p.source, text: p.text },
        ["closing", closing.length],
        p.source,
      );
      if (p.table) closing.push(...this.cells(p, ["closing", closing.length]));
      else closing.push(p.text);
    }

    // The sections.
    const sections = this.readSections(firstSection, closingStart);
    if (sections.length < 3) this.fail(ImportIssueCode.TooFewSections, { count: sections.length });
    const [preparation, organization, outcomes, ...more] = sections as [
      Section,
      Section,
      Section,
      ...Section[],
    ];
    summary.preparation = preparation;
    summary.organization = organization;
    summary.outcomes = outcomes;
    if (more.length > 0) summary.sections = more;
    if (tail.signature !== undefined) summary.signature = tail.signature;
    if (tail.date !== undefined) summary.date = tail.date;

    // 附件; a 附件说明 line with no page to print is kept as typed, after the closing.
    const { attachments, unprinted } = this.readAttachments(tail.notes, tail.noteSource, pagesStart, summary);
    if (attachments.length > 0) summary.attachments = attachments;
    for (const p of unprinted) {
      this.warn(
        ImportIssueCode.NoteWithoutPage,
        { at: p.source, text: p.text },
        ["closing", closing.length],
        p.source,
      );
      closing.push(p.text);
    }
    if (closing.length > 0) summary.closing = closing;

    // In the model's order, for a JSON a person reads.
    const ordered: MeetingSummary = {
      title: summary.title,
      ...(summary.recipient !== undefined && { recipient: summary.recipient }),
      ...(summary.opening && { opening: summary.opening }),
      preparation,
      organization,
      outcomes,
      ...(summary.sections && { sections: summary.sections }),
      ...(summary.closing && { closing: summary.closing }),
      ...(summary.signature !== undefined && { signature: summary.signature }),
      ...(summary.date !== undefined && { date: summary.date }),
      ...(tail.attendance && { meeting: { attendance: tail.attendance } }),
      ...(summary.evaluation && { evaluation: summary.evaluation }),
      ...(summary.rectification && { rectification: summary.rectification }),
      ...(summary.attachments && { attachments: summary.attachments }),
      ...(summary.document && { document: summary.document }),
    };
    return ordered;
  }

  /** A paragraph with manual line breaks, as one paragraph a line (with a warning); others as they are. */
  splitBreaks(p: DraftParagraph): DraftParagraph[] {
    if (p.table || !p.text.includes("\n")) return [p];
    const lines = p.text.split("\n").filter((line) => line.trim() !== "");
    if (lines.length > 1)
      this.warn(ImportIssueCode.LineBreak, { at: p.source, lines: lines.length }, [], p.source);
    return lines.map((text) => ({ ...p, text }));
  }

  /**
   * The 版头 of a 红头文件 or 纪要 before the title: the mark ("中共某某委员会文件", "会议纪要") when a title or
   * a 发文字号 follows it, and the 发文字号 with its 签发人.
   */
  readHead(): { start: number; document?: DocumentInfo } {
    const ps = this.paragraphs;
    const [first, second] = ps;
    const mark = first && !first.table ? MARK.exec(first.text) : null;
    if (!first || !second || !mark || !(isDocumentNumber(second) || isTitleParagraph(second)))
      return { start: 0 };
    this.explain(
      ImportIssueCode.Mark,
      { at: first.source, text: first.text },
      ["document", "issuer"],
      first.source,
    );
    // "会议纪要" is what the minutes template prints for a summary without a 版头 of its own.
    const document: DocumentInfo | undefined =
      first.text === "会议纪要" ? undefined : { issuer: mark[1] as string };
    const number = DOCUMENT_NUMBER.exec(second.text);
    if (!number || second.table) return { start: 1, ...(document && { document }) };
    this.explain(
      ImportIssueCode.DocumentNumber,
      { at: second.source, text: second.text },
      ["document", "documentNumber"],
      second.source,
    );
    if (document) {
      document.documentNumber = number[1] as string;
      if (number[2]) {
        document.signer = number[2];
        document.direction = "upward";
      }
    }
    return { start: 2, ...(document && { document }) };
  }

  /**
   * A 版记 set as a table (as Word templates and the document template set it, its rows ruled): its rows
   * become the lines {@link readFoot} reads, each row's cells joined, a tab between 印发机关 and date kept.
   */
  unfoldColophonTable(): void {
    const last = this.paragraphs.at(-1);
    const rows = last?.table?.map((row) => row.filter((cell) => cell.trim() !== "").join("\t"));
    if (!last || !rows?.some((row) => PRINTED.test(row.trim()))) return;
    const lines = rows
      .filter((row) => row.trim() !== "")
      .map((row) => ({ text: row.trim(), source: last.source }));
    this.paragraphs = [...this.paragraphs.slice(0, -1), ...lines];
  }

  /** The 版记 at the draft's end: "抄送：…。" and "印发机关 2026年1月5日印发". Taken off the paragraphs. */
  readFoot(): Partial<DocumentInfo> {
    this.unfoldColophonTable();
    const ps = this.paragraphs;
    let end = ps.length;
    const foot: Partial<DocumentInfo> = {};
    const last = ps[end - 1];
    const printed = last && !last.table ? PRINTED.exec(last.text) : null;
    if (last && printed) {
      const when = printed[2] as string;
      foot.printer = printed[1] as string;
      foot.printDate = isoDate(when) ?? { text: when };
      this.explain(
        ImportIssueCode.Imprint,
        { at: last.source, text: last.text },
        ["document", "printer"],
        last.source,
      );
      end--;
    }
    const list = ps[end - 1];
    const label = ps[end - 2];
    let copies: string | undefined;
    let at: DraftSource | undefined;
    if (list && label && !label.table && /^抄[ \u3000]*送[:：]$/.test(label.text) && !list.table) {
      copies = list.text;
      at = label.source;
      end -= 2;
    } else if (list && !list.table && /^抄[ \u3000]*送[:：]./.test(list.text)) {
      copies = list.text.replace(/^抄[ \u3000]*送[:：][\s\u3000]*/, "");
      at = list.source;
      end -= 1;
    }
    if (copies !== undefined && at) {
      foot.copyTo = copies
        .replace(/[。.]$/, "")
        .split(/[，,、]/)
        .map((c) => c.trim())
        .filter((c) => c !== "");
      this.explain(ImportIssueCode.CopyTo, { at, count: foot.copyTo.length }, ["document", "copyTo"], at);
    }
    this.paragraphs = ps.slice(0, end);
    return foot;
  }

  /** 附件说明, signature and date in [from, to): where the body ends, and what stands among them. */
  readTail(
    from: number,
    to: number,
  ): {
    start: number;
    notes: Note[];
    noteSource?: DraftSource;
    signature?: string;
    date?: DateInput;
    attendance?: Attendance;
    unplaced: DraftParagraph[];
  } {
    const ps = this.paragraphs;
    const used = new Set<number>();
    // 出席/请假/缺席/列席 lines among the sign-off (a 纪要's attendance), read back into the meeting's facts.
    const attendance = this.readAttendance(from, to, used);
    // 附件说明: "附件：1.…" and the numbered lines under it.
    const notes: Note[] = [];
    let noteStart = -1;
    for (let k = to - 1; k >= from; k--) {
      const p = ps[k] as DraftParagraph;
      if (!p.table && ATTACHMENT_NOTE.test(p.text)) {
        noteStart = k;
        break;
      }
    }
    let noteSource: DraftSource | undefined;
    if (noteStart >= 0) {
      const p = ps[noteStart] as DraftParagraph;
      noteSource = p.source;
      used.add(noteStart);
      const rest = p.text.replace(ATTACHMENT_NOTE, "");
      const lead = readLead(rest);
      let expected = 1;
      if (rest !== "") {
        if (lead?.level === 3) {
          this.checkNumber(lead, expected, ["attachments", 0], p.source);
          expected++;
          notes.push({ title: lead.rest, paragraph: p });
        } else {
          notes.push({ title: rest, paragraph: p });
        }
      }
      for (let k = noteStart + 1; k < to && (rest === "" || lead?.level === 3); k++) {
        const q = ps[k] as DraftParagraph;
        const next = q.table ? undefined : readLead(q.text);
        if (next?.level !== 3) break;
        this.checkNumber(next, expected, ["attachments", notes.length], q.source);
        expected++;
        notes.push({ title: next.rest, paragraph: q });
        used.add(k);
      }
      this.explain(
        ImportIssueCode.AttachmentNote,
        { at: p.source, count: notes.length },
        ["attachments"],
        p.source,
      );
    }
    // Signature and date: the last paragraphs that are not the 附件说明.
    const rest = [];
    for (let k = from; k < to; k++) if (!used.has(k)) rest.push(k);
    let date: DateInput | undefined;
    let signature: string | undefined;
    let dateAt = -1;
    let signatureAt = -1;
    // A note in brackets under the date ("（联系人：张某，电话：…）") is not the sign-off's end.
    let end = rest.length;
    while (end > 1 && isBracketed(ps[rest[end - 1] as number] as DraftParagraph)) end--;
    const dated = (k: number | undefined) => k !== undefined && isDate(ps[k] as DraftParagraph);
    if (!dated(rest[end - 1])) end = rest.length;
    const last = rest[end - 1];
    if (last !== undefined) {
      const p = ps[last] as DraftParagraph;
      if (isDate(p)) {
        dateAt = last;
        date = this.readDate(p);
        const before = rest[end - 2];
        if (before !== undefined && isSignature(ps[before] as DraftParagraph)) signatureAt = before;
      } else if (isSignature(p) && ORGANISATION.test(p.text)) {
        signatureAt = last;
      }
    }
    if (signatureAt >= 0) {
      const p = ps[signatureAt] as DraftParagraph;
      signature = p.text;
      this.explain(ImportIssueCode.Signature, { at: p.source, text: p.text }, ["signature"], p.source);
    }
    const signOff = signatureAt >= 0 ? signatureAt : dateAt;
    const starts = [signOff, noteStart, ...used].filter((k) => k >= 0);
    const start = starts.length > 0 ? Math.min(...starts) : to;
    if (noteStart >= 0 && signOff >= 0 && noteStart > signOff) {
      this.explain(ImportIssueCode.NoteMoved, { at: noteSource }, ["attachments"], noteSource);
    }
    const unplaced = rest
      .filter((k) => k > start && k !== signatureAt && k !== dateAt)
      .map((k) => ps[k] as DraftParagraph);
    return {
      start,
      notes,
      ...(noteSource && { noteSource }),
      ...(signature !== undefined && { signature }),
      ...(date !== undefined && { date }),
      ...(attendance && { attendance }),
      unplaced,
    };
  }

  /**
   * The attendance lines at the end of the body (the minutes template prints them after it): only those
   * after the last paragraph of text, so a 出席 line in the body stays text.
   */
  readAttendance(from: number, to: number, used: Set<number>): Attendance | undefined {
    const ps = this.paragraphs;
    const lines: number[] = [];
    for (let k = to - 1; k >= from; k--) {
      const p = ps[k] as DraftParagraph;
      if (p.table) break;
      if (ATTENDANCE.test(p.text)) lines.unshift(k);
      else if (
        !(
          isDate(p) ||
          isSignature(p) ||
          isBracketed(p) ||
          ATTACHMENT_NOTE.test(p.text) ||
          readLead(p.text)?.level === 3
        )
      )
        break;
    }
    if (lines.length === 0) return undefined;
    const attendance: Attendance = {};
    const people = (text: string) =>
      text
        .split("、")
        .map((entry) => entry.trim())
        .filter((entry) => entry !== "")
        .map((entry) => {
          const m = /^(.+?)[（(](.+)[）)]$/.exec(entry);
          return m ? { name: m[1] as string, note: m[2] as string } : { name: entry };
        });
    for (const k of lines) {
      const p = ps[k] as DraftParagraph;
      const m = ATTENDANCE.exec(p.text) as RegExpExecArray;
      const list = people(m[2] as string);
      const kind = m[1] as string;
      if (kind === "出席")
        attendance.attendees = list.map((x) => (x.note ? `${x.name}（${x.note}）` : x.name));
      else if (kind === "列席")
        attendance.observers = list.map((x) =>
          x.note ? { name: x.name, organization: x.note } : { name: x.name },
        );
      else {
        const absent = list.map((x) => (x.note ? { name: x.name, reason: x.note } : { name: x.name }));
        if (kind === "请假") attendance.onLeave = absent;
        else attendance.absent = absent;
      }
      used.add(k);
      this.explain(ImportIssueCode.Attendance, { at: p.source, kind }, ["meeting", "attendance"], p.source);
    }
    return attendance;
  }

  readDate(p: DraftParagraph): DateInput {
    const iso = isoDate(p.text);
    if (iso) {
      this.explain(ImportIssueCode.Date, { at: p.source, text: p.text }, ["date"], p.source);
      return iso;
    }
    if (ISO_LIKE.test(p.text)) {
      this.warn(ImportIssueCode.InvalidDate, { at: p.source, text: p.text }, ["date"], p.source);
    } else {
      this.explain(ImportIssueCode.LiteralDate, { at: p.source, text: p.text }, ["date"], p.source);
    }
    return { text: p.text };
  }

  /** Warns when a typed number is not the one that comes next; the library prints the right one. */
  checkNumber(lead: Lead, expected: number, path: IssuePath, source: DraftSource): void {
    const printed = printedNumber(lead.level, expected);
    if (Number.isFinite(lead.n) && lead.n !== expected) {
      const code = lead.level === 0 ? ImportIssueCode.OrdinalOutOfOrder : ImportIssueCode.NumberOutOfOrder;
      this.warn(code, { at: source, typed: lead.typed, printed }, path, source);
    } else if (lead.restyled && lead.typed !== "") {
      this.explain(ImportIssueCode.NumberStyle, { at: source, typed: lead.typed, printed }, path, source);
    }
  }

  readSections(from: number, to: number): Section[] {
    const ps = this.paragraphs;
    const sections: (Section & { source: DraftSource })[] = [];
    const sectionPath = (index: number): IssuePath =>
      index < 3 ? [["preparation", "organization", "outcomes"][index] as string] : ["sections", index - 3];
    let stack: Container[] = [];
    let ordinals: { block: OrdinalsBlock; path: IssuePath; from: DraftSource; to: DraftSource } | undefined;
    const endOrdinals = () => {
      if (ordinals) {
        this.explain(
          ImportIssueCode.Ordinals,
          { from: ordinals.from, to: ordinals.to, count: ordinals.block.items.length },
          ordinals.path,
          ordinals.from,
        );
      }
      ordinals = undefined;
    };
    const top = () => stack[stack.length - 1] as Container;
    const push = (block: Block): IssuePath => {
      const container = top();
      container.blocks.push(block);
      if (container.item) container.item.blocks = container.blocks;
      return [...container.path, "blocks", container.blocks.length - 1];
    };

    for (let k = from; k < to; k++) {
      const p = ps[k] as DraftParagraph;
      const section = sectionLead(p);
      if (section) {
        endOrdinals();
        const index = sections.length;
        const path = sectionPath(index);
        if (section.typed !== "") this.checkNumber(section, index + 1, [...path, "heading"], p.source);
        let heading = section.rest;
        let firstParagraph: string | undefined;
        if (section.typed !== "") {
          const split = /^([^。！？!?\n]{1,40}?[。！？!?])(.+)$/su.exec(heading);
          if (split) {
            heading = split[1] as string;
            firstParagraph = split[2] as string;
            this.warn(
              ImportIssueCode.SectionRunIn,
              { at: p.source, heading },
              [...path, "heading"],
              p.source,
            );
          }
        }
        const created = { heading, blocks: [] as Block[], source: p.source };
        sections.push(created);
        this.explain(ImportIssueCode.Section, { at: p.source, index, heading }, path, p.source);
        stack = [{ blocks: created.blocks, path, level: 1, items: 0, number: section.typed || heading }];
        if (firstParagraph !== undefined) push(firstParagraph);
        continue;
      }
      if (p.table) {
        endOrdinals();
        for (const cell of this.cells(p, [...top().path, "blocks", top().blocks.length])) push(cell);
        continue;
      }
      let lead = readLead(p.text);
      if (!lead && p.hints?.level !== undefined && p.hints.level >= 2 && p.hints.level <= 4) {
        lead = { level: p.hints.level as 2 | 3 | 4, n: Number.NaN, typed: "", restyled: false, rest: p.text };
      }
      if (lead && lead.level === 0) {
        const expected = ordinals ? ordinals.block.items.length + 1 : 1;
        if (!ordinals) {
          const block: OrdinalsBlock = { type: "ordinals", items: [] };
          const path = push(block);
          ordinals = { block, path, from: p.source, to: p.source };
        }
        this.checkNumber(lead, expected, [...ordinals.path, "items", expected - 1], p.source);
        ordinals.block.items.push(lead.rest);
        ordinals.to = p.source;
        continue;
      }
      endOrdinals();
      if (lead && lead.level >= 2) {
        const level = lead.level as 2 | 3 | 4;
        while (stack.length > 1 && top().level >= level) stack.pop();
        const parent = top();
        const natural = parent.level + 1;
        let rest = lead.rest;
        if (rest === "" && k + 1 < to) {
          const next = ps[k + 1] as DraftParagraph;
          if (!next.table && !readLead(next.text) && !sectionLead(next)) {
            this.explain(ImportIssueCode.HeadingOnNextLine, { at: p.source }, parent.path, p.source);
            rest = next.text;
            k++;
          }
        }
        const { heading, text } = lead.typed === "" ? { heading: rest, text: undefined } : splitRunIn(rest);
        const item: ItemBlock = { type: "item", heading, ...(text !== undefined && { text }) };
        if (level > natural) item.level = level;
        const path = push(item);
        parent.items += 1;
        if (lead.typed !== "") this.checkNumber(lead, parent.items, [...path, "heading"], p.source);
        if (level > natural) {
          this.explain(
            ImportIssueCode.SkippedLevel,
            { at: p.source, typed: lead.typed || printedNumber(level, parent.items), parent: parent.number },
            [...path, "level"],
            p.source,
          );
        }
        if (text !== undefined) {
          this.explain(
            ImportIssueCode.RunInHeading,
            { at: p.source, heading },
            [...path, "heading"],
            p.source,
          );
        } else if (heading.length > 40) {
          this.warn(
            ImportIssueCode.LongHeading,
            { at: p.source, length: heading.length },
            [...path, "heading"],
            p.source,
          );
        }
        stack.push({
          blocks: [],
          path,
          level,
          items: 0,
          number: lead.typed || printedNumber(level, parent.items),
          item,
        });
        continue;
      }
      push(p.text);
    }
    endOrdinals();
    for (const [index, s] of sections.entries()) {
      if (s.blocks.length === 0) {
        this.warn(
          ImportIssueCode.EmptySection,
          { at: s.source, heading: s.heading },
          [...sectionPath(index), "blocks"],
          s.source,
        );
      }
    }
    return sections.map(({ heading, blocks }) => ({ heading, blocks }));
  }

  readAttachments(
    notes: Note[],
    noteSource: DraftSource | undefined,
    from: number,
    summary: Partial<MeetingSummary>,
  ): { attachments: Attachment[]; unprinted: DraftParagraph[] } {
    const ps = this.paragraphs;
    const pages: (Attachment & { source: DraftSource })[] = [];
    let current: (Attachment & { source: DraftSource }) | undefined;
    for (let k = from; k < ps.length; k++) {
      const p = ps[k] as DraftParagraph;
      const path: IssuePath = ["attachments", Math.max(0, pages.length - 1)];
      if (!p.table && ATTACHMENT_MARK.test(p.text)) {
        const titleParagraph = ps[k + 1];
        let title =
          titleParagraph && !titleParagraph.table && !ATTACHMENT_MARK.test(titleParagraph.text)
            ? titleParagraph.text
            : "";
        // A title set on two or more lines (long over short): the lines that make up the 附件说明's title.
        const noted = notes[pages.length]?.title.replace(/[。；;，,]$/, "");
        let lines = 1;
        while (
          noted &&
          title !== "" &&
          noted !== title.replace(/\n/g, "") &&
          noted.startsWith(title.replace(/\n/g, ""))
        ) {
          const next = ps[k + 1 + lines];
          if (!next || next.table || !noted.startsWith(title.replace(/\n/g, "") + next.text)) break;
          title = `${title}\n${next.text}`;
          lines++;
        }
        if (lines > 1 && noted !== title.replace(/\n/g, "")) {
          title = titleParagraph?.text ?? "";
          lines = 1;
        }
        current = { title: title.replace(/[。；;，,]$/, ""), source: p.source };
        pages.push(current);
        this.explain(
          ImportIssueCode.AttachmentPage,
          { at: p.source, number: pages.length, title: current.title },
          ["attachments", pages.length - 1],
          p.source,
        );
        if (title !== "") k += lines;
        continue;
      }
      if (!current) continue;
      if (p.table) {
        const evaluation = summary.evaluation || current.table ? undefined : evaluationTable(p.table);
        const rows = summary.rectification ? undefined : rectificationRows(p.table);
        if (evaluation) {
          summary.evaluation = evaluation;
          current.table = "evaluation";
          this.explain(ImportIssueCode.EvaluationTable, { at: p.source }, [...path, "table"], p.source);
        } else if (rows && !current.table) {
          summary.rectification = rows;
          current.table = "rectification";
          this.explain(
            ImportIssueCode.RectificationTable,
            { at: p.source, rows: rows.length },
            [...path, "table"],
            p.source,
          );
        } else {
          const cells = this.cells(p, [...path, "paragraphs"]);
          current.paragraphs = [...(current.paragraphs ?? []), ...cells];
        }
        continue;
      }
      current.paragraphs = [...(current.paragraphs ?? []), p.text];
    }
    const at = noteSource ?? pages[0]?.source;
    if (notes.length > 0 && pages.length > 0 && notes.length !== pages.length && at) {
      this.warn(
        ImportIssueCode.AttachmentCountMismatch,
        { at, notes: notes.length, pages: pages.length },
        ["attachments"],
        at,
      );
    }
    // An attachment is printed on a page of its own, so a 附件说明 line without a page stays a paragraph.
    if (pages.length === 0) {
      return { attachments: [], unprinted: [...new Set(notes.map((n) => n.paragraph))] };
    }
    const attachments: Attachment[] = [];
    for (const [n, page] of pages.entries()) {
      const note = notes[n]?.title.replace(/[。；;，,]$/, "");
      const { source, ...attachment } = page;
      if (attachment.title === "" && note) attachment.title = note;
      if (note !== undefined && attachment.title !== note && noteSource) {
        this.warn(
          ImportIssueCode.AttachmentTitleMismatch,
          { at: source, number: n + 1, note, page: attachment.title },
          ["attachments", n, "title"],
          source,
        );
      }
      attachments.push(attachment);
    }
    const unprinted = notes.slice(pages.length).map((n) => n.paragraph);
    return { attachments, unprinted: [...new Set(unprinted)] };
  }
}

/** Column names of a 整改清单 as clerks type them, for each field. */
const RECTIFICATION_COLUMNS: [keyof RectificationItem | "serial", RegExp][] = [
  ["serial", /^(序号|编号|序)$/],
  ["problem", /问题/],
  ["measure", /措施/],
  ["owner", /责任(人|领导|部门|单位)?$/],
  ["deadline", /时限|时间|期限/],
  ["status", /状态|进展|完成情况/],
];

const STATUSES = new Set<string>(Object.values(RectificationStatus));

/** A table as a 整改清单, when its header names the columns and every cell fits; undefined otherwise. */
function rectificationRows(table: string[][]): RectificationItem[] | undefined {
  const [header, ...rows] = table;
  if (!header || rows.length === 0) return undefined;
  const fields = header.map(
    (cell) => RECTIFICATION_COLUMNS.find(([, re]) => re.test(cell.replace(/\s/g, "")))?.[0],
  );
  if (fields.some((f) => f === undefined) || !fields.includes("problem") || !fields.includes("measure"))
    return undefined;
  const items: RectificationItem[] = [];
  for (const [r, row] of rows.entries()) {
    const item: Partial<RectificationItem> = {};
    for (const [c, field] of fields.entries()) {
      const cell = row[c] ?? "";
      if (field === "serial") {
        if (cell !== String(r + 1)) return undefined;
      } else if (field === "deadline") {
        if (cell === "") continue;
        const iso = isoDate(cell);
        if (!iso) return undefined;
        item.deadline = iso;
      } else if (field === "status") {
        if (cell === "") continue;
        if (!STATUSES.has(cell)) return undefined;
        item.status = cell as RectificationStatus;
      } else if (field !== undefined) {
        if (cell === "" && field !== "owner") return undefined;
        if (cell !== "") item[field] = cell;
      }
    }
    items.push(item as RectificationItem);
  }
  return items;
}

/** Issues in the order of the draft's lines (a stable sort: one line's issues keep their order). */
function inDraftOrder(issues: DraftIssue[]): DraftIssue[] {
  const position = (i: DraftIssue) =>
    i.source === undefined ? 0 : "line" in i.source ? i.source.line : i.source.paragraph;
  return issues
    .map((issue, index) => ({ issue, index }))
    .sort((a, b) => position(a.issue) - position(b.issue) || a.index - b.index)
    .map(({ issue }) => issue);
}

const EVALUATION_HEADER = ["评议等次", "人数", "占评定等次党员比例"];
const GRADES: [string, keyof Evaluation][] = [
  ["优秀", "excellent"],
  ["合格", "qualified"],
  ["基本合格", "basicallyQualified"],
  ["不合格", "unqualified"],
  ["预备党员（不确定等次）", "probationary"],
];

/**
 * A 民主评议党员结果 table as the facts it was printed from, when it is exactly the table the library prints
 * from them (every grade, count, share and the total); undefined otherwise, so no text changes.
 */
function evaluationTable(table: string[][]): Evaluation | undefined {
  const [header, ...rows] = table;
  if (!header || header.join("|") !== EVALUATION_HEADER.join("|")) return undefined;
  const evaluation: Evaluation = { excellent: 0, qualified: 0, basicallyQualified: 0, unqualified: 0 };
  for (const row of rows) {
    const field = GRADES.find(([grade]) => grade === row[0])?.[1];
    if (field && /^\d+$/.test(row[1] ?? "")) evaluation[field] = Number(row[1]);
  }
  const printed = evaluationRows(evaluation).map((r) => [r.grade, r.count, r.share]);
  return JSON.stringify(printed) === JSON.stringify(rows) ? evaluation : undefined;
}

/**
 * A draft's paragraphs → a summary, with the warnings and the decisions taken.
 * @param reading - what a reader (plain text, Markdown, .docx) made of the draft
 * @param locale - the language of the messages
 * @throws {@link InvalidDraftError} (`invalid_draft`) for a draft with no text, no title, or fewer than
 *   three 一、 sections
 */
export function recogniseDraft(reading: DraftReading, locale: Locale): Recognised {
  const paragraphs = reading.paragraphs.filter((p) =>
    p.table ? p.table.some((row) => row.some((c) => c.trim() !== "")) : p.text.trim() !== "",
  );
  const recogniser = new Recogniser(paragraphs, locale);
  const summary = recogniser.run();
  return {
    summary,
    warnings: inDraftOrder(recogniser.warnings),
    explanations: inDraftOrder(recogniser.explanations),
  };
}
