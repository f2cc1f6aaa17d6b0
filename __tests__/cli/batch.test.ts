/**
 * Many summaries in one call (files, folders, JSON Lines, standard input), `--json`, and `-o -`: what a
 * script calling the CLI relies on.
 */
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { renderSummary } from "../../src/render-summary";
import { minimalSummary } from "../fixtures/summaries";
import { runIn } from "../helpers/cli";
import { paragraphTexts } from "../helpers/docx";

const summary = (title: string) => JSON.stringify({ ...minimalSummary(), title });
const invalid = JSON.stringify({ ...minimalSummary(), title: "", preparation: undefined });
/** The issues of `invalid`, as --json prints them. */
const invalidIssues = [
  { path: ["title"], code: "empty", message: "title (标题) must not be empty", label: "标题" },
  {
    path: ["preparation"],
    code: "required",
    message: "preparation (会前准备) is required",
    label: "会前准备",
  },
];

describe("render: many summaries to --out-dir", () => {
  it("writes 199 of 200, names the invalid one with its issues, writes nothing for it, and exits 1", async () => {
    const files: Record<string, string> = {};
    for (let i = 1; i <= 200; i++) {
      const name = `in/s${String(i).padStart(3, "0")}.json`;
      files[name] = i === 137 ? invalid : summary(`报告${i}`);
    }
    const { code, stdout, stderr, cwd } = await runIn(["render", "in", "--out-dir", "out"], { files });
    expect(code).toBe(1);
    const written = readdirSync(join(cwd, "out")).sort();
    expect(written).toHaveLength(199);
    expect(written).not.toContain("s137.docx");
    expect(paragraphTexts(readFileSync(join(cwd, "out", "s200.docx")))[0]).toBe("报告200");
    expect(stdout.split("\n")).toContain(join("out", "s001.docx").replace(/^/, "wrote "));
    expect(stderr.split("\n")).toEqual([
      `${join("in", "s137.json")}: title (标题) must not be empty`,
      `${join("in", "s137.json")}: preparation (会前准备) is required`,
      `199 of 200 written to out; 1 not written: ${join("in", "s137.json")}`,
      "",
    ]);
  }, 120_000);

  it("takes files, folders and JSON Lines together, naming each output after its input (and line)", async () => {
    const { code, cwd, stderr } = await runIn(
      ["render", "a.json", "more", "lines.jsonl", "--out-dir", "out"],
      {
        files: {
          "a.json": summary("甲"),
          "more/b.json": summary("乙"),
          "more/notes.txt": "not a summary",
          "lines.jsonl": `${summary("丙")}\n\n${summary("丁")}\n`,
        },
      },
    );
    expect([code, stderr]).toEqual([0, "4 of 4 written to out\n"]);
    const titles = Object.fromEntries(
      readdirSync(join(cwd, "out")).map((f) => [f, paragraphTexts(readFileSync(join(cwd, "out", f)))[0]]),
    );
    expect(titles).toEqual({ "a.docx": "甲", "b.docx": "乙", "lines-1.docx": "丙", "lines-3.docx": "丁" });
  });

  it("reads JSON Lines from standard input with --jsonl, naming a bad line by its number", async () => {
    const { code, stderr, cwd } = await runIn(["render", "--jsonl", "--out-dir", "out"], {
      stdin: `${summary("甲")}\n{"title": 5\n`,
      io: { stdinIsTTY: false },
    });
    expect(code).toBe(1);
    expect(readdirSync(join(cwd, "out"))).toEqual(["stdin-1.docx"]);
    expect(stderr).toMatch(/^<stdin>:2: The file is not valid JSON/);
  });

  it("writes to an --out-dir given as an absolute path (and makes no folder of that name in the current one)", async () => {
    const out = mkdtempSync(join(tmpdir(), "msd-out-"));
    const target = join(out, "new", "folder");
    const { code, stderr, cwd } = await runIn(["render", "a.json", "b.json", "--out-dir", target], {
      files: { "a.json": summary("甲"), "b.json": summary("乙") },
    });
    expect([code, stderr.trimEnd().split("\n").at(-1)]).toEqual([0, `2 of 2 written to ${target}`]);
    expect(readdirSync(target).sort()).toEqual(["a.docx", "b.docx"]);
    expect(readdirSync(cwd).sort()).toEqual(["a.json", "b.json"]);
  });

  it("formats drafts to an --out-dir given as an absolute path", async () => {
    const target = join(mkdtempSync(join(tmpdir(), "msd-out-")), "drafts");
    const { code, cwd } = await runIn(["format", "a.txt", "--out-dir", target], {
      files: { "a.txt": readFileSync(join(__dirname, "..", "fixtures", "seed-report.txt")) },
    });
    expect(code).toBe(0);
    expect(readdirSync(target)).toEqual(["a.docx"]);
    expect(readdirSync(cwd)).toEqual(["a.txt"]);
  });

  it("refuses a second input that would overwrite the first one's output", async () => {
    const { code, stderr, cwd } = await runIn(["render", "x/r.json", "y/r.json", "--out-dir", "out"], {
      files: { "x/r.json": summary("甲"), "y/r.json": summary("乙") },
    });
    expect(code).toBe(1);
    expect(paragraphTexts(readFileSync(join(cwd, "out", "r.docx")))[0]).toBe("甲");
    expect(stderr).toContain(`y/r.json: would be written to ${join("out", "r.docx")}, like x/r.json`);
  });

  it("reports a file that cannot be read and renders the rest", async () => {
    const { code, stderr, cwd } = await runIn(["render", "a.json", "missing.json", "--out-dir", "out"], {
      files: { "a.json": summary("甲") },
    });
    expect(code).toBe(1);
    expect(readdirSync(join(cwd, "out"))).toEqual(["a.docx"]);
    expect(stderr).toContain("missing.json: cannot be read (ENOENT)\n");
  });

  it("draws a progress bar on a terminal, and none when standard error is piped", async () => {
    const files = { "a.json": summary("甲"), "b.json": summary("乙") };
    const tty = await runIn(["render", "a.json", "b.json", "--out-dir", "out"], {
      files,
      io: { stderrIsTTY: true },
    });
    expect(tty.stderr).toContain("\r\x1b[K[############------------] 1/2");
    expect(tty.stderr).toContain("[########################] 2/2");
    const piped = await runIn(["render", "a.json", "b.json", "--out-dir", "out"], { files });
    expect(piped.stderr).toBe("2 of 2 written to out\n");
  });

  it("refuses several inputs with one -o, and no output at all, as usage errors", async () => {
    const files = { "a.json": summary("甲"), "b.json": summary("乙") };
    const many = await runIn(["render", "a.json", "b.json", "-o", "x.docx"], { files });
    expect([many.code, many.stderr]).toEqual([
      2,
      "error: several inputs cannot go to one -o file: use --out-dir <folder>\n",
    ]);
    const none = await runIn(["render", "a.json"], { files });
    expect([none.code, none.stderr]).toEqual([
      2,
      "error: give -o <file> for one document, or --out-dir <folder> for many\n",
    ]);
    expect(readdirSync(many.cwd).sort()).toEqual(["a.json", "b.json"]);
  });
});

describe("render --json", () => {
  it("prints the files written and every issue with path, code, message and the field's Chinese name", async () => {
    const { code, stdout, stderr } = await runIn(
      ["render", "a.json", "bad.json", "--out-dir", "out", "--json"],
      {
        files: { "a.json": summary("甲"), "bad.json": invalid },
      },
    );
    expect(code).toBe(1);
    expect(stderr).toBe("");
    expect(JSON.parse(stdout)).toEqual({
      ok: false,
      total: 2,
      written: 1,
      failed: 1,
      results: [
        { input: "a.json", written: [join("out", "a.docx")], issues: [] },
        {
          input: "bad.json",
          written: [],
          issues: invalidIssues,
        },
      ],
    });
  });

  it("names the template's part and tag for a template problem", async () => {
    const { reportWith } = await import("../helpers/templates");
    const template = await reportWith((xml) => xml.replace("{title}", "{titel}"));
    const { code, stdout } = await runIn(["render", "a.json", "-o", "a.docx", "-t", "t.docx", "--json"], {
      files: { "a.json": summary("甲"), "t.docx": template },
    });
    expect(code).toBe(1);
    const [issue] = JSON.parse(stdout).results[0].issues;
    expect(issue).toMatchObject({ path: [], code: "unknown_tag", label: null, part: "body", tag: "titel" });
  });
});

describe("--json when the template or the file itself cannot be used", () => {
  it("render --json reports a template that is not a .docx in its JSON, once", async () => {
    const { code, stdout, stderr } = await runIn(
      ["render", "a.json", "b.json", "--out-dir", "out", "-t", "t.docx", "--json"],
      { files: { "a.json": summary("甲"), "b.json": summary("乙"), "t.docx": "not a zip" } },
    );
    expect([code, stderr]).toEqual([1, ""]);
    expect(JSON.parse(stdout)).toMatchObject({
      ok: false,
      template: { input: "t.docx", issues: [{ path: [], code: "not_a_docx", label: null }] },
      results: [],
    });
  });

  it("render --json reports a template file that does not exist", async () => {
    const { code, stdout } = await runIn(
      ["render", "a.json", "-o", "a.docx", "-t", "missing.docx", "--json"],
      {
        files: { "a.json": summary("甲") },
      },
    );
    expect(code).toBe(1);
    expect(JSON.parse(stdout).template).toEqual({
      input: "missing.docx",
      issues: [{ path: [], code: "unreadable_file", message: "cannot be read (ENOENT)", label: null }],
    });
  });

  it("inspect --json reports a file that does not exist", async () => {
    const { code, stdout } = await runIn(["inspect", "missing.docx", "--json"]);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ ok: false, issues: [{ code: "unreadable_file" }] });
  });
});

describe("render -o - and standard input", () => {
  it("writes to standard output the same bytes as to a file", async () => {
    const files = { "a.json": summary("甲") };
    const piped = await runIn(["render", "a.json", "-o", "-"], { files });
    const file = await runIn(["render", "a.json", "-o", "a.docx"], { files });
    expect([piped.code, piped.stdout, piped.stderr]).toEqual([0, "", ""]);
    expect(piped.documents).toHaveLength(1);
    expect(Buffer.from(piped.documents[0] as Uint8Array).equals(readFileSync(join(file.cwd, "a.docx")))).toBe(
      true,
    );
    expect(Buffer.from(piped.documents[0] as Uint8Array)).toEqual(
      Buffer.from(await renderSummary(JSON.parse(files["a.json"]))),
    );
  });

  it("writes nothing to standard output for an invalid summary", async () => {
    const { code, documents, stderr } = await runIn(["render", "bad.json", "-o", "-"], {
      files: { "bad.json": invalid },
    });
    expect([code, documents.length]).toEqual([1, 0]);
    expect(stderr).toContain("bad.json: title (标题) must not be empty");
  });

  it("reads standard input when no input is given and it is piped, and asks for one on a terminal", async () => {
    const piped = await runIn(["render", "-o", "a.docx"], {
      stdin: summary("甲"),
      io: { stdinIsTTY: false },
    });
    expect(piped.code).toBe(0);
    expect(paragraphTexts(readFileSync(join(piped.cwd, "a.docx")))[0]).toBe("甲");
    const terminal = await runIn(["render", "-o", "a.docx"], { io: { stdinIsTTY: true } });
    expect(terminal.code).toBe(2);
    expect(terminal.stderr).toContain(
      'missing input: give a JSON file or folder, or "-" to read standard input',
    );
  });

  it("refuses -o - with --pdf: there is no file for the PDF to go beside", async () => {
    const { code, stderr } = await runIn(["render", "a.json", "-o", "-", "--pdf"], {
      files: { "a.json": summary("甲") },
    });
    expect([code, stderr]).toEqual([
      2,
      "error: --pdf writes a PDF beside each .docx file, so it needs -o <file.docx> or --out-dir, not -o -\n",
    ]);
  });

  it("refuses -o - with --json: both would go to standard output", async () => {
    const { code } = await runIn(["render", "a.json", "-o", "-", "--json"], {
      files: { "a.json": summary("甲") },
    });
    expect(code).toBe(2);
  });
});

describe("validate --json and inspect --json", () => {
  it("validate prints each input's issues and warnings as JSON", async () => {
    const { code, stdout } = await runIn(["validate", "a.json", "bad.json", "--json"], {
      files: { "a.json": summary("甲"), "bad.json": invalid },
    });
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual({
      ok: false,
      results: [
        { input: "a.json", valid: true, issues: [], warnings: [] },
        {
          input: "bad.json",
          valid: false,
          issues: invalidIssues,
          warnings: [],
        },
      ],
    });
  });

  it("validate names a deep field by its Chinese name", async () => {
    const bad = {
      ...minimalSummary(),
      organization: { heading: "会议召开", blocks: [{ type: "item", text: "x" }] },
    };
    const { stdout } = await runIn(["validate", "-", "--json"], { stdin: JSON.stringify(bad) });
    expect(JSON.parse(stdout).results[0].issues[0]).toMatchObject({
      path: ["organization", "blocks", 0, "heading"],
      code: "required",
      label: "条目标题",
    });
  });

  it("validate exits 0 with valid: true for a sound summary", async () => {
    const { code, stdout } = await runIn(["validate", "--json"], {
      stdin: summary("甲"),
      io: { stdinIsTTY: false },
    });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      ok: true,
      results: [{ input: "<stdin>", valid: true, issues: [], warnings: [] }],
    });
  });

  it("inspect prints the tags by part and every problem as JSON", async () => {
    const { reportWith } = await import("../helpers/templates");
    const template = await reportWith((xml) => xml.replace("{title}", "{titel}"));
    const { code, stdout } = await runIn(["inspect", "t.docx", "--json"], { files: { "t.docx": template } });
    expect(code).toBe(1);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ ok: false, template: "t.docx" });
    expect(result.tags.body).toContain("{titel}");
    expect(result.issues).toEqual([
      expect.objectContaining({ path: [], code: "unknown_tag", label: null, part: "body", tag: "titel" }),
    ]);
  });

  it("inspect prints a file that is not a .docx as JSON too", async () => {
    const { code, stdout } = await runIn(["inspect", "t.docx", "--json"], {
      files: { "t.docx": "not a zip" },
    });
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ ok: false, issues: [{ code: "not_a_docx", label: null }] });
  });

  it("inspect --json of a sound template is ok", async () => {
    const template = readFileSync(join(__dirname, "..", "..", "templates", "report.docx"));
    const { code, stdout } = await runIn(["inspect", "t.docx", "--json"], { files: { "t.docx": template } });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ ok: true, issues: [] });
  });
});

describe("help", () => {
  it.each(["render", "validate", "inspect", "schema", "init"])(
    "%s --help shows examples and points to its docs",
    async (name) => {
      const { code, stdout } = await runIn([name, "--help"]);
      expect(code).toBe(0);
      expect(stdout).toContain("Examples:\n  $ meeting-summary");
      expect(stdout).toContain(`docs/cli.md#${name}`);
    },
  );
});
