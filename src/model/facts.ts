/**
 * The facts a clerk checks in a report besides its text: the preparation and criticism figures, the
 * results of 民主评议党员, the problems found and the rectification list (整改清单), the attachments (附件), and
 * the standard sentences the library can write from them. Every part is optional.
 */

/**
 * The standard sentences the library can write from the facts, placed by a `generated` block where the
 * user wants one (docs/facts.md gives the exact phrasing of each).
 */
export const SentenceKind = {
  /** 会议召开情况: date, organiser, place, kind, theme, host, attendance, supervisors. */
  Meeting: "meeting",
  /** 会议议程: "会议共有三项议程：一是……；二是……；三是……。" */
  Agenda: "agenda",
  /** 会前准备: 谈心谈话 人次, 征求意见 条. */
  Preparation: "preparation",
  /** 批评和自我批评: speakers and criticisms raised. */
  Criticism: "criticism",
  /** 民主评议党员 results. */
  Evaluation: "evaluation",
  /** 查摆问题 and 整改措施 counts. */
  Rectification: "rectification",
} as const;
export type SentenceKind = (typeof SentenceKind)[keyof typeof SentenceKind];

/**
 * A paragraph the library writes from the facts (see {@link SentenceKind}), exactly where this block
 * stands. Nothing is ever generated without one, so the user's own text always wins.
 */
export interface GeneratedBlock {
  type: "generated";
  /** Which standard sentence: `"meeting"`, `"agenda"`, `"preparation"`, `"criticism"`, `"evaluation"`, `"rectification"`. */
  kind: SentenceKind;
}

/** 会前准备 figures. */
export interface PreparationFacts {
  /** 谈心谈话人次: heart-to-heart talks held, counted per person and talk. */
  talks?: number;
  /** 征求意见条数: opinions and suggestions solicited. */
  opinions?: number;
}

/** 批评和自我批评 figures. */
export interface CriticismFacts {
  /** 发言人数: members who made a self-examination statement. */
  speakers?: number;
  /** 批评意见条数: criticisms raised between members. */
  criticisms?: number;
}

/** 民主评议党员 results: members graded in four grades; probationary members take part but are not graded. */
export interface Evaluation {
  /** 优秀: at most one third of those graded. */
  excellent: number;
  /** 合格. */
  qualified: number;
  /** 基本合格. */
  basicallyQualified: number;
  /** 不合格. */
  unqualified: number;
  /** 预备党员: took part, not graded (不确定等次). */
  probationary?: number;
}

/** Where a rectification measure stands (整改状态). */
export const RectificationStatus = {
  /** 已完成. */
  Done: "已完成",
  /** 整改中. */
  InProgress: "整改中",
  /** 长期坚持: a measure without an end. */
  Ongoing: "长期坚持",
} as const;
export type RectificationStatus = (typeof RectificationStatus)[keyof typeof RectificationStatus];

/** One line of the rectification list (整改清单). */
export interface RectificationItem {
  /** 存在问题. */
  problem: string;
  /** 整改措施. */
  measure: string;
  /** 责任人. */
  owner?: string;
  /** 完成时限: a real date (`"2026-03-31"` or a `Date`), printed 2026年3月31日. */
  deadline?: Date | string;
  /** 整改状态. */
  status?: RectificationStatus;
}

/** The tables an attachment can carry, built from the facts. */
export const AttachmentTable = {
  /** 整改清单: one row per entry of `rectification`. */
  Rectification: "rectification",
  /** 民主评议党员结果: one row per grade, from `evaluation`. */
  Evaluation: "evaluation",
} as const;
export type AttachmentTable = (typeof AttachmentTable)[keyof typeof AttachmentTable];

/**
 * An attachment (附件): listed in the 附件说明 after the body and printed on pages of its own after the
 * sign-off. Attachments are numbered by position; the title is printed in both places from this one field.
 */
export interface Attachment {
  /** 附件名称, without a number and without trailing punctuation: `"支部整改问题清单"`. A `"\n"` breaks it into lines on its page. */
  title: string;
  /** A table built from the facts. */
  table?: AttachmentTable;
  /** Body paragraphs printed below the title (before the table, when there is one). */
  paragraphs?: string[];
}
