/**
 * The style ids of the built-in report template. Users editing the template in Word see the names; the
 * ids are what `signOffXml` and custom templates refer to, so renaming one is a breaking change.
 */
export const ReportStyle = {
  /** 标题: 2号 方正小标宋简体, centred. */
  title: "GwTitle",
  /** 主送机关: 3号 仿宋, flush left. */
  recipient: "GwRecipient",
  /** 正文: 3号 仿宋, justified, first line indented 2 characters. */
  body: "GwBody",
  /** 一级标题 一、: 3号 黑体, outline level 1. */
  heading1: "GwHeading1",
  /** A paragraph led by a level-2 run-in heading （一）: like GwBody, outline level 2. */
  heading2: "GwHeading2",
  /** 发文机关署名: 3号 仿宋, right-aligned (indents come with the sign-off XML). */
  signature: "GwSignature",
  /** 成文日期: 3号 仿宋, right-aligned. */
  date: "GwDate",
  /** 页码 "— 1 —": 4号 宋体. */
  pageNumber: "GwPageNumber",
  /** Text in the attachment tables: 4号, at least 20 pt a line, off the line grid. */
  tableText: "GwTableText",
} as const;

/** Character styles for run-in headings, the start of a body paragraph. */
export const ReportCharacterStyle = {
  /** （一）认真组织动员。 in 3号 楷体_GB2312. */
  runIn2: "GwRunIn2",
  /** 1.认真学习。 in 3号 仿宋, bold. */
  runIn3: "GwRunIn3",
} as const;
