import { readFileSync } from "node:fs";
import { join } from "node:path";
import { messageText } from "../../src/messages/catalogue";
import { renderSummary } from "../../src/render-summary";
import { FileKind, fileKindMessages, sniffFileKind } from "../../src/template/file-kind";
import { minimalSummary } from "../fixtures/summaries";

const fixture = (name: string) =>
  new Uint8Array(readFileSync(join(__dirname, "..", "fixtures", "files", name)));

/** An OLE compound file's header and a directory naming `streams` (UTF-16LE), as Office writes them. */
function oleFile(streams: string[], extra = ""): Uint8Array {
  const magic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  const names = streams.flatMap((name) => [...name].flatMap((c) => [c.charCodeAt(0), 0]).concat([0, 0]));
  return new Uint8Array([...magic, ...new Array(504).fill(0), ...names, ...new TextEncoder().encode(extra)]);
}

describe("sniffFileKind", () => {
  it("knows a .docx as a zip", async () => {
    expect(sniffFileKind(await renderSummary(minimalSummary()))).toBe(FileKind.Zip);
  });

  it("knows a Word 97-2003 .doc saved by an office suite", () => {
    expect(sniffFileKind(fixture("word-97-2003.doc"))).toBe(FileKind.Doc);
  });

  it("knows an OpenDocument text", () => {
    expect(sniffFileKind(fixture("opendocument.odt"))).toBe(FileKind.Odt);
  });

  it("knows a password-protected .docx by its encrypted package", () => {
    expect(sniffFileKind(oleFile(["EncryptionInfo", "EncryptedPackage"]))).toBe(FileKind.EncryptedDocx);
  });

  it("knows a WPS document by its name or by WPS's own mark", () => {
    expect(sniffFileKind(oleFile(["WordDocument"]), "报告.wps")).toBe(FileKind.Wps);
    expect(sniffFileKind(oleFile(["WordDocument"], "Kingsoft Office"))).toBe(FileKind.Wps);
    expect(sniffFileKind(oleFile(["WordDocument"]), "报告.doc")).toBe(FileKind.Doc);
  });

  it("knows other OLE files, PDF and RTF, and says nothing of plain text", () => {
    expect(sniffFileKind(oleFile(["Workbook"]))).toBe(FileKind.OtherOle);
    expect(sniffFileKind(new TextEncoder().encode("%PDF-1.7\n"))).toBe(FileKind.Pdf);
    expect(sniffFileKind(new TextEncoder().encode("{\\rtf1\\ansi"))).toBe(FileKind.Rtf);
    expect(sniffFileKind(new TextEncoder().encode("关于召开组织生活会情况的报告"))).toBe(FileKind.Other);
    expect(sniffFileKind(new Uint8Array())).toBe(FileKind.Other);
  });

  it("says what the file is and how to save it, in both languages", () => {
    expect(messageText(fileKindMessages.doc, { what: "模板" }, "zh-CN")).toBe(
      "该模板是 Word 97-2003 文档（.doc），不是 .docx 文件。请在 Word 或 WPS 中打开，另存为“Word 文档（*.docx）”后重试。",
    );
    expect(messageText(fileKindMessages.wps, { what: "draft" }, "en")).toMatch(
      /^The draft is a WPS Writer document/,
    );
  });
});
