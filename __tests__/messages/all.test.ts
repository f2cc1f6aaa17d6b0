import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { catalogues, messagesMarkdown, sampleText } from "../../src/messages/all";
import { CONSISTENCY_RULES } from "../../src/model/checks";
import { codeOf, modelMessages } from "../../src/model/messages";

const root = join(__dirname, "..", "..");
const entries = catalogues.flatMap((c) => Object.keys(c.messages).map((key) => [c.source, key, c] as const));

describe("every catalogue", () => {
  it.each(entries)("%s: %s is written in Chinese and in English", (_source, key, catalogue) => {
    const message = catalogue.messages[key];
    expect(typeof message?.["zh-CN"]).toBe("function");
    expect(typeof message?.en).toBe("function");
    const zh = sampleText(catalogue, key, "zh-CN");
    const en = sampleText(catalogue, key, "en");
    for (const text of [zh, en]) {
      expect(text.trim()).not.toBe("");
      expect(text).not.toMatch(/undefined|\[object |NaN/);
    }
    expect(zh).toMatch(/\p{Script=Han}/u);
    expect(zh).not.toBe(en);
  });

  it("has a sample for each message and no sample without one", () => {
    for (const c of catalogues) expect(Object.keys(c.samples).sort()).toEqual(Object.keys(c.messages).sort());
  });

  it("gathers every catalogue of the source tree", async () => {
    const files = readdirSync(join(root, "src"), { recursive: true, encoding: "utf8" }).filter((f) =>
      f.endsWith(".ts"),
    );
    const defined = files.flatMap((file) =>
      [
        ...readFileSync(join(root, "src", file), "utf8").matchAll(/export const (\w+) = defineMessages\(/g),
      ].map((m) => [file, m[1] as string] as const),
    );
    expect(defined.length).toBeGreaterThanOrEqual(catalogues.length);
    for (const [file, name] of defined) {
      const module = await import(join(root, "src", file));
      expect({ file, name, gathered: catalogues.some((c) => c.messages === module[name]) }).toEqual({
        file,
        name,
        gathered: true,
      });
    }
  });

  it("has a message for every code a consistency rule reports", () => {
    const codes = new Set(Object.keys(modelMessages).map(codeOf));
    for (const rule of CONSISTENCY_RULES) expect(codes).toContain(rule.code);
  });

  it("is listed in docs/messages.md as the code has it (npm run docs:messages writes it)", () => {
    // The formatter pads the tables' columns and wraps nothing else; compare without the padding.
    const unpadded = (text: string) =>
      text
        .split("\n")
        .map((line) =>
          line.startsWith("|") ? line.replace(/\s*\|\s*/g, "|").replace(/-{3,}/g, "---") : line,
        )
        .join("\n")
        .trimEnd();
    expect(unpadded(readFileSync(join(root, "docs", "messages.md"), "utf8"))).toBe(
      unpadded(messagesMarkdown()),
    );
  });
});
