/**
 * The MeetingSummary model: what a Party organisation's meeting summary report (组织生活会 / 民主生活会 /
 * 专题组织生活会 总结报告) carries. Numbers (一、（一）1.（1）一是) are never part of the text: they are
 * generated from the order of sections and items.
 */

// 红头文件 fields (document and minutes templates): see document-types.ts.
import type { DocumentInfo } from "./document-types.js";
import type {
  Attachment,
  CriticismFacts,
  Evaluation,
  GeneratedBlock,
  PreparationFacts,
  RectificationItem,
} from "./facts.js";

/**
 * A date: a `Date`, an ISO date string `"2026-01-05"`, or `{ text: "2026年*月*日" }` for a date not yet
 * known, printed exactly as given.
 */
export type DateInput = Date | string | LiteralDate;

/** A date kept as literal text, e.g. `{ text: "*月*日" }` while the day is not yet fixed. */
export interface LiteralDate {
  /** The text printed in place of the date. */
  text: string;
}

/** A plain body paragraph (正文段落). A bare string in `blocks` means the same. */
export interface ParagraphBlock {
  type: "paragraph";
  /** The paragraph's text, printed exactly as given. */
  text: string;
}

/**
 * A numbered item (条目): `（一）` directly in a section, `1.` inside a （一） item, `（1）` inside a 1. item.
 * With `text`, the heading runs in: `（一）认真组织动员。支部对……` — heading in 楷体, body in 仿宋, one paragraph
 * (a "。" is added to the heading when it ends without punctuation). Without `text`, the heading stands on
 * its own line.
 */
export interface ItemBlock {
  type: "item";
  /** 条目标题, without its number: `"认真组织动员"` or `"认真组织动员。"`. */
  heading: string;
  /** 正文: the body that follows the heading in the same paragraph. */
  text?: string;
  /** Further paragraphs, ordinals and sub-items (one level deeper) after the first paragraph. */
  blocks?: Block[];
  /**
   * The level to number this item at when a draft skips one: `3` prints `1.` directly in a section, `4`
   * prints `（1）` directly under a （一）. Never shallower than where the item stands; its sub-items go one
   * level deeper than this. Without it, the item takes its place's level.
   */
  level?: 2 | 3 | 4;
}

/** Ordinal paragraphs (一是…二是…三是…): one paragraph each, numbered 一是, 二是, … in order. */
export interface OrdinalsBlock {
  type: "ordinals";
  /** The text of each paragraph, without its 一是/二是. */
  items: string[];
}

/**
 * A block of a section: a paragraph (a string is shorthand for one), a numbered item, ordinals, or a
 * paragraph generated from the facts.
 */
export type Block = string | ParagraphBlock | ItemBlock | OrdinalsBlock | GeneratedBlock;

/** A numbered section 一、二、三、… */
export interface Section {
  /** 一级标题, without its number: `"认真准备，为开好组织生活会打牢基础"`. */
  heading: string;
  /** The section's content, in order. */
  blocks: Block[];
}

/** The kinds of meeting a summary reports on. */
export const MeetingKind = {
  /** 组织生活会 — a branch's regular organisational life meeting. */
  OrganizationalLife: "组织生活会",
  /** 民主生活会 — a leadership team's democratic life meeting. */
  DemocraticLife: "民主生活会",
  /** 专题组织生活会 — a themed organisational life meeting (e.g. on inspection rectification). */
  ThemedOrganizationalLife: "专题组织生活会",
  /** 专题民主生活会 — a themed democratic life meeting. */
  ThemedDemocraticLife: "专题民主生活会",
} as const;
export type MeetingKind = (typeof MeetingKind)[keyof typeof MeetingKind];

/** Someone from a higher body who attended to supervise (督导/指导) the meeting. */
export interface Supervisor {
  /** 单位: the body they came from, e.g. `"纪委"`, `"组织部"`, `"督导组"`. */
  organization: string;
  /** 姓名. */
  name?: string;
  /** 职务, e.g. `"副书记"`. */
  title?: string;
}

/** A person named in the attendance, with an optional reason (请假/缺席 原因). */
export interface AbsentMember {
  /** 姓名. */
  name: string;
  /** 原因, e.g. `"因公出差"`. */
  reason?: string;
}

/** A person who sat in on the meeting without being a member (列席). */
export interface Observer {
  /** 姓名. */
  name: string;
  /** 单位或职务, e.g. `"机关党委"`. */
  organization?: string;
}

/** 出席情况: who was due, who came, who was excused or absent, who sat in. */
export interface Attendance {
  /** 应到人数: members due to attend. */
  expected?: number;
  /** 实到人数: members present. */
  present?: number;
  /** 出席: the names of those present. */
  attendees?: string[];
  /** 请假: members excused, with their reasons. */
  onLeave?: AbsentMember[];
  /** 缺席: members absent without leave. */
  absent?: AbsentMember[];
  /** 列席: non-members who sat in. */
  observers?: Observer[];
}

/** Structured facts about the meeting (会议信息). All optional; templates can print them. */
export interface MeetingFacts {
  /** 会议类型. */
  kind?: MeetingKind;
  /** 会议主题, e.g. `"强化巡视整改落实，推动全面从严治党向纵深发展"`. */
  theme?: string;
  /** 会议日期. */
  date?: DateInput;
  /** 会议地点. */
  place?: string;
  /** 主持人. */
  host?: string;
  /** 指导人员: supervisors from 纪委, 组织部, 督导组 …. */
  supervisors?: Supervisor[];
  /** 会议议程: the agenda items, in order. */
  agenda?: string[];
  /** 出席情况. */
  attendance?: Attendance;
  /** 召开单位, e.g. `"机关第一党支部"`: the subject of the generated meeting sentence (default: `signature`). */
  organizer?: string;
  /** 记录人: who took the minutes, as a 纪要 or a meeting record names them. */
  recorder?: string;
  /** 会前准备 figures: 谈心谈话 人次, 征求意见 条. */
  preparation?: PreparationFacts;
  /** 批评和自我批评 figures: speakers, criticisms raised. */
  criticism?: CriticismFacts;
}

/** A meeting summary report (会议总结报告). */
export interface MeetingSummary {
  /** Optional JSON Schema reference for editors; ignored. */
  $schema?: string;
  /** 标题, e.g. `"巡视整改专题组织生活会总结报告"`. A "\n" breaks a long title into lines. */
  title: string;
  /** 主送机关, printed flush left with a trailing "：" (added when missing). */
  recipient?: string;
  /** 导语: the opening paragraphs before section 一. */
  opening?: string[];
  /** 一、会前准备: how the meeting was prepared (mobilisation, study, talks, opinions solicited). */
  preparation: Section;
  /** 二、会议召开: how the meeting was held (date, theme, host, agenda, criticism, comments). */
  organization: Section;
  /** 三、成效、问题与下一步: what was achieved, what falls short, the next steps. */
  outcomes: Section;
  /** 其他部分: further sections 四、五、… after the three. */
  sections?: Section[];
  /** 结束语: closing paragraphs after the last section. */
  closing?: string[];
  /** 发文机关署名: the signing organisation. */
  signature?: string;
  /** 成文日期, printed as `2026年1月5日`. */
  date?: DateInput;
  /** 会议信息: structured facts about the meeting. */
  meeting?: MeetingFacts;
  /** 民主评议党员 results. */
  evaluation?: Evaluation;
  /** 查摆问题: the problems found, one entry each. */
  problems?: string[];
  /** 整改清单: problem, measure, owner, deadline, status. */
  rectification?: RectificationItem[];
  /** 附件: listed after the body, printed on pages of their own after the sign-off. */
  attachments?: Attachment[];
  /** 红头文件: 发文机关标志, 发文字号, 签发人, 抄送, 印发 for the `document` and `minutes` templates. */
  document?: DocumentInfo;
}
