import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { seedLines, seedReport } from "../fixtures/summaries";
import { cli as runInFolder } from "../helpers/cli";
import { paragraphTexts } from "../helpers/docx";
import { encodeGbk } from "../helpers/gbk";

const _repo = join(__dirname, "..", "..");
const fixtures = join(__dirname, "..", "fixtures");
const seedText = readFileSync(join(fixtures, "seed-report.txt"), "utf8");

/** The CLI in a fresh folder holding `files`, and the folder's files afterwards. */
async function cli(argv: string[], files: Record<string, string | Uint8Array> = {}, stdin = "") {
  const run = await runInFolder(argv, stdin, files);
  return { ...run, files: () => readdirSync(run.cwd).sort() };
}

const { meeting, $schema, ...seedSummary } = seedReport();

describe("meeting-summary import", () => {
  it("prints the summary's JSON on standard output without -o", async () => {
    const { code, stdout, stderr } = await cli(["import", "seed.txt", "--lang", "en"], {
      "seed.txt": seedText,
    });
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(JSON.parse(stdout)).toEqual(seedSummary);
  });

  it("writes the JSON with -o, from a GBK file", async () => {
    const { code, stdout, cwd } = await cli(["import", "seed.txt", "-o", "summary.json"], {
      "seed.txt": encodeGbk(seedText),
    });
    expect(code).toBe(0);
    expect(stdout).toBe("wrote summary.json\n");
    expect(JSON.parse(readFileSync(join(cwd, "summary.json"), "utf8"))).toEqual(seedSummary);
  });

  it("reads standard input with -", async () => {
    const { code, stdout } = await cli(["import", "-"], {}, seedText);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).title).toBe("巡视整改专题组织生活会总结报告");
  });

  it("prints every decision with --explain, in Chinese with --lang zh-CN", async () => {
    const { code, stderr } = await cli(["import", "seed.txt", "--explain", "--lang", "zh-CN"], {
      "seed.txt": seedText,
    });
    expect(code).toBe(0);
    const lines = stderr.trimEnd().split("\n");
    expect(lines.slice(0, 2)).toEqual([
      "seed.txt：第 1 行作为标题。",
      "seed.txt：第 3 行“*****”作为主送机关。",
    ]);
  });

  it("prints the draft's numbering problems as warnings, naming the line, and still writes", async () => {
    const draft = readFileSync(join(fixtures, "drafts", "broken-numbering.txt"));
    const { code, stderr, files } = await cli(["import", "d.txt", "-o", "s.json", "--lang", "en"], {
      "d.txt": draft,
    });
    expect(code).toBe(0);
    expect(stderr.split("\n")[0]).toBe(
      'd.txt: warning: line 6 is numbered "（三）" where "（二）" comes next (a number skipped or repeated); it is printed "（二）". [number_out_of_order]',
    );
    expect(files()).toEqual(["d.txt", "s.json"]);
  });

  it("reads a .md file as Markdown by its extension", async () => {
    const md =
      "# 组织生活会情况报告\n\n## 会前准备\n\n支部学习。\n\n## 会议召开\n\n支部开会。\n\n## 下一步\n\n抓好整改。\n";
    const { code, stdout } = await cli(["import", "draft.md"], { "draft.md": md });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).organization).toEqual({ heading: "会议召开", blocks: ["支部开会。"] });
  });

  it.each([
    ["an empty file", "", "The draft is empty: it holds no text."],
    [
      "a binary file",
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      "a NUL byte at byte 8",
    ],
    ["a text that is no report", "会议通知\n请各位准时参加。\n", "no 一、 二、 三、 section headings"],
    [
      "a Word 97-2003 .doc",
      readFileSync(join(fixtures, "files", "word-97-2003.doc")),
      "Word 97-2003 document (.doc)",
    ],
  ])("refuses %s with a clear message, exit 1, and writes nothing", async (_name, content, message) => {
    const { code, stderr, stdout, files } = await cli(["import", "draft", "-o", "s.json", "--lang", "en"], {
      draft: content,
    });
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain(message);
    expect(stderr.startsWith("draft: ")).toBe(true);
    expect(files()).toEqual(["draft"]);
  });
});

describe("meeting-summary format", () => {
  it("imports and renders the seed draft in one step: the document is the seed", async () => {
    const { code, stdout, cwd } = await cli(["format", "seed.txt", "-o", "out.docx"], {
      "seed.txt": seedText,
    });
    expect(code).toBe(0);
    expect(stdout).toBe("wrote out.docx\n");
    expect(paragraphTexts(readFileSync(join(cwd, "out.docx")))).toEqual(seedLines());
  });

  it("takes a template and layout flags", async () => {
    const { code, cwd } = await cli(
      ["format", "seed.txt", "-t", "minutes", "--fonts", "plain", "--lines-per-page", "20", "-o", "out.docx"],
      { "seed.txt": seedText },
    );
    expect(code).toBe(0);
    expect(paragraphTexts(readFileSync(join(cwd, "out.docx")))).toEqual(
      expect.arrayContaining(seedLines().slice(2)),
    );
  });

  it("writes nothing when the draft cannot be imported", async () => {
    const { code, files } = await cli(["format", "d.txt", "-o", "out.docx"], { "d.txt": "只有一行字" });
    expect(code).toBe(1);
    expect(files()).toEqual(["d.txt"]);
  });

  it("requires -o or --out-dir", async () => {
    const { code } = await cli(["format", "d.txt"], { "d.txt": seedText });
    expect(code).toBe(2);
  });

  it("formats a folder of drafts (text, Markdown, GBK, Word) to --out-dir; one that is no report is named and not written", async () => {
    const drafts = join(fixtures, "drafts");
    const word = (await cli(["format", "seed.txt", "-o", "seed.docx"], { "seed.txt": seedText })).cwd;
    const { code, stderr, stdout, cwd } = await cli(["format", "in", "--out-dir", "out"], {
      "in/a.txt": seedText,
      "in/b.md": readFileSync(join(drafts, "assistant-democratic.md")),
      "in/c.txt": encodeGbk(seedText),
      "in/d.docx": readFileSync(join(word, "seed.docx")),
      "in/notice.txt": readFileSync(join(drafts, "not-a-report.txt")),
      "in/ignored.json": "{}",
    });
    expect(code).toBe(1);
    expect(readdirSync(join(cwd, "out")).sort()).toEqual(["a.docx", "b.docx", "c.docx", "d.docx"]);
    for (const name of ["a", "c", "d"]) {
      expect(paragraphTexts(readFileSync(join(cwd, "out", `${name}.docx`)))).toEqual(seedLines());
    }
    expect(stdout.split("\n").filter((l) => l.startsWith("wrote "))).toHaveLength(4);
    expect(stderr).toMatch(/^in\/notice\.txt: /m);
    expect(stderr.trimEnd().split("\n").at(-1)).toBe("4 of 5 written to out; 1 not written: in/notice.txt");
  });

  it("prints the batch as JSON with --json", async () => {
    const { code, stdout } = await cli(["format", "a.txt", "b.txt", "--out-dir", "out", "--json"], {
      "a.txt": seedText,
      "b.txt": "只有一行字",
    });
    expect(code).toBe(1);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ ok: false, total: 2, written: 1, failed: 1 });
    expect(result.results[1]).toMatchObject({ input: "b.txt", written: [] });
    expect(result.results[1].issues[0].code).toEqual(expect.any(String));
  });
});
