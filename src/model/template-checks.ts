/*
 * What a built-in template needs of a summary beyond the model. The model leaves `document` optional, since
 * the `report` and `minutes` templates print without it; the `document` template (红头文件) cannot: its
 * 版头 is the 发文机关标志 and the 发文字号 (GB/T 9704-2012 7.2.3, 7.2.4), without which it would print a
 * red rule under nothing; its text ends with the 发文机关署名 and the 成文日期 (7.3.5, in each of its three
 * forms: with a seal, without one, with the signer's seal); and it ends with the 版记's 印发机关 and
 * 印发日期 (7.4.3) on a page of their own.
 */

import type { Issue } from "../errors/index.js";
import type { Locale } from "../messages/catalogue.js";
import { make } from "./issues.js";
import type { MeetingSummary } from "./types.js";

/** The issue code of a field that a template needs and the summary leaves out. */
export const REQUIRED_BY_TEMPLATE = "required_by_template";

/**
 * The fields a built-in template needs that the summary leaves out, one issue each with its path.
 * @param summary - a validated summary
 * @param template - a built-in template's name; other names need nothing
 * @param locale - the language of the messages (default English)
 * @returns no issues for `report` and `minutes`; for `document`, one per missing 版头 or 版记 field
 * @example
 * templateIssues(minimalSummary, "document").map((i) => i.path.join("."))
 * //=> ["document.issuer", "document.documentNumber", "document.printer", "document.printDate"]
 */
export function templateIssues(summary: MeetingSummary, template: string, locale?: Locale): Issue[] {
  if (template !== "document") return [];
  const info = summary.document;
  const issues: Issue[] = [];
  if (info?.issuer === undefined) {
    issues.push(make(["document", "issuer"], "required_by_template.issuer", {}, locale));
  }
  if (info?.documentNumber === undefined) {
    issues.push(make(["document", "documentNumber"], "required_by_template.documentNumber", {}, locale));
  }
  if (summary.signature === undefined) {
    issues.push(make(["signature"], "required_by_template.signOff", {}, locale));
  }
  if (summary.date === undefined) {
    issues.push(make(["date"], "required_by_template.signOff", {}, locale));
  }
  if (info?.printer === undefined) {
    issues.push(make(["document", "printer"], "required_by_template.banji", {}, locale));
    if (info?.printDate === undefined) {
      issues.push(make(["document", "printDate"], "required_by_template.banji", {}, locale));
    }
  }
  return issues;
}
