/*
 * What a built-in template needs of a summary beyond the model. The model leaves `document` optional, since
 * the `report` and `minutes` templates print without it; the `document` template (红头文件) cannot: its
 * 版头 is the 发文机关标志 and the 发文字号 (GB/T 9704-2012 7.2.3, 7.2.4), without which it would print a
 * red rule under nothing, and it ends with the 版记's 印发机关 and 印发日期 (7.4.3) on a page of their own.
 */

import type { Issue } from "../errors/index.js";
import { make } from "./issues.js";
import type { MeetingSummary } from "./types.js";

/** The issue code of a field that a template needs and the summary leaves out. */
export const REQUIRED_BY_TEMPLATE = "required_by_template";

/**
 * The fields a built-in template needs that the summary leaves out, one issue each with its path.
 * @param summary - a validated summary
 * @param template - a built-in template's name; other names need nothing
 * @returns no issues for `report` and `minutes`; for `document`, one per missing 版头 or 版记 field
 * @example
 * templateIssues(minimalSummary, "document").map((i) => i.path.join("."))
 * //=> ["document.issuer", "document.documentNumber", "document.printer", "document.printDate"]
 */
export function templateIssues(summary: MeetingSummary, template: string): Issue[] {
  if (template !== "document") return [];
  const info = summary.document;
  const issues: Issue[] = [];
  if (info?.issuer === undefined) {
    issues.push(
      make(
        ["document", "issuer"],
        REQUIRED_BY_TEMPLATE,
        "is required by the document template (红头文件): the 版头 prints it as the 发文机关标志",
      ),
    );
  }
  if (info?.documentNumber === undefined) {
    issues.push(
      make(
        ["document", "documentNumber"],
        REQUIRED_BY_TEMPLATE,
        "is required by the document template (红头文件): the 版头 prints it above the red rule",
      ),
    );
  }
  if (info?.printer === undefined) {
    issues.push(
      make(
        ["document", "printer"],
        REQUIRED_BY_TEMPLATE,
        "is required by the document template (红头文件): its 版记 prints it, on the back of the last sheet",
      ),
    );
    if (info?.printDate === undefined) {
      issues.push(
        make(
          ["document", "printDate"],
          REQUIRED_BY_TEMPLATE,
          "is required by the document template (红头文件): its 版记 prints it, on the back of the last sheet",
        ),
      );
    }
  }
  return issues;
}
