import { sealedSignOffXml } from "../layout/sign-off.js";
import type { DocumentInfo, DocumentNumberParts } from "../model/document-types.js";
import type { MeetingSummary } from "../model/types.js";
import { formatChineseDate } from "./date.js";

/** The 版头 and 版记 of the `document` and `minutes` templates: every field printed as it stands. */
export interface DocumentView {
  /** 发文机关标志 with 文件: "中共某某委员会文件"; "" without `document`. */
  mark: string;
  /** The 纪要 mark: "中共某某委员会纪要", or "会议纪要" without `document`. */
  minutesMark: string;
  /** 发文字号: "某委发〔2026〕5号"; "" when there is none. */
  number: string;
  /** A downward document (下行文): the 发文字号 centred. True without `document`. */
  isDownward: boolean;
  /** An upward document (上行文): the 发文字号 at the left, `签发人：{signer}` at the right. */
  isUpward: boolean;
  /** 签发人; "" when there is none. */
  signer: string;
  /** 抄送机关 joined with "，" and ended with "。": "中共某某纪委，某某组织部。"; "" when none. */
  copyTo: string;
  /** Whether there is a 抄送 line. */
  hasCopyTo: boolean;
  /** 印发机关; "" when there is none. */
  printer: string;
  /** 印发日期 as printed: "2026年1月5日"; "" when there is none. */
  printDate: string;
  /** Whether the 版记 (抄送, 印发机关 and 印发日期) is printed: true when `printer` is given. */
  hasImprint: boolean;
  /** Whether any of 出席, 请假, 列席 has names (the 纪要 prints a blank line and those lines). */
  hasAttendanceLines: boolean;
  /**
   * The signature and date for a sealed document (GB/T 9704-2012 7.3.5.1), raw WordprocessingML for a
   * `{@document.signOff}` tag: the date 4 characters in from the right, the signature centred over it,
   * room above for the seal. "" when there is neither.
   */
  signOff: string;
}

/**
 * A 发文字号 as printed.
 * @example
 * formatDocumentNumber({ code: "某委发", year: 2026, serial: 5 }) //=> "某委发〔2026〕5号"
 */
export function formatDocumentNumber(number: string | DocumentNumberParts): string {
  return typeof number === "string" ? number : `${number.code}〔${number.year}〕${number.serial}号`;
}

/** The sign-off as `toView` prints it, for the sealed one. */
export interface SignOffText {
  /** 发文机关署名, "" for none. */
  signature: string;
  /** 成文日期 as printed, "" for none. */
  date: string;
  /** The template's line pitch in twips: the room above the sealed sign-off is 3 of them. */
  linePitch: number;
}

/**
 * The view data of the 版头 and 版记 (`{document.…}` tags). Expects a validated summary.
 * @param signOff - the signature and date as printed, and the line pitch
 * @example
 * documentView({ ...summary, document: { issuer: "中共某某委员会" } }, { signature: "", date: "", linePitch: 579 }).mark
 * //=> "中共某某委员会文件"
 */
export function documentView(summary: MeetingSummary, signOff: SignOffText): DocumentView {
  const info: DocumentInfo | undefined = summary.document;
  const attendance = summary.meeting?.attendance ?? {};
  const upward = info?.direction === "upward";
  const copyTo = info?.copyTo ?? [];
  const { signature, date, linePitch } = signOff;
  return {
    mark: info ? `${info.issuer}文件` : "",
    minutesMark: info ? `${info.issuer}纪要` : "会议纪要",
    number: info?.documentNumber === undefined ? "" : formatDocumentNumber(info.documentNumber),
    isDownward: !upward,
    isUpward: upward,
    signer: info?.signer ?? "",
    copyTo: copyTo.length === 0 ? "" : `${copyTo.join("，")}。`,
    hasCopyTo: copyTo.length > 0,
    printer: info?.printer ?? "",
    printDate: info?.printDate === undefined ? "" : formatChineseDate(info.printDate),
    hasImprint: info?.printer !== undefined,
    hasAttendanceLines: [attendance.attendees, attendance.onLeave, attendance.observers].some(
      (list) => (list?.length ?? 0) > 0,
    ),
    signOff: sealedSignOffXml(signature, date, linePitch),
  };
}
