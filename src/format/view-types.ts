/**
 * The data every template is rendered with: the tag vocabulary shared by the built-in templates and
 * users' own. Everything a template prints is computed here once (numbers like 一、 and （一）, dates like
 * 2026年1月5日); templates only place it. Renaming or removing a field is a breaking change.
 *
 * Tags read these fields by name, or by dotted path from an outer scope: `{title}`, `{meeting.kind}`,
 * `{#sections}{number}{heading}{/sections}`.
 */

import type { DocumentView } from "./document-view.js";

/** One paragraph-level block inside a section, flattened in reading order. */
export interface BlockView {
  /** A plain body paragraph (正文段落): print `{text}`. */
  isParagraph: boolean;
  /** A level-2 item （一）: print `{number}{heading}` in 楷体, then `{text}` in 仿宋, in one paragraph. */
  isLevel2: boolean;
  /** A level-3 item 1.: print `{number}{heading}` (仿宋, bold in the built-in template), then `{text}`. */
  isLevel3: boolean;
  /** A level-4 item （1）: print `{number}{heading}` then `{text}`, all 仿宋. */
  isLevel4: boolean;
  /** An ordinal paragraph 一是…: print `{number}{text}`. */
  isOrdinal: boolean;
  /** 2, 3 or 4 for items; 0 for paragraphs and ordinals. */
  level: number;
  /** The generated number: "（一）", "1.", "（1）", "一是"; "" for a plain paragraph. */
  number: string;
  /** The item heading as given, with "。" added when a body follows it on the same line; "" otherwise. */
  heading: string;
  /** The body text; "" for an item heading that stands on its own line. */
  text: string;
}

/** One numbered section 一、二、三、… */
export interface SectionView {
  /** "一、", "二、", … "十一、" */
  number: string;
  /** The heading text without its number. */
  heading: string;
  /** The section's blocks, nested items flattened in reading order. */
  blocks: BlockView[];
}

/** A plain paragraph outside sections (导语, 结束语). */
export interface ParagraphView {
  /** The paragraph's text, as given. */
  text: string;
}

/** The view data a template is rendered with. */
export interface SummaryView {
  /** 标题; may contain "\n" for a manual line break. */
  title: string;
  /** 主送机关 without the trailing "："; "" when there is none. */
  recipient: string;
  /** 导语 paragraphs. */
  opening: ParagraphView[];
  /** All sections in order: preparation, organization, outcomes, then any further ones. */
  sections: SectionView[];
  /** 结束语 paragraphs after the sections. */
  closing: ParagraphView[];
  /** 发文机关署名; "" when there is none. */
  signature: string;
  /** 成文日期 as printed ("2026年1月5日" or the literal text given); "" when there is none. */
  date: string;
  /**
   * The signature and date as ready-made paragraphs (raw WordprocessingML for a `{@signOff}` tag), placed
   * per GB/T 9704-2012 7.3.5.2: the indents depend on the lengths of both texts, which a template cannot
   * compute. "" when there is neither.
   */
  signOff: string;
  /** 会议信息. */
  meeting: MeetingView;
  /** 红头文件 版头 and 版记, the 纪要 mark (the `document` and `minutes` templates; see document-view.ts). */
  document: DocumentView;
}

/** A supervisor of the meeting, for templates. */
export interface SupervisorView {
  /** 单位, e.g. "纪委". */
  organization: string;
  /** 姓名; "" when not given. */
  name: string;
  /** 职务; "" when not given. */
  title: string;
}

/** 出席情况 for templates: counts as text ("" when not given) and names joined with "、". */
export interface AttendanceView {
  /** 应到人数, e.g. "23". */
  expected: string;
  /** 实到人数. */
  present: string;
  /** 出席: "张三、李四". */
  attendees: string;
  /** 请假 with reasons: "王五（因公出差）、赵六". */
  onLeave: string;
  /** The number excused, e.g. "2" ("" when none are listed). */
  onLeaveCount: string;
  /** 缺席 with reasons. */
  absent: string;
  /** 列席 with their organisations: "孙七（机关党委）". */
  observers: string;
}

/** 会议信息 for templates: every field is a string ("" when not given) or a list. */
export interface MeetingView {
  /** 会议类型, e.g. "专题组织生活会". */
  kind: string;
  /** 会议主题. */
  theme: string;
  /** 会议日期 as printed: "2026年1月15日". */
  date: string;
  /** 会议地点. */
  place: string;
  /** 主持人. */
  host: string;
  /** 指导人员. */
  supervisors: SupervisorView[];
  /** The supervisors' organisations joined with "、": "纪委、组织部". */
  supervisorOrganizations: string;
  /** 会议议程, each with its number "1", "2", …. */
  agenda: { number: string; text: string }[];
  /** 出席情况. */
  attendance: AttendanceView;
}
