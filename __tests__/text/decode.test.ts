import { decodeText, TextIssueCode, UnreadableTextError } from "../../src/text/decode";

const SEED_LINE = "关于召开2025年度专题组织生活会情况的报告——支部“三会一课”，（一）认真组织动员。";
const utf8 = (text: string) => new TextEncoder().encode(text);
// GBK bytes of "中文，报告。" as a Chinese Windows "ANSI" editor saves them.
const GBK = new Uint8Array([0xd6, 0xd0, 0xce, 0xc4, 0xa3, 0xac, 0xb1, 0xa8, 0xb8, 0xe6, 0xa1, 0xa3]);

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out[2 + i * 2] = bigEndian ? unit >> 8 : unit & 0xff;
    out[3 + i * 2] = bigEndian ? unit & 0xff : unit >> 8;
  }
  return out;
}

function refusal(bytes: Uint8Array, locale?: "zh-CN" | "en"): UnreadableTextError {
  try {
    decodeText(bytes, locale ? { locale } : {});
  } catch (error) {
    expect(error).toBeInstanceOf(UnreadableTextError);
    return error as UnreadableTextError;
  }
  throw new Error("decodeText did not refuse the bytes");
}

describe("decodeText", () => {
  it("reads UTF-8 without a BOM", () => {
    expect(decodeText(utf8(SEED_LINE))).toEqual({ text: SEED_LINE, encoding: "utf-8", bom: false });
  });

  it("drops a UTF-8 BOM", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(SEED_LINE)]);
    expect(decodeText(bytes)).toEqual({ text: SEED_LINE, encoding: "utf-8", bom: true });
  });

  it("reads UTF-16 little- and big-endian with a BOM", () => {
    expect(decodeText(utf16(SEED_LINE, false))).toEqual({ text: SEED_LINE, encoding: "utf-16le", bom: true });
    expect(decodeText(utf16(SEED_LINE, true))).toEqual({ text: SEED_LINE, encoding: "utf-16be", bom: true });
  });

  it("reads GBK as saved by older Windows tools", () => {
    expect(decodeText(GBK)).toEqual({ text: "中文，报告。", encoding: "gb18030", bom: false });
  });

  it("reads GBK with ASCII, line breaks and full-width digits between the Chinese", () => {
    // "一、\r\n1.会议 ２０" in GBK
    const bytes = new Uint8Array([
      0xd2, 0xbb, 0xa1, 0xa2, 0x0d, 0x0a, 0x31, 0x2e, 0xbb, 0xe1, 0xd2, 0xe9, 0x20, 0xa3, 0xb2, 0xa3, 0xb0,
    ]);
    expect(decodeText(bytes).text).toBe("一、\r\n1.会议 ２０");
  });

  it("refuses a binary file at its first NUL byte", () => {
    const error = refusal(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x14]));
    expect(error).toMatchObject({ code: "unreadable_text", offset: 4 });
    expect(error.issues[0]).toMatchObject({ code: TextIssueCode.BinaryFile, path: [] });
    expect(error.message).toContain("byte 4");
  });

  it("refuses bytes that are neither UTF-8 nor GB18030, naming the first bad byte", () => {
    // Latin-1 "café: déjà vu" — é is 0xE9, not UTF-8, and as GB18030 it reads as rare ideographs
    const latin1 = new Uint8Array([
      0x63, 0x61, 0x66, 0xe9, 0x3a, 0x20, 0x64, 0xe9, 0x6a, 0xe0, 0x20, 0x76, 0x75,
    ]);
    const error = refusal(latin1);
    expect(error.issues[0]).toMatchObject({ code: TextIssueCode.InvalidEncoding });
    expect(error.offset).toBe(3);
    expect(error.message).toContain("not UTF-8 at byte 3 (0xE9)");
  });

  it("refuses random bytes rather than decoding them into garbage", () => {
    let seed = 7;
    const random = new Uint8Array(4096).map(() => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return 1 + (seed % 255);
    });
    expect(refusal(random).issues[0]?.code).toBe(TextIssueCode.InvalidEncoding);
  });

  it("refuses UTF-8 that breaks off after a BOM, at the offset in the whole file", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0xe4, 0xb8]);
    expect(refusal(bytes).offset).toBe(4);
  });

  it("refuses overlong and surrogate UTF-8 sequences", () => {
    expect(refusal(new Uint8Array([0xef, 0xbb, 0xbf, 0xc0, 0xaf])).offset).toBe(3);
    expect(refusal(new Uint8Array([0xef, 0xbb, 0xbf, 0xed, 0xa0, 0x80])).offset).toBe(3);
  });

  it("writes the refusal in Chinese when asked", () => {
    const error = refusal(new Uint8Array([0x41, 0x00]), "zh-CN");
    expect(error.message).toBe(
      "文件含有二进制数据（第 1 字节为 NUL），不是文本文件。UTF-16 文本须带字节顺序标记（BOM）。",
    );
  });

  it("reads an empty file as empty text", () => {
    expect(decodeText(new Uint8Array())).toEqual({ text: "", encoding: "utf-8", bom: false });
  });
});
