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

/** The view data a template is rendered with (the facts and attachments: see {@link FactsAndAttachmentsView}). */
export interface SummaryView extends FactsAndAttachmentsView {
  /**
   * 标题 in the lines it prints in: as the summary gives it when it has a "\n" or fits on a line; otherwise
   * broken long over short between words (`titleLines` in src/format/title-lines.ts).
   */
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
  /** 召开单位 as given; "" when not given (the generated sentence falls back on the signature). */
  organizer: string;
  /** 记录人. */
  recorder: string;
  /** 指导人员. */
  supervisors: SupervisorView[];
  /** The supervisors' organisations joined with "、": "纪委、组织部". */
  supervisorOrganizations: string;
  /** 会议议程, each with its number "1", "2", …. */
  agenda: { number: string; text: string }[];
  /** 出席情况. */
  attendance: AttendanceView;
}

/*
 * Facts and attachments (附件): the figures as text, the standard sentences, and the rows of the tables an
 * attachment carries. Built by src/format/facts-view.ts.
 */

/** The standard sentences written from the facts (docs/facts.md), each "" when its facts are missing. */
export interface SentencesView {
  /** 会议召开情况: "2026年1月15日，…召开了…组织生活会，…应到党员23名，实到21名，…" */
  meeting: string;
  /** 会议议程: "会议共有三项议程：一是……；二是……；三是……。" */
  agenda: string;
  /** 会前准备: "会前，共开展谈心谈话86人次，征求意见建议25条。" */
  preparation: string;
  /** 批评和自我批评: "会上，21名同志逐一作对照检查发言，相互提出批评意见63条。" */
  criticism: string;
  /** 民主评议党员: "民主评议党员中，参加评议党员23名，评定优秀6名、…" */
  evaluation: string;
  /** 整改: "对照检查共查摆问题4个，制定整改措施4条，…" */
  rectification: string;
}

/** 民主评议党员 counts as text ("" without an evaluation). */
export interface EvaluationView {
  excellent: string;
  qualified: string;
  basicallyQualified: string;
  unqualified: string;
  /** 预备党员 (not graded); "0" when not given. */
  probationary: string;
  /** Those graded: 优秀 + 合格 + 基本合格 + 不合格. */
  graded: string;
  /** All who took part: graded + probationary. */
  total: string;
}

/** One row of the rectification table (整改清单). */
export interface RectificationRowView {
  /** 序号: "1", "2", … */
  number: string;
  /** 存在问题. */
  problem: string;
  /** 整改措施. */
  measure: string;
  /** 责任人; "" when not given. */
  owner: string;
  /** 完成时限 as printed: "2026年3月31日"; "" when not given. */
  deadline: string;
  /** 整改状态; "" when not given. */
  status: string;
}

/** One row of the evaluation table: a grade, its count and its share of those graded. */
export interface EvaluationRowView {
  /** "优秀", "合格", "基本合格", "不合格", "预备党员（不确定等次）", "合计". */
  grade: string;
  /** "6". */
  count: string;
  /** Share of those graded: "27.3%"; "—" for the probationary row. */
  share: string;
}

/** The facts for templates: figures as text ("" when not given), sentences, lists and table rows. */
export interface FactsView {
  /** The standard sentences, also placed by `generated` blocks. */
  sentences: SentencesView;
  /** 谈心谈话人次. */
  talks: string;
  /** 征求意见条数. */
  opinions: string;
  /** 发言人数. */
  speakers: string;
  /** 批评意见条数. */
  criticisms: string;
  /** 民主评议党员. */
  evaluation: EvaluationView;
  /** 查摆问题, each with its number "1", "2", …. */
  problems: { number: string; text: string }[];
  /** 整改清单 rows. */
  rectification: RectificationRowView[];
}

/**
 * An attachment (附件) for templates: one entry of the 附件说明 after the body, and one page (or more) after
 * the sign-off. The note and the page print the same `title`.
 */
export interface AttachmentView {
  /** "1", "2", …; "" when there is only one attachment (GB/T 9704: a single attachment is not numbered). */
  number: string;
  /** The mark on the attachment's first line: "附件1", or "附件" for a single attachment. */
  label: string;
  /** 附件名称 on one line, as the 附件说明 prints it (a "\n" in it left out). */
  title: string;
  /** 附件名称 in the lines the attachment's page prints: the summary's "\n", or broken like the title. */
  titleLines: string;
  /** The only attachment: its note line is "附件：{title}", no number. */
  isOnly: boolean;
  /** The first of several: its note line is "附件：1.{title}". */
  isFirst: boolean;
  /** The second and later: the note line "2.{title}" is aligned after "附件：". */
  isNotFirst: boolean;
  /** The number in the 附件说明: "1." ("" for a single attachment). */
  noteNumber: string;
  /** Paragraphs printed below the title. */
  paragraphs: ParagraphView[];
  /** The attachment carries the rectification table: print `rectificationRows`. */
  isRectification: boolean;
  /** The attachment carries the evaluation table: print `evaluationRows`. */
  isEvaluation: boolean;
  /** The rows of the rectification table ([] unless `isRectification`). */
  rectificationRows: RectificationRowView[];
  /** The rows of the evaluation table ([] unless `isEvaluation`). */
  evaluationRows: EvaluationRowView[];
}

/** What `toView` adds for the facts: `facts` and `attachments`. */
export interface FactsAndAttachmentsView {
  /** The facts, figures and standard sentences. */
  facts: FactsView;
  /** 附件, in order; [] when there are none. */
  attachments: AttachmentView[];
}
