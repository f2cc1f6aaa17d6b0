import { execFileSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Limits } from "../../src/model/limits";
import { parseSummaryJson, readSummaryFile, UnsafeOutputError, writeFileAtomic } from "../../src/node";
import { minimalSummary } from "../fixtures/summaries";
import { runCliIn } from "../helpers/cli";
import { encodeGbk } from "../helpers/gbk";

const bytes = new TextEncoder().encode("new content");

function folder(): string {
  return mkdtempSync(join(tmpdir(), "msd-write-"));
}

describe("writeFileAtomic", () => {
  it("creates a new file with the content", async () => {
    const dir = folder();
    await writeFileAtomic(join(dir, "out.docx"), bytes);
    expect(readFileSync(join(dir, "out.docx"), "utf8")).toBe("new content");
    expect(readdirSync(dir)).toEqual(["out.docx"]);
  });

  it("replaces an existing file and keeps its permissions", async () => {
    const dir = folder();
    const path = join(dir, "out.docx");
    writeFileSync(path, "old");
    chmodSync(path, 0o640);
    await writeFileAtomic(path, bytes);
    expect(readFileSync(path, "utf8")).toBe("new content");
    expect(statSync(path).mode & 0o777).toBe(0o640);
  });

  it("writes through a symbolic link to the file it names, and the link stays a link", async () => {
    const dir = folder();
    mkdirSync(join(dir, "real"));
    const target = join(dir, "real", "report.docx");
    writeFileSync(target, "old");
    chmodSync(target, 0o600);
    symlinkSync(target, join(dir, "link.docx"));
    await writeFileAtomic(join(dir, "link.docx"), bytes);
    expect(lstatSync(join(dir, "link.docx")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, "link.docx"))).toBe(target);
    expect(readFileSync(target, "utf8")).toBe("new content");
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(dir, "real"))).toEqual(["report.docx"]);
  });

  it("refuses a symbolic link to nothing", async () => {
    const dir = folder();
    symlinkSync(join(dir, "missing.docx"), join(dir, "link.docx"));
    await expect(writeFileAtomic(join(dir, "link.docx"), bytes)).rejects.toMatchObject({
      name: "UnsafeOutputError",
      code: "broken_link",
    });
    expect(lstatSync(join(dir, "link.docx")).isSymbolicLink()).toBe(true);
    expect(existsSync(join(dir, "missing.docx"))).toBe(false);
  });

  it("refuses a FIFO and leaves it a FIFO", async () => {
    const dir = folder();
    const fifo = join(dir, "pipe");
    execFileSync("mkfifo", [fifo]);
    const write = writeFileAtomic(fifo, bytes);
    await expect(write).rejects.toThrow(UnsafeOutputError);
    await expect(write).rejects.toMatchObject({
      code: "not_a_file",
      message: `${fifo} is a FIFO (named pipe), not a regular file: nothing was written`,
    });
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(["pipe"]);
  });

  it("refuses a device and leaves it a device (as root too)", async () => {
    await expect(writeFileAtomic("/dev/null", bytes)).rejects.toMatchObject({ code: "not_a_file" });
    expect(lstatSync("/dev/null").isCharacterDevice()).toBe(true);
  });

  it("refuses a directory", async () => {
    const dir = folder();
    mkdirSync(join(dir, "out.docx"));
    await expect(writeFileAtomic(join(dir, "out.docx"), bytes)).rejects.toMatchObject({
      code: "not_a_file",
      reason: "is a directory, not a regular file",
    });
    expect(statSync(join(dir, "out.docx")).isDirectory()).toBe(true);
  });

  it("refuses a read-only file (as root too) and leaves it as it was", async () => {
    const dir = folder();
    const path = join(dir, "out.docx");
    writeFileSync(path, "old");
    chmodSync(path, 0o444);
    await expect(writeFileAtomic(path, bytes)).rejects.toMatchObject({ code: "read_only" });
    expect(readFileSync(path, "utf8")).toBe("old");
    expect(statSync(path).mode & 0o777).toBe(0o444);
    expect(readdirSync(dir)).toEqual(["out.docx"]);
  });
});

describe("meeting-summary render -o", () => {
  async function render(output: (cwd: string) => string) {
    const cwd = folder();
    writeFileSync(join(cwd, "s.json"), JSON.stringify(minimalSummary()));
    const { code, stderr } = await runCliIn(cwd, ["render", "s.json", "-o", output(cwd)]);
    return { code, stderr, cwd };
  }

  it("exits 1 and says what is at the path for a FIFO", async () => {
    const { code, stderr, cwd } = await render((cwd) => {
      execFileSync("mkfifo", [join(cwd, "out.docx")]);
      return "out.docx";
    });
    expect([code, stderr]).toEqual([
      1,
      "out.docx: is a FIFO (named pipe), not a regular file: nothing was written\n",
    ]);
    expect(lstatSync(join(cwd, "out.docx")).isFIFO()).toBe(true);
  });

  it("exits 1 for a read-only file and leaves it as it was", async () => {
    const { code, stderr, cwd } = await render((cwd) => {
      writeFileSync(join(cwd, "out.docx"), "old");
      chmodSync(join(cwd, "out.docx"), 0o444);
      return "out.docx";
    });
    expect([code, stderr]).toEqual([1, "out.docx: is read-only: nothing was written\n"]);
    expect(readFileSync(join(cwd, "out.docx"), "utf8")).toBe("old");
  });
});

describe("readSummaryFile", () => {
  it("reads a summary saved as GBK, as older Windows tools save it", async () => {
    const dir = folder();
    const summary = { ...minimalSummary(), title: "中文标题：组织生活会情况报告" };
    writeFileSync(join(dir, "s.json"), encodeGbk(JSON.stringify(summary)));
    expect((await readSummaryFile(join(dir, "s.json"))).title).toBe("中文标题：组织生活会情况报告");
  });
});

describe("a summary file too large to parse", () => {
  it("is refused by parseSummaryJson before parsing, with too_large", () => {
    const json = `{"title": "${"字".repeat(Limits.jsonText)}"}`;
    expect(() => parseSummaryJson(json)).toThrow(
      expect.objectContaining({
        code: "invalid_summary",
        issues: [
          {
            path: [],
            code: "too_large",
            message: `The file is ${json.length} characters long: a summary may have at most ${Limits.jsonText}, so it was not read`,
          },
        ],
      }),
    );
  });

  it("is not even read by readSummaryFile when it has more bytes than any encoding needs", async () => {
    const dir = folder();
    const path = join(dir, "big.json");
    writeFileSync(path, "");
    truncateSync(path, 4 * Limits.jsonText + 1); // sparse: takes no room on disk
    await expect(readSummaryFile(path)).rejects.toMatchObject({ issues: [{ path: [], code: "too_large" }] });
  });
});
