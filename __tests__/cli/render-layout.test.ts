import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type CliIo, runCli } from "../../src/cli/run";
import { partXml } from "../helpers/docx";
import { attr } from "../helpers/styles";

const repo = join(__dirname, "..", "..");

async function cli(argv: string[]) {
  const cwd = mkdtempSync(join(tmpdir(), "msd-cli-layout-"));
  let stderr = "";
  const io: CliIo = {
    stdout: () => {},
    stderr: (t) => {
      stderr += t;
    },
    readStdin: async () => new Uint8Array(),
    cwd,
    examplePath: join(repo, "examples", "seed-report.json"),
  };
  return { code: await runCli(argv, io), stderr, cwd };
}

describe("meeting-summary render with layout flags", () => {
  it("renders the document example with plain fonts, screen margins and 20 lines a page", async () => {
    const example = join(repo, "examples", "document.json");
    const flags = ["--fonts", "plain", "--margins", "screen", "--lines-per-page", "20"];
    const { code, cwd } = await cli(["render", example, "-t", "document", ...flags, "-o", "out.docx"]);
    expect(code).toBe(0);
    const docx = readFileSync(join(cwd, "out.docx"));
    expect(attr(partXml(docx), "w:pgMar", "w:top")).toBe("1960");
    // 20 lines fill the screen margins' 229.84 mm text block (13031 twips): 651 twips a line.
    expect(attr(partXml(docx), "w:docGrid", "w:linePitch")).toBe("651");
    // The seal's room above the sign-off is 3 of those lines.
    expect(partXml(docx)).toContain('<w:spacing w:before="1953"/>');
    expect(partXml(docx, "word/styles.xml")).not.toContain("仿宋_GB2312");
    expect(partXml(docx)).toContain("中共某某支部委员会文件");
  });

  it("exits 2 for a value outside a flag's choices", async () => {
    const example = join(repo, "examples", "minutes.json");
    const { code, stderr } = await cli(["render", example, "--margins", "wide", "-o", "out.docx"]);
    expect(code).toBe(2);
    expect(stderr).toContain("--margins");
    const lines = await cli(["render", example, "--lines-per-page", "40", "-o", "out.docx"]);
    expect(lines.code).toBe(2);
    expect(lines.stderr).toContain("a whole number from 18 to 26");
  });
});
