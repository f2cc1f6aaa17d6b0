import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { helpMessages } from "../../src/cli/messages";
import { runCli } from "../../src/cli/run";
import type { MeetingSummary } from "../../src/model/types";
import { everySchemaMistake, fullFactsSummary, minimalSummary } from "../fixtures/summaries";

const repo = join(__dirname, "..", "..");

/** Runs the CLI in-process in a fresh folder holding `files`, with `env` as its environment. */
async function cli(
  argv: string[],
  {
    files = {},
    env = {},
  }: { files?: Record<string, string | Uint8Array>; env?: Record<string, string> } = {},
) {
  const cwd = mkdtempSync(join(tmpdir(), "msd-lang-"));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(cwd, name), content);
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    readStdin: async () => new Uint8Array(),
    cwd,
    examplePath: join(repo, "examples", "seed-report.json"),
    env,
  });
  return { code, stdout, stderr, cwd };
}

/**
 * The ASCII words of a Chinese line that are not a path, a code, a field's name or a value quoted from
 * the input: what should be none. Product and format names (Word, JSON) are Chinese usage too.
 */
function englishWords(line: string): string[] {
  const rest = line
    .replace(/^[\w.<>-]+：/, "") // the source file
    .replace(/ \[[a-z_]+\]$/, "") // the code
    .replace(/"(?:[^"\\]|\\.)*"/g, "") // values, quoted as JSON
    .replace(/\{[^}]*\}/g, "") // a JSON example such as {"text": "*月*日"}
    .replace(/“[\w$.[\]-]+”/g, "") // a field's name
    .replace(/（[\w.[\]]+）/g, "") // a field's path
    .replace(/\bU\+[0-9A-F]{4,6}\b/g, "");
  return (rest.match(/[A-Za-z]{2,}/g) ?? []).filter((word) => !["Word", "JSON"].includes(word));
}

const badSchema = JSON.stringify(everySchemaMistake());

/** The full-facts example breaking most consistency rules. */
function badFacts(): MeetingSummary {
  const s = fullFactsSummary();
  s.date = "2025-12-01";
  if (s.meeting?.attendance) s.meeting.attendance.present = 3;
  if (s.evaluation) s.evaluation.excellent = 30;
  s.attachments = [...(s.attachments ?? []), { title: "空附件" }];
  s.organization.blocks.push({ type: "generated", kind: "agenda" });
  if (s.meeting) s.meeting.agenda = undefined;
  return s;
}

/** A valid summary with warnings: a late 民主生活会 report, a typed number, a missing 附件. */
function withWarnings(): MeetingSummary {
  return {
    ...minimalSummary(),
    date: "2026-02-20",
    meeting: { kind: "民主生活会", date: "2026-01-05" },
    preparation: { heading: "（一）会前准备", blocks: ["详见附件2。"] },
  };
}

describe("--lang zh-CN", () => {
  it("makes validate print only Chinese messages for a bad summary (paths and codes aside)", async () => {
    const { code, stdout, stderr } = await cli(["validate", "bad.json", "--lang", "zh-CN"], {
      files: { "bad.json": badSchema },
    });
    expect(code).toBe(1);
    expect(stdout).toBe("");
    const lines = stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(20);
    for (const line of lines) {
      expect(line).toMatch(/^bad\.json：\S/);
      expect({ line, english: englishWords(line) }).toEqual({ line, english: [] });
    }
    expect(lines).toContain("bad.json：标题（title）应为文字，实际为数字 5");
  });

  it("says the consistency rules' errors, warnings and the verdict in Chinese too", async () => {
    const errors = await cli(["--lang", "zh-CN", "validate", "facts.json"], {
      files: { "facts.json": JSON.stringify(badFacts()) },
    });
    expect(errors.code).toBe(1);
    const lines = errors.stderr.trimEnd().split("\n");
    expect(lines.length).toBeGreaterThanOrEqual(5);
    for (const line of lines) expect({ line, english: englishWords(line) }).toEqual({ line, english: [] });

    const warned = await cli(["--lang=zh-CN", "validate", "ok.json"], {
      files: { "ok.json": JSON.stringify(withWarnings()) },
    });
    expect(warned.code).toBe(0);
    expect(warned.stdout).toBe("ok.json：校验通过\n");
    const warnings = warned.stderr.trimEnd().split("\n");
    expect(warnings).toHaveLength(3);
    for (const line of warnings) {
      expect(line).toMatch(/^ok\.json：提醒：/);
      expect({ line, english: englishWords(line) }).toEqual({ line, english: [] });
    }
  });

  it("gives the same issues, by code and path, as in English: one line each", async () => {
    const files = { "bad.json": badSchema };
    const zh = await cli(["validate", "bad.json", "--lang", "zh-CN"], { files });
    const en = await cli(["validate", "bad.json", "--lang", "en"], { files });
    expect(zh.stderr.split("\n")).toHaveLength(en.stderr.split("\n").length);
    expect(en.stderr).toContain("bad.json: title (标题) must be text (got 5)\n");
  });

  it("writes render's, init's and the file errors' lines in Chinese", async () => {
    const rendered = await cli(["render", "s.json", "-o", "out.docx", "--lang", "zh-CN"], {
      files: { "s.json": JSON.stringify(minimalSummary()) },
    });
    expect(rendered).toMatchObject({ code: 0, stdout: "已生成 out.docx\n", stderr: "" });

    const init = await cli(["init", "s.json", "--lang", "zh-CN"], { files: { "s.json": "{}" } });
    expect(init).toMatchObject({ code: 1, stderr: "s.json：文件已存在（如需覆盖，请加 --force）\n" });

    const missing = await cli(["validate", "missing.json", "--lang", "zh-CN"]);
    expect(missing.stderr).toBe("missing.json：无法读取：文件或文件夹不存在（ENOENT）\n");

    const binary = await cli(["validate", "bin.json", "--lang", "zh-CN"], {
      files: { "bin.json": new Uint8Array([0x7b, 0x00, 0x7d]) },
    });
    expect(binary.stderr).toMatch(/^bin\.json：文件含有二进制数据（第 1 字节为 NUL），不是文本文件。/);

    const json = await cli(["validate", "bad.json", "--lang", "zh-CN"], {
      files: { "bad.json": '{"title"： "x"}' },
    });
    expect(json.stderr).toBe(
      "bad.json：文件不是有效的 JSON，第 1 行第 9 列有误：此处是中文标点（：），JSON 的标点须用英文半角\n",
    );
  });

  it("makes inspect say what it found in Chinese", async () => {
    const template = readFileSync(join(repo, "templates", "report.docx"));
    const { code, stdout } = await cli(["inspect", "report.docx", "--lang", "zh-CN"], {
      files: { "report.docx": template },
    });
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^report\.docx：正文使用了 \{title\} /);
    expect(lines).toContain("report.docx：文档属性使用了 {title}");
    expect(lines.at(-1)).toBe("report.docx：未发现问题");
  });

  it("reports usage errors in Chinese, with the suggestion", async () => {
    expect(await cli(["rendr", "--lang", "zh-CN"])).toMatchObject({
      code: 2,
      stderr: "错误：没有“rendr”这个命令\n（是否应为 render？）\n",
    });
    expect(await cli(["render", "s.json", "--lang", "zh-CN"])).toMatchObject({
      code: 2,
      stderr: "错误：请用 -o 指定输出文件，或用 --out-dir 指定输出文件夹\n",
    });
    expect(
      await cli(["render", "s.json", "-o", "x.docx", "--missing-values", "zero", "--lang", "zh-CN"]),
    ).toMatchObject({
      code: 2,
      stderr: "错误：选项 --missing-values <mode> 的取值“zero”无效：可选值为 error、empty\n",
    });
    expect(
      await cli(["render", "s.json", "-o", "x.docx", "--lines-per-page", "5", "--lang", "zh-CN"]),
    ).toMatchObject({
      code: 2,
      stderr: "错误：选项 --lines-per-page <n> 的取值“5”无效：应为 18 至 26 之间的整数\n",
    });
    expect(await cli(["validate", "--lang", "zh-CN"])).toMatchObject({
      code: 2,
      stderr: "错误：缺少输入：请给出 JSON 文件或文件夹，或用“-”从标准输入读取\n",
    });
  });

  it("refuses a language it does not speak, as a usage error", async () => {
    expect(await cli(["validate", "s.json", "--lang", "fr"])).toMatchObject({
      code: 2,
      stderr: "error: option '--lang <locale>' argument 'fr' is invalid. Allowed choices are zh-CN, en.\n",
    });
  });
});

describe("help", () => {
  const commands = ["render", "validate", "inspect", "schema", "init"] as const;

  it.each(commands)(
    "of %s is written in Chinese under --lang zh-CN and in English otherwise",
    async (name) => {
      const zh = await cli([name, "--help", "--lang", "zh-CN"]);
      const en = await cli([name, "--help"]);
      expect(zh.code).toBe(0);
      const description = helpMessages[name];
      expect(zh.stdout).toContain(description["zh-CN"]());
      expect(zh.stdout).not.toContain(description.en());
      expect(zh.stdout).toMatch(/^用法： meeting-summary /);
      expect(zh.stdout).toContain("显示命令的帮助");
      const oneLine = (text: string) => text.replace(/\s+/g, " ");
      expect(oneLine(en.stdout)).toContain(description.en());
      expect(en.stdout).toMatch(/^Usage: meeting-summary /);
      // The Chinese help has no English sentence: flags, placeholders and values (lowercase) aside.
      const words = englishWords(
        zh.stdout.replace(/--?[\w-]+|<[^>]+>|\[\w+\]|\b[a-z][\w.-]*\b|\.docx|GB\/T|_GB2312/g, ""),
      );
      // Names of formats and programs stay as they are written: JSON Schema, JSON Lines, PDF, LibreOffice.
      expect(words.filter((w) => !["Schema", "Lines", "PDF", "LibreOffice"].includes(w))).toEqual([]);
    },
  );

  it("lines up its columns and breaks its lines as Chinese is set, within 80 columns", async () => {
    const width = (text: string) =>
      [...text].reduce((n, c) => n + (/[\u3000-\u9FFF\uFF00-\uFF60]/.test(c) ? 2 : 1), 0);
    for (const argv of [["--help"], ["render", "--help"], ["validate", "--help"]]) {
      const { stdout } = await cli([...argv, "--lang", "zh-CN"]);
      const lines = stdout.split("\n");
      for (const line of lines) {
        expect({ line, width: width(line) <= 80 }).toEqual({ line, width: true });
        expect(line).not.toMatch(/^\s*[，。；：、）]|[（“]$/);
      }
      // Each description starts in the same column: the width of the longest term, plus two.
      const starts = lines
        .filter((line) => /^ {2}\S.* {2,}\S/.test(line))
        .map((line) => width(line.replace(/^( {2}\S.*? {2,})\S.*$/, "$1")));
      expect(new Set(starts).size).toBeLessThanOrEqual(2); // options, and commands or arguments
    }
  });

  it("of the program lists --lang and the commands in Chinese", async () => {
    const { code, stdout } = await cli(["--help"], { env: { LANG: "zh_CN.UTF-8" } });
    expect(code).toBe(0);
    expect(stdout).toContain("选项：");
    expect(stdout).toContain("命令：");
    expect(stdout).toMatch(/--lang <locale> +提示和帮助使用的语言/);
    expect(stdout).toContain(helpMessages.program["zh-CN"]());
  });
});

describe("the language of a run", () => {
  const files = { "bad.json": JSON.stringify({ ...minimalSummary(), title: "" }) };
  const chinese = "bad.json：标题（title）不能为空\n";
  const english = "bad.json: title (标题) must not be empty\n";

  it("follows LC_ALL, then LC_MESSAGES, then LANG", async () => {
    expect((await cli(["validate", "bad.json"], { files, env: { LANG: "zh_CN.UTF-8" } })).stderr).toBe(
      chinese,
    );
    expect(
      (await cli(["validate", "bad.json"], { files, env: { LC_MESSAGES: "zh_CN.GB18030", LANG: "C" } }))
        .stderr,
    ).toBe(chinese);
    expect(
      (await cli(["validate", "bad.json"], { files, env: { LC_ALL: "en_US.UTF-8", LANG: "zh_CN.UTF-8" } }))
        .stderr,
    ).toBe(english);
    expect((await cli(["validate", "bad.json"], { files })).stderr).toBe(english);
  });

  it("is --lang's when given, before or after the command", async () => {
    const env = { LANG: "zh_CN.UTF-8" };
    expect((await cli(["--lang", "en", "validate", "bad.json"], { files, env })).stderr).toBe(english);
    expect((await cli(["validate", "bad.json", "--lang=en"], { files, env })).stderr).toBe(english);
    expect((await cli(["validate", "--lang", "zh-CN", "bad.json"], { files })).stderr).toBe(chinese);
  });
});
