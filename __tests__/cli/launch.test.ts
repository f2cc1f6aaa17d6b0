/**
 * Where the CLI keeps its code cache on a Node without `module.enableCompileCache` (the launcher itself
 * runs in the packed-package test, from the built CLI).
 */
import { chmodSync, existsSync, mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cacheFolder } from "../../src/cli/launch";

const base = () => mkdtempSync(join(tmpdir(), "msd-launch-"));

it("keeps the cache in a folder of its own under NODE_COMPILE_CACHE, made readable by this user only", () => {
  const dir = base();
  const folder = cacheFolder({ NODE_COMPILE_CACHE: dir });
  expect(folder).toBe(join(dir, "meeting-summary-docx"));
  expect(statSync(folder as string).isDirectory()).toBe(true);
  expect(statSync(folder as string).mode & 0o777).toBe(0o700);
});

it("uses a folder of this user's in the temporary folder by default", () => {
  const folder = cacheFolder({});
  expect(folder).toBe(join(tmpdir(), `meeting-summary-docx-${process.getuid?.() ?? "cache"}`));
});

it("keeps no cache when NODE_DISABLE_COMPILE_CACHE is set, and makes no folder", () => {
  const dir = base();
  expect(cacheFolder({ NODE_COMPILE_CACHE: dir, NODE_DISABLE_COMPILE_CACHE: "1" })).toBeUndefined();
  expect(existsSync(join(dir, "meeting-summary-docx"))).toBe(false);
});

it("never uses a folder that others can write to, or a file in its place", () => {
  const dir = base();
  const folder = cacheFolder({ NODE_COMPILE_CACHE: dir }) as string;
  chmodSync(folder, 0o777);
  expect(cacheFolder({ NODE_COMPILE_CACHE: dir })).toBeUndefined();
  const other = base();
  writeFileSync(join(other, "meeting-summary-docx"), "");
  expect(cacheFolder({ NODE_COMPILE_CACHE: other })).toBeUndefined();
});
