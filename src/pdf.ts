/**
 * .docx → PDF with LibreOffice, a stage after the bytes. Node only: it starts a process. LibreOffice is
 * started once for a whole batch (its start-up is most of the time a conversion takes), with a private
 * profile in a temporary folder, so a LibreOffice the user has open, or another conversion running at the
 * same time, never gets in the way.
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ErrorCode, type Issue, MeetingSummaryError } from "./errors/index.js";
import { FONT } from "./layout/gbt9704.js";
import { checkLocale, defineMessages, type Locale, messageText } from "./messages/catalogue.js";

/** The issue codes of {@link PdfError}. */
export const PdfIssueCode = {
  /** No LibreOffice: `soffice` is not on PATH, or `SOFFICE` names a program that does not exist. */
  LibreOfficeMissing: "libreoffice_missing",
  /** LibreOffice ran but gave no PDF for a document (or failed, or ran out of time). */
  ConversionFailed: "conversion_failed",
} as const;
export type PdfIssueCode = (typeof PdfIssueCode)[keyof typeof PdfIssueCode];

export const pdfMessages = defineMessages({
  [PdfIssueCode.LibreOfficeMissing]: {
    "zh-CN": (p: { program: string }) =>
      `未找到 LibreOffice（${p.program}），无法转换为 PDF。请安装 LibreOffice：Debian/Ubuntu 执行 sudo apt-get install libreoffice-writer-nogui，其他系统从 https://www.libreoffice.org/download/ 下载；已安装但不在 PATH 中的，请将 SOFFICE 环境变量设为 soffice 程序的完整路径。`,
    en: (p: { program: string }) =>
      `LibreOffice was not found (${p.program}), so no PDF can be made. Install it: on Debian or Ubuntu, sudo apt-get install libreoffice-writer-nogui; elsewhere, from https://www.libreoffice.org/download/. If it is installed but not on PATH, set the SOFFICE environment variable to the full path of its soffice program.`,
  },
  [PdfIssueCode.ConversionFailed]: {
    "zh-CN": (p: { reason: string }) => `LibreOffice 未能将文档转换为 PDF：${p.reason}`,
    en: (p: { reason: string }) => `LibreOffice did not convert the document to PDF: ${p.reason}`,
  },
  fontSubstitutes: {
    "zh-CN": (p: { list: readonly FontSubstitute[] }) =>
      `本机未安装以下字体，PDF 中以其他字体代替，换行和分页可能与 Word 中不同：${p.list.map((s) => `${s.font}（以 ${s.substitute} 代替）`).join("、")}。安装这些字体后重新转换即可。`,
    en: (p: { list: readonly FontSubstitute[] }) =>
      `fonts not installed, so the PDF uses others in their place and lines may break differently than in Word: ${p.list.map((s) => `${s.font} (${s.substitute} instead)`).join(", ")}. Install them and convert again.`,
  },
});

/** LibreOffice is missing or a conversion failed. `issues[i].code` is a {@link PdfIssueCode}. */
export class PdfError extends MeetingSummaryError {
  override name = "PdfError";
  constructor(issues: readonly Issue[], options?: { cause?: unknown }) {
    super(ErrorCode.PdfFailed, issues[0]?.message ?? "PDF conversion failed", issues, options);
  }
}

/** Options of {@link toPdf} and {@link toPdfs}. */
export interface ToPdfOptions {
  /** The LibreOffice program. Default: the `SOFFICE` environment variable, else `soffice` on PATH. */
  soffice?: string;
  /** How long LibreOffice may take for the whole batch, in milliseconds (default 120,000 + 5,000 a document). */
  timeout?: number;
  /** The language of error messages (default `"en"`). */
  locale?: Locale;
}

function run(program: string, args: string[], timeout: number): Promise<{ stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(program, args, { timeout, maxBuffer: 16 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (error) reject(Object.assign(error, { stderr }));
      else resolve({ stderr });
    });
  });
}

/**
 * Converts .docx documents to PDF with one start of LibreOffice. The page size and margins are the
 * document's own (A4 for the built-in templates).
 * @param documents - the .docx files' bytes
 * @param options - {@link ToPdfOptions}
 * @returns each document's PDF bytes, in the same order
 * @throws {@link PdfError}: `libreoffice_missing` (with how to install it), or `conversion_failed`
 * @example
 * const [a, b] = await toPdfs([await renderSummary(first), await renderSummary(second)])
 */
export async function toPdfs(
  documents: readonly Uint8Array[],
  options: ToPdfOptions = {},
): Promise<Uint8Array[]> {
  const locale = checkLocale(options.locale);
  if (documents.length === 0) return [];
  const program = options.soffice ?? process.env.SOFFICE ?? "soffice";
  const dir = await mkdtemp(join(tmpdir(), "meeting-summary-pdf-"));
  try {
    const names = documents.map((_, i) => `document-${i + 1}`);
    await mkdir(join(dir, "in"));
    await Promise.all(
      names.map((name, i) => writeFile(join(dir, "in", `${name}.docx`), documents[i] as Uint8Array)),
    );
    const args = [
      `-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`,
      "--headless",
      "--norestore",
      "--convert-to",
      "pdf:writer_pdf_Export",
      "--outdir",
      join(dir, "out"),
      ...names.map((name) => join(dir, "in", `${name}.docx`)),
    ];
    const timeout = options.timeout ?? 120_000 + 5_000 * documents.length;
    let stderr = "";
    try {
      ({ stderr } = await run(program, args, timeout));
    } catch (error) {
      const e = error as NodeJS.ErrnoException & { stderr?: string; killed?: boolean };
      if (e.code === "ENOENT" || e.code === "EACCES") {
        throw new PdfError(
          [
            {
              path: [],
              code: PdfIssueCode.LibreOfficeMissing,
              message: messageText(pdfMessages.libreoffice_missing, { program }, locale),
            },
          ],
          { cause: error },
        );
      }
      const reason = e.killed ? `no answer after ${timeout} ms` : (e.stderr || e.message).trim();
      throw conversionFailed(reason, locale, error);
    }
    return await Promise.all(
      names.map((name) =>
        readFile(join(dir, "out", `${name}.pdf`)).then(
          (bytes) => new Uint8Array(bytes),
          (error) => {
            throw conversionFailed(stderr.trim() || "no PDF was written", locale, error);
          },
        ),
      ),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function conversionFailed(reason: string, locale: Locale, cause: unknown): PdfError {
  return new PdfError(
    [
      {
        path: [],
        code: PdfIssueCode.ConversionFailed,
        message: messageText(pdfMessages.conversion_failed, { reason }, locale),
      },
    ],
    { cause },
  );
}

/**
 * Converts a .docx document to PDF with LibreOffice. To convert many, {@link toPdfs} starts LibreOffice
 * once for all of them.
 * @param docx - the .docx file's bytes, e.g. from `renderSummary`
 * @param options - {@link ToPdfOptions}
 * @returns the PDF's bytes
 * @throws {@link PdfError}: `libreoffice_missing` (with how to install it), or `conversion_failed`
 * @example
 * await writeFileAtomic("report.pdf", await toPdf(await renderSummary(summary)))
 */
export async function toPdf(docx: Uint8Array, options: ToPdfOptions = {}): Promise<Uint8Array> {
  const [pdf] = await toPdfs([docx], options);
  return pdf as Uint8Array;
}

/** The faces GB/T 9704 names: 仿宋_GB2312 (body), 方正小标宋简体 (title), 楷体_GB2312, 黑体 (headings). */
export const OFFICIAL_FONTS: readonly string[] = [FONT.fangSong, FONT.xiaoBiaoSong, FONT.kaiTi, FONT.heiTi];

/** A font that is not installed, and the face the system uses instead. */
export interface FontSubstitute {
  font: string;
  substitute: string;
}

/**
 * The fonts that are not installed, each with the face fontconfig (and so LibreOffice) uses in its place.
 * Asks `fc-match`; where there is no fontconfig (Windows, macOS without it), returns `[]`.
 * @param fonts - the faces to look for (default {@link OFFICIAL_FONTS})
 * @example
 * await fontSubstitutes() //=> [{ font: "方正小标宋简体", substitute: "Noto Serif CJK SC" }] on a machine without it
 */
export async function fontSubstitutes(fonts: readonly string[] = OFFICIAL_FONTS): Promise<FontSubstitute[]> {
  const found: FontSubstitute[] = [];
  for (const font of fonts) {
    let families: string;
    try {
      families = await new Promise<string>((resolve, reject) =>
        execFile("fc-match", ["-f", "%{family}", font], (error, stdout) =>
          error ? reject(error) : resolve(stdout),
        ),
      );
    } catch {
      return [];
    }
    // fontconfig lists a face's names in every language it has: "FandolFang,FandolFang R".
    const names = families.split(",").map((name) => name.trim());
    if (!names.some((name) => name.toLowerCase() === font.toLowerCase())) {
      found.push({ font, substitute: names[0] || "?" });
    }
  }
  return found;
}

/**
 * The warning for fonts that are not installed, naming each one's substitute, in a language.
 * @example
 * fontSubstitutesMessage([{ font: "黑体", substitute: "Noto Sans CJK SC" }])
 * //=> "fonts not installed, so the PDF uses others in their place …: 黑体 (Noto Sans CJK SC instead). …"
 */
export function fontSubstitutesMessage(substitutes: readonly FontSubstitute[], locale?: Locale): string {
  return messageText(pdfMessages.fontSubstitutes, { list: substitutes }, checkLocale(locale));
}
