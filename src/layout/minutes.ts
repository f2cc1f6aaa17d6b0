import { Paragraph, TextRun } from "docx";
import { markTemplateStyles } from "./document.js";
import { DocumentCharacterStyle, DocumentStyle } from "./document-styles.js";
import { type LayoutOptions, resolveLayout } from "./options.js";
import { bodyWithSignOff, packTemplate } from "./report.js";
import { ReportStyle } from "./styles.js";
import { loop, tagParagraph } from "./tags.js";

/** The 纪要 lines: label, and the `meeting.attendance` field whose names follow it. */
const ATTENDANCE_LINES = [
  ["出席：", "attendees"],
  ["请假：", "onLeave"],
  ["列席：", "observers"],
] as const;

/**
 * "出席：张三、李四…": the label in 黑体, the names in 仿宋, wrapped lines aligned after the "：" (a hanging
 * indent), only when the list has names.
 */
function attendanceLine(label: string, field: string): Paragraph[] {
  const tag = `meeting.attendance.${field}`;
  const line = new Paragraph({
    style: DocumentStyle.attendance,
    // With the sign-off after them, so that it never stands on a page without text (see attachmentNote).
    keepNext: true,
    children: [
      new TextRun({ text: label, style: DocumentCharacterStyle.attendanceLabel }),
      new TextRun(`{${tag}}`),
    ],
  });
  return loop(tag, line);
}

/**
 * Builds the built-in `minutes` template, the 纪要 format: the red mark `××××纪要` (`{document.minutesMark}`:
 * the issuer's name + 纪要, or 会议纪要), the title and body of the report, then after one blank line the
 * 出席、请假、列席 lines from `meeting.attendance` (a line whose list is empty is left out), and the
 * sign-off when there is one. Deterministic, like the report template.
 * @param layout - {@link LayoutOptions}: fonts, margins, lines per page
 * @returns the .docx file
 * @throws TypeError / RangeError for wrong layout options
 * @example
 * const bytes = await buildMinutesTemplate()
 */
export async function buildMinutesTemplate(layout?: LayoutOptions): Promise<Uint8Array> {
  const resolved = resolveLayout(layout);
  return packTemplate(
    {
      subject: "组织生活会、民主生活会纪要（GB/T 9704-2012 纪要格式）",
      ...markTemplateStyles(resolved),
      children: [
        tagParagraph("{document.minutesMark}", DocumentStyle.mark),
        ...bodyWithSignOff(
          resolved,
          DocumentStyle.documentTitle,
          "{@signOff}",
          loop(
            "document.hasAttendanceLines",
            // One blank line below the body.
            new Paragraph({ style: ReportStyle.body, keepNext: true, children: [] }),
            ...ATTENDANCE_LINES.flatMap(([label, field]) => attendanceLine(label, field)),
          ),
        ),
      ],
    },
    resolved,
  );
}
