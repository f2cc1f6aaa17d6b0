import { renderSummary } from "../../src/render-summary";
import { builtInTemplate } from "../../src/template/builtin";
import { minimalSummary } from "../fixtures/summaries";
import { addHeader } from "../helpers/templates";

/*
 * "Same input, same bytes" across calls, not only across processes: a batch renders on worker threads,
 * each rendering a template for the first time and then again, and a script compares their files with
 * a single render's.
 */
it("renders a built-in template's first document with the same bytes as every later one", async () => {
  const first = await renderSummary(minimalSummary(), { template: "minutes" });
  const second = await renderSummary(minimalSummary(), { template: "minutes" });
  expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
});

it("renders a user's template the first time with the same bytes as every later time", async () => {
  const template = addHeader(await builtInTemplate("report"), "<w:p><w:r><w:t>{title}</w:t></w:r></w:p>");
  const copy = new Uint8Array(template);
  const first = await renderSummary(minimalSummary(), { template });
  const again = await renderSummary(minimalSummary(), { template });
  const fromCopy = await renderSummary(minimalSummary(), { template: copy });
  expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
  expect(Buffer.from(fromCopy).equals(Buffer.from(first))).toBe(true);
});
