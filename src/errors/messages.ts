import { defineMessages } from "../messages/catalogue.js";

/*
 * The first line of a thrown error: what failed, then its first issue, and how many more there are. The
 * issues' own messages come from their stage's catalogue.
 */

type Summary = { first?: string | undefined; more: number };

const zh = (what: string) => (p: Summary) =>
  p.first === undefined ? what : `${what}：${p.first}${p.more > 0 ? `（另有 ${p.more} 处问题）` : ""}`;
const en = (what: string) => (p: Summary) =>
  p.first === undefined ? what : `${what}: ${p.first}${p.more > 0 ? ` (and ${p.more} more)` : ""}`;

/** The message of each {@link ErrorCode} that sums up its issues. */
export const errorMessages = defineMessages({
  invalid_summary: { "zh-CN": zh("会议总结有误"), en: en("Invalid meeting summary") },
  invalid_template: { "zh-CN": zh("模板无法使用"), en: en("Invalid template") },
  render_failed: { "zh-CN": zh("生成文档失败"), en: en("Rendering failed") },
  invalid_draft: { "zh-CN": zh("草稿无法导入"), en: en("Invalid draft") },
});
