import * as z from "zod";
import { DEFAULT_LOCALE, type Locale } from "../messages/catalogue.js";
import type { DocumentNumberParts } from "./document-types.js";
import { DocumentDirection } from "./document-types.js";
import { fail } from "./issues.js";
import { Limits } from "./limits.js";
import { type DocumentNumberMistake, documentNumberText } from "./messages.js";
import type { DateInput } from "./types.js";

/*
 * The zod schema of DocumentInfo, kept beside schema.ts (which imports it) so that the 红头文件 fields stay
 * in one place. `text` and `date` are passed in: they are schema.ts's own refinements.
 */

/** The shape of a 发文字号: 代字〔2026〕5号. */
const DOCUMENT_NUMBER = /^(\S+?)〔(\d{4})〕([1-9]\d*)号$/u;

/** Brackets that clerks type instead of 〔〕 around the year. */
const WRONG_BRACKETS = /([[［【(（﹝〖])(\d{2,4})([\]］】)）﹞〗])/u;

/**
 * The mistakes in a 发文字号 that have one right correction — other brackets around the year, 第 before
 * the number, a zero-padded number — each named, with the number they leave once all are corrected.
 */
function correctable(value: string): { mistakes: DocumentNumberMistake[]; corrected: string } {
  const mistakes: DocumentNumberMistake[] = [];
  let corrected = value;
  const brackets = WRONG_BRACKETS.exec(corrected);
  if (brackets) {
    mistakes.push({ kind: "brackets", open: brackets[1] as string, close: brackets[3] as string });
    corrected = corrected.replace(brackets[0], `〔${brackets[2]}〕`);
  }
  if (corrected.includes("〕第")) {
    mistakes.push({ kind: "ordinal" });
    corrected = corrected.replace("〕第", "〕");
  }
  const padded = /〕(0+[1-9]\d*)号$/u.exec(corrected);
  if (padded) {
    mistakes.push({ kind: "padded", number: padded[1] as string });
    corrected = corrected.replace(`〕${padded[1]}号`, `〕${Number(padded[1])}号`);
  }
  return { mistakes, corrected };
}

/** What is wrong with the shape of a 发文字号 that has nothing {@link correctable} left. */
function shapeProblem(value: string): DocumentNumberMistake {
  if (!/〔.*〕/u.test(value)) return { kind: "noBrackets" };
  if (/^〔/u.test(value)) return { kind: "noCode" };
  const year = /〔([^〕]*)〕/u.exec(value)?.[1] ?? "";
  if (!/^\d{4}$/.test(year)) return { kind: "year", year };
  const rest = value.slice(value.indexOf("〕") + 1);
  if (!rest.endsWith("号")) return { kind: "noHao", year };
  const serial = rest.slice(0, -1);
  if (/^0+$/.test(serial)) return { kind: "zero" };
  if (!/^\d+$/.test(serial)) return { kind: "serial", serial };
  return { kind: "shape" };
}

/** Whether a 发文字号 string is written right: {@link documentNumberMistakes} finds no mistake. */
export function isDocumentNumber(value: string): boolean {
  return DOCUMENT_NUMBER.test(value);
}

/**
 * The mistakes in a 发文字号 string (none when it is right): every mistake with one right correction, and
 * the number written right when that is all; otherwise what is wrong with its shape as well.
 */
export function documentNumberMistakes(value: string): {
  mistakes: DocumentNumberMistake[];
  corrected?: string;
} {
  if (DOCUMENT_NUMBER.test(value)) return { mistakes: [] };
  const { mistakes, corrected } = correctable(value);
  if (mistakes.length === 0) return { mistakes: [shapeProblem(value)] };
  if (DOCUMENT_NUMBER.test(corrected)) return { mistakes, corrected };
  return { mistakes: [...mistakes, shapeProblem(corrected)] };
}

/**
 * What is wrong with a 发文字号 string, in words a clerk can act on; undefined when it is right. Every
 * mistake with one right correction is named at once, with the number written right.
 * @param value - the 发文字号 as typed
 * @param locale - the language of the answer (default `"en"`)
 * @example
 * documentNumberProblem("某委发[2026]5号") //=> 'uses [] instead of 〔〕 around the year: write 某委发〔2026〕5号'
 * documentNumberProblem("某委发（2026）第05号")
 * //=> 'uses （） instead of 〔〕 around the year; must not put 第 before the number; number 05 must not be zero-padded: write 某委发〔2026〕5号'
 * documentNumberProblem("某委发[2026]5号", "zh-CN") //=> '年份用了“[]”，应使用六角括号“〔〕”，应写作 某委发〔2026〕5号'
 */
export function documentNumberProblem(value: string, locale: Locale = DEFAULT_LOCALE): string | undefined {
  const found = documentNumberMistakes(value);
  return found.mistakes.length === 0 ? undefined : documentNumberText(found, locale);
}

/**
 * Builds the DocumentInfo schema from schema.ts's text and date schemas.
 * @param text - a non-empty single-paragraph text schema
 * @param date - the date schema
 */
export function documentInfoSchema(
  text: () => z.ZodType<string, string>,
  date: z.ZodType<DateInput, DateInput>,
) {
  const parts: z.ZodType<DocumentNumberParts, DocumentNumberParts> = z
    .strictObject({
      code: text().meta({ description: "发文机关代字, e.g. 某委发." }),
      year: z.number().int().min(1000).max(9999).meta({ description: "年份, four digits." }),
      serial: z.number().int().min(1).max(Limits.count).meta({ description: "发文顺序号, from 1." }),
    })
    .meta({ id: "DocumentNumberParts", title: "DocumentNumberParts", description: "发文字号 in parts." });

  const numberText = z.string().superRefine((value, ctx) => {
    const found = documentNumberMistakes(value);
    if (found.mistakes.length > 0) fail(ctx, "invalid_document_number", found, value);
  });

  return z
    .strictObject({
      issuer: text().meta({ description: "发文机关标志 without 文件, e.g. 中共某某委员会." }),
      documentNumber: z
        .union([numberText, parts])
        .optional()
        .meta({ description: "发文字号: 某委发〔2026〕5号, or {code, year, serial}." }),
      direction: z.enum(DocumentDirection).optional().meta({ description: "downward (default) or upward." }),
      signer: text().optional().meta({ description: "签发人 (upward documents)." }),
      copyTo: z.array(text()).min(1).optional().meta({ description: "抄送机关, in order." }),
      printer: text().optional().meta({ description: "印发机关." }),
      printDate: date.optional(),
    })
    .superRefine((info, ctx) => {
      if (info.direction === "upward" && info.signer === undefined) {
        fail(ctx, "required.upwardSigner", {}, undefined, ["signer"]);
      }
      if (info.printer !== undefined && info.printDate === undefined) {
        fail(ctx, "required.printDate", {}, undefined, ["printDate"]);
      }
      if (info.printer === undefined && (info.printDate !== undefined || info.copyTo !== undefined)) {
        const key =
          info.printDate !== undefined ? "required.printerForPrintDate" : "required.printerForCopyTo";
        fail(ctx, key, {}, undefined, ["printer"]);
      }
    })
    .meta({ id: "DocumentInfo", title: "DocumentInfo", description: "红头文件: 版头 and 版记 facts." });
}
