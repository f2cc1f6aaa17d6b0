/**
 * The 版头 and 版记 facts of a formal submission (红头文件, GB/T 9704-2012 7.2 and 7.4): who issues it,
 * its number, who signed it off, who gets copies, and who printed it when. Used by the built-in
 * `document` and `minutes` templates; the `report` template ignores them.
 */
import type { DateInput } from "./types.js";

/** Which way a document goes: to a lower body (下行文) or up to a higher one (上行文). */
export const DocumentDirection = {
  /** 下行文 and 平行文: the 发文字号 centred under the mark (the default). */
  Downward: "downward",
  /** 上行文: the 发文字号 flush left, the 签发人 on the same line at the right. */
  Upward: "upward",
} as const;
export type DocumentDirection = (typeof DocumentDirection)[keyof typeof DocumentDirection];

/** A 发文字号 given in parts: `{ code: "某委发", year: 2026, serial: 5 }` prints 某委发〔2026〕5号. */
export interface DocumentNumberParts {
  /** 发文机关代字, e.g. `"某委发"`. */
  code: string;
  /** 年份, four digits. */
  year: number;
  /** 发文顺序号, from 1, printed without zero padding. */
  serial: number;
}

/** The 版头 and 版记 of a 红头文件. */
export interface DocumentInfo {
  /** 发文机关标志 without "文件": `"中共某某委员会"`; the mark prints `中共某某委员会文件` (纪要: `中共某某委员会纪要`). */
  issuer: string;
  /** 发文字号: `"某委发〔2026〕5号"` (hexagonal brackets, no 第, no zero padding) or its parts. */
  documentNumber?: string | DocumentNumberParts;
  /** `"downward"` (default) or `"upward"` (上行文: needs `signer`). */
  direction?: DocumentDirection;
  /** 签发人, printed beside the 发文字号 of an upward document. */
  signer?: string;
  /** 抄送机关, in order; printed in the 版记 separated by "，" and ended with "。". */
  copyTo?: string[];
  /** 印发机关, printed in the 版记 (with `printDate`). */
  printer?: string;
  /** 印发日期, printed in the 版记 as `2026年1月5日印发`. */
  printDate?: DateInput;
}
