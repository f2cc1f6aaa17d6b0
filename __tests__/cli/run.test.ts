import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { VERSION } from "../../src/version";
import { minimalSummary, seedLines } from "../fixtures/summaries";
import { cli } from "../helpers/cli";
import { paragraphTexts } from "../helpers/docx";
import { encodeGbk } from "../helpers/gbk";
import { brokenTemplates, reportWith } from "../helpers/templates";

const repo = join(__dirname, "..", "..");

const seedJson = readFileSync(join(repo, "examples", "seed-report.json"), "utf8");

describe("meeting-summary render", () => {
  it("renders the seed example to a document whose text equals the seed", async () => {
    const { code, cwd, stdout } = await cli(["render", "seed.json", "-o", "out.docx"], "", {
      "seed.json": seedJson,
    });
    expect(code).toBe(0);
    expect(stdout).toBe("wrote out.docx\n");
    expect(paragraphTexts(readFileSync(join(cwd, "out.docx")))).toEqual(seedLines());
  });

  it('reads the summary from standard input with "-"', async () => {
    const { code, cwd } = await cli(["render", "-", "-o", "out.docx"], JSON.stringify(minimalSummary()));
    expect(code).toBe(0);
    expect(paragraphTexts(readFileSync(join(cwd, "out.docx")))[0]).toBe("组织生活会情况报告");
  });

  it("exits 1 with one line per issue, each with its path, and writes nothing", async () => {
    const bad = {
      ...minimalSummary(),
      title: "",
      preparation: { heading: "准备", blocks: [{ type: "item" }] },
    };
    const { code, stderr, cwd } = await cli(["render", "bad.json", "-o", "out.docx"], "", {
      "bad.json": JSON.stringify(bad),
    });
    expect(code).toBe(1);
    expect(stderr).toBe(
      [
        "bad.json: title (标题) must not be empty",
        "bad.json: preparation.blocks[0].heading (条目标题) is required",
        "",
      ].join("\n"),
    );
    expect(readdirSync(cwd)).toEqual(["bad.json"]);
  });

  it("reads a summary saved as GBK, as older Windows tools save it", async () => {
    const { code, cwd } = await cli(["render", "seed.json", "-o", "out.docx"], "", {
      "seed.json": encodeGbk(seedJson),
    });
    expect(code).toBe(0);
    expect(paragraphTexts(readFileSync(join(cwd, "out.docx")))).toEqual(seedLines());
  });

  it("refuses a summary that is not text, naming the byte, and writes nothing", async () => {
    const { code, cwd, stderr } = await cli(["render", "bad.json", "-o", "out.docx"], "", {
      "bad.json": new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x80, 0x22, 0x7d]),
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^bad\.json: The file is not UTF-8, UTF-16 or GB18030 \(GBK\) text: not UTF-8 at byte 2 \(0xFF\)/,
    );
    expect(existsSync(join(cwd, "out.docx"))).toBe(false);
  });

  it("reports invalid JSON with its line and column", async () => {
    const { code, stderr } = await cli(["render", "bad.json", "-o", "out.docx"], "", {
      "bad.json": '{\n  "title": "x",\n}',
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^bad\.json: The file is not valid JSON at line 3, column 1: /);
  });

  it("keeps an existing output file intact when the input is invalid", async () => {
    const { cwd } = await cli(["init", "x.json"]);
    writeFileSync(join(cwd, "out.docx"), "old");
    writeFileSync(join(cwd, "bad.json"), "{}");
    const { runCli: run } = await import("../../src/cli/run");
    const code = await run(["render", "bad.json", "-o", "out.docx"], {
      stdout: () => {},
      stderr: () => {},
      readStdin: async () => new Uint8Array(),
      cwd,
      examplePath: "",
    });
    expect(code).toBe(1);
    expect(readFileSync(join(cwd, "out.docx"), "utf8")).toBe("old");
  });

  it("renders with a user's template file and reports a broken one", async () => {
    const { code, stderr, cwd } = await cli(
      ["render", "s.json", "-o", "out.docx", "--template", "t.docx"],
      "",
      {
        "s.json": JSON.stringify(minimalSummary()),
        "t.docx": "not a zip",
      },
    );
    expect(code).toBe(1);
    expect(stderr).toBe(
      "t.docx: The template is not a .docx file: it is not a zip archive. Save it in Word or WPS as “Word 文档 (*.docx)”. [not_a_docx]\n",
    );
    expect(existsSync(join(cwd, "out.docx"))).toBe(false);
  });

  it("names the output when it cannot be written, not a temporary file", async () => {
    const { code, stderr } = await cli(["render", "s.json", "-o", "no/such/dir/out.docx"], "", {
      "s.json": JSON.stringify(minimalSummary()),
    });
    expect([code, stderr]).toEqual([1, "no/such/dir/out.docx: cannot be written (ENOENT)\n"]);
  });

  it("exits 1 for a template file that does not exist", async () => {
    const { code, stderr } = await cli(["render", "s.json", "-o", "out.docx", "-t", "missing.docx"], "", {
      "s.json": JSON.stringify(minimalSummary()),
    });
    expect([code, stderr]).toEqual([1, "missing.docx: cannot be read (ENOENT)\n"]);
  });

  it("exits 1 for a file that does not exist", async () => {
    const { code, stderr } = await cli(["render", "missing.json", "-o", "out.docx"]);
    expect(code).toBe(1);
    expect(stderr).toBe("missing.json: cannot be read (ENOENT)\n");
  });

  it("exits 2 on usage errors", async () => {
    expect((await cli(["render", "s.json"])).code).toBe(2); // no -o
    expect((await cli(["rendr"])).code).toBe(2);
    expect((await cli([])).code).toBe(2);
    const bad = await cli(["render", "s.json", "-o", "x.docx", "--invalid-characters", "drop"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("drop");
  });
});

describe("meeting-summary validate", () => {
  it("prints valid and exits 0", async () => {
    const { code, stdout } = await cli(["validate", "s.json"], "", { "s.json": seedJson });
    expect([code, stdout]).toEqual([0, "s.json: valid\n"]);
  });

  it("lists every issue and exits 1", async () => {
    const { code, stderr } = await cli(
      ["validate", "-"],
      JSON.stringify({ ...minimalSummary(), titel: "x" }),
    );
    expect(code).toBe(1);
    expect(stderr).toBe('<stdin>: titel is not a field here (did you mean "title"?)\n');
  });

  it("prints warnings on stderr and still exits 0", async () => {
    const summary = { ...minimalSummary(), closing: ["详见附件2。"] };
    const { code, stdout, stderr } = await cli(["validate", "-"], JSON.stringify(summary));
    expect([code, stdout, stderr]).toEqual([
      0,
      "<stdin>: valid\n",
      "<stdin>: warning: closing[0] refers to 附件2, but the summary has no attachments\n",
    ]);
  });

  it("reports a consistency error like any other issue", async () => {
    const summary = { ...minimalSummary(), meeting: { attendance: { expected: 5, present: 3 } } };
    const { code, stderr } = await cli(["validate", "-"], JSON.stringify(summary));
    expect([code, stderr]).toEqual([
      1,
      "<stdin>: meeting.attendance (出席情况) does not add up: 实到 3 + 请假 0 + 缺席 0 = 3, but 应到 is 5\n",
    ]);
  });

  it("checks the 版头 a 红头文件 needs with -t document, and nothing more without it", async () => {
    const document = { issuer: "中共某某支部委员会", printer: "中共某某支部委员会", printDate: "2026-01-20" };
    const text = JSON.stringify({ ...minimalSummary(), document, date: "2026-01-18" });
    expect((await cli(["validate", "-"], text)).code).toBe(0);
    const { code, stderr } = await cli(["validate", "-", "-t", "document"], text);
    expect([code, stderr]).toEqual([
      1,
      "<stdin>: document.documentNumber (发文字号) is required by the document template (红头文件): the 版头 prints it above the red rule\n" +
        "<stdin>: signature (发文机关署名) is required by the document template (红头文件): a 公文's text ends with the issuing organ's signature and the date (GB/T 9704 7.3.5)\n",
    ]);
    expect((await cli(["validate", "-", "-t", "minutes"], text)).code).toBe(0);
  });

  it("renders nothing for -t document without the 版头, naming both fields", async () => {
    const { code, stderr, cwd } = await cli(
      ["render", "-", "-t", "document", "-o", "out.docx"],
      JSON.stringify(minimalSummary()),
    );
    expect(code).toBe(1);
    expect(stderr).toContain("document.issuer (发文机关) is required by the document template");
    expect(stderr).toContain("document.documentNumber (发文字号) is required by the document template");
    expect(existsSync(join(cwd, "out.docx"))).toBe(false);
  });

  it("strips invalid characters when asked", async () => {
    const text = JSON.stringify({ ...minimalSummary(), title: "标题\u0007" });
    expect((await cli(["validate", "-"], text)).code).toBe(1);
    expect((await cli(["validate", "-", "--invalid-characters", "strip"], text)).code).toBe(0);
  });
});

describe("meeting-summary schema, init, --help, --version", () => {
  it("prints the JSON Schema", async () => {
    const { code, stdout } = await cli(["schema"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      title: "MeetingSummary",
      required: expect.arrayContaining(["title"]),
    });
  });

  it("init writes the seed example and refuses to overwrite without --force", async () => {
    const { code, cwd } = await cli(["init"]);
    expect(code).toBe(0);
    const written = JSON.parse(readFileSync(join(cwd, "meeting-summary.json"), "utf8"));
    const { $schema, ...example } = JSON.parse(seedJson);
    expect(written).toEqual({
      $schema: "https://unpkg.com/meeting-summary-docx/schema/meeting-summary.schema.json",
      ...example,
    });
    const again = await cli(["init", join(cwd, "meeting-summary.json")]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already exists (use --force to overwrite)");
    expect((await cli(["init", join(cwd, "meeting-summary.json"), "--force"])).code).toBe(0);
  });

  it("prints help and the version", async () => {
    const help = await cli(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("render");
    expect(help.stdout).toContain("validate");
    const version = await cli(["--version"]);
    expect([version.code, version.stdout]).toEqual([0, `${VERSION}\n`]);
  });

  it("knows its own version", () => {
    expect(VERSION).toBe(JSON.parse(readFileSync(join(repo, "package.json"), "utf8")).version);
  });
});

describe("meeting-summary inspect", () => {
  it("lists the tags of a sound template per part and exits 0", async () => {
    const template = readFileSync(join(repo, "templates", "report.docx"));
    const { code, stdout, stderr } = await cli(["inspect", "report.docx"], "", { "report.docx": template });
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    const lines = stdout.split("\n");
    expect(lines[0]).toMatch(
      /^report\.docx: body uses \{title\} \{#recipient\} \{recipient\} \{#opening\} \{text\} /,
    );
    expect(lines).toContain("report.docx: properties uses {title}");
    expect(lines.at(-2)).toBe("report.docx: no problems");
  });

  it("prints every problem on its own line with part, paragraph, explanation and code, and exits 1", async () => {
    const template = await reportWith((xml) =>
      (brokenTemplates["unclosed-tag.docx"] as (x: string) => string)(
        (brokenTemplates["mismatched-loop.docx"] as (x: string) => string)(
          xml.replace("{#closing}", "{#closing}{titel}"),
        ),
      ),
    );
    const { code, stderr } = await cli(["inspect", "broken.docx"], "", { "broken.docx": template });
    expect(code).toBe(1);
    expect(stderr.split("\n")).toEqual([
      "broken.docx: body «{title»: The tag {title is missing its closing brace }. In Word, type } right after title. [unclosed_tag]",
      "broken.docx: body «{#isLevel4}»: {#isLevel4} is ended by {/isLevel3}: the two names must be the same. Change {/isLevel3} to {/isLevel4}, or check that the parts end in the reverse order they start. [mismatched_loop]",
      "broken.docx: body «{#closing}{titel}»: {titel} is not a tag this library fills (did you mean {title}?). Check its spelling against the list of tags in docs/templates.md. [unknown_tag]",
      "broken.docx: 3 problems",
      "",
    ]);
  });

  it("exits 1 for a file that is not a template", async () => {
    const { code, stderr } = await cli(["inspect", "notes.docx"], "", { "notes.docx": "plain text" });
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^notes\.docx: The template is not a \.docx file: it is not a zip archive\. .* \[not_a_docx\]\n$/,
    );
  });

  it("exits 1 for a file that does not exist, and 2 without an argument", async () => {
    expect(await cli(["inspect", "missing.docx"])).toMatchObject({
      code: 1,
      stderr: "missing.docx: cannot be read (ENOENT)\n",
    });
    expect((await cli(["inspect"])).code).toBe(2);
  });

  it("reports a template's problems the same way when rendering with it", async () => {
    const template = await reportWith(brokenTemplates["unclosed-tag.docx"] as (x: string) => string);
    const { code, stderr } = await cli(["render", "s.json", "-o", "out.docx", "-t", "t.docx"], "", {
      "s.json": JSON.stringify(minimalSummary()),
      "t.docx": template,
    });
    expect(code).toBe(1);
    expect(stderr).toBe(
      "t.docx: body «{title»: The tag {title is missing its closing brace }. In Word, type } right after title. [unclosed_tag]\n",
    );
  });
});

describe("--data and warnings", () => {
  const ownTemplate = () =>
    reportWith((xml) => xml.replace("{title}", "{title}（{unitName}，联系人：{contact.name}）"));
  const extra = JSON.stringify({ unitName: "某某局", contact: { name: "李某某" } });

  it("render fills your own fields from --data", async () => {
    const { code, cwd, stderr } = await cli(
      ["render", "s.json", "-o", "out.docx", "-t", "own.docx", "--data", "extra.json"],
      "",
      { "s.json": JSON.stringify(minimalSummary()), "own.docx": await ownTemplate(), "extra.json": extra },
    );
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(paragraphTexts(readFileSync(join(cwd, "out.docx")))[0]).toBe(
      "组织生活会情况报告（某某局，联系人：李某某）",
    );
  });

  it("render names the data file for a field that shadows a tag, and writes nothing", async () => {
    const { code, cwd, stderr } = await cli(
      ["render", "s.json", "-o", "out.docx", "--data", "extra.json"],
      "",
      { "s.json": JSON.stringify(minimalSummary()), "extra.json": JSON.stringify({ title: "x" }) },
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^extra\.json: The data field title has the name of this library's tag \{title\}.*\[data_shadows_tag\]\n$/,
    );
    expect(existsSync(join(cwd, "out.docx"))).toBe(false);
  });

  it("render refuses a --data file that is not a JSON object", async () => {
    for (const text of ["[1]", "{unitName:"]) {
      const { code, stderr } = await cli(["render", "s.json", "-o", "out.docx", "--data", "extra.json"], "", {
        "s.json": JSON.stringify(minimalSummary()),
        "extra.json": text,
      });
      expect(code).toBe(1);
      expect(stderr).toMatch(/^extra\.json: /);
    }
  });

  it("render prints content the template has no place for as warnings on stderr, and still writes", async () => {
    const { code, stdout, stderr } = await cli(["render", "four.json", "-o", "out.docx"], "", {
      "four.json": readFileSync(join(repo, "examples", "four-sections.json"), "utf8"),
    });
    expect(code).toBe(0);
    expect(stdout).toBe("wrote out.docx\n");
    expect(stderr).toBe(
      "four.json: warning: The summary's meeting (会议信息) has content (theme, date, supervisors, agenda), but the template has no place that prints it ({facts.sentences.meeting} / {facts.sentences.agenda} / {meeting.theme} / {meeting.date} / {…}), so it is left out of the document. [unplaced_content]\n",
    );
    // The seed report's facts are in its own paragraphs: its render warns of nothing.
    const seed = await cli(["render", "seed.json", "-o", "seed.docx"], "", { "seed.json": seedJson });
    expect([seed.code, seed.stderr]).toEqual([0, ""]);
  });

  it("inspect knows your own fields from --data, and reports them without it", async () => {
    const files = { "own.docx": await ownTemplate(), "extra.json": extra };
    const without = await cli(["inspect", "own.docx"], "", files);
    expect(without.code).toBe(1);
    expect(without.stderr).toContain("{unitName} is not a tag this library fills");
    const withData = await cli(["inspect", "own.docx", "--data", "extra.json"], "", files);
    expect({ code: withData.code, stderr: withData.stderr }).toEqual({ code: 0, stderr: "" });
    expect(withData.stdout).toContain("{unitName} {contact.name}");
  });

  it("inspect prints warnings on stderr and exits 0 when there is no problem", async () => {
    const template = await reportWith((xml) => xml.replace("{#isLevel2}", "{#isLevel2} "));
    const { code, stderr } = await cli(["inspect", "t.docx"], "", { "t.docx": template });
    expect(code).toBe(0);
    expect(stderr).toMatch(/^t\.docx: warning: body «\{#isLevel2\}»: .*\[loop_paragraph_spaces\]\n$/);
  });
});
