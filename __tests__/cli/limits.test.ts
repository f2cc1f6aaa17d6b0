import { mkdtempSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MAX_INPUT_BYTES } from "../../src/cli/io";
import type { Block } from "../../src/model/types";
import { minimalSummary } from "../fixtures/summaries";
import { runCliIn } from "../helpers/cli";

async function validate(summary: unknown) {
  const cwd = mkdtempSync(join(tmpdir(), "msd-limits-"));
  writeFileSync(join(cwd, "s.json"), JSON.stringify(summary));
  return runCliIn(cwd, ["validate", "s.json"]);
}

describe("meeting-summary validate past the limits", () => {
  it("names the path of items nested 600 levels deep instead of overflowing the stack", async () => {
    let block: Block = "最里层。";
    for (let i = 0; i < 600; i += 1) block = { type: "item", heading: "条目", blocks: [block] };
    const { code, stderr } = await validate({
      ...minimalSummary(),
      outcomes: { heading: "下一步", blocks: [block] },
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^s\.json: outcomes\.blocks\[0\](\.blocks\[0\])+(\.blocks \(内容\))? is nested too deep: the summary has at most 32 levels\n$/,
    );
  });

  it("names the list of 10,000 ordinals that numbering could not reach", async () => {
    const items = Array.from({ length: 10_000 }, () => "条目。");
    const { code, stderr } = await validate({
      ...minimalSummary(),
      outcomes: { heading: "下一步", blocks: [{ type: "ordinals", items }] },
    });
    expect([code, stderr]).toEqual([
      1,
      "s.json: outcomes.blocks[0].items (一是、二是条目) has 10000 entries: a list may have at most 1000\n",
    ]);
  });
});

describe("meeting-summary reading a file past the size limit", () => {
  /** A sparse file of `size` bytes: taking no disk, and costing memory only if it is read. */
  function hugeFile(size: number): string {
    const cwd = mkdtempSync(join(tmpdir(), "msd-huge-"));
    writeFileSync(join(cwd, "huge.json"), "");
    truncateSync(join(cwd, "huge.json"), size);
    return cwd;
  }

  it("refuses it before reading it, naming its size, for render, validate and a template", async () => {
    const cwd = hugeFile(MAX_INPUT_BYTES + 1);
    for (const argv of [
      ["validate", "huge.json"],
      ["render", "huge.json", "-o", "out.docx"],
      ["inspect", "huge.json"],
    ]) {
      const { code, stderr } = await runCliIn(cwd, argv);
      expect({ argv, code, stderr }).toEqual({
        argv,
        code: 1,
        stderr: `huge.json: The file is ${MAX_INPUT_BYTES + 1} bytes: a summary may have at most 16000000 characters, so it was not read\n`,
      });
    }
  });
});
