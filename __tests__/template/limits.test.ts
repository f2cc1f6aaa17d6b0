import PizZip from "pizzip";
import { TemplateError } from "../../src/errors";
import { toView } from "../../src/format/view";
import { builtInTemplate } from "../../src/template/builtin";
import { inspectTemplate } from "../../src/template/inspect";
import { TemplateLimits } from "../../src/template/open";
import { renderTemplate } from "../../src/template/render";
import { minimalSummary } from "../fixtures/summaries";
import { reportWith } from "../helpers/templates";

const MB = 1024 * 1024;

/** What inspect and render both throw for a template that cannot be opened. */
function refusal(template: Uint8Array): TemplateError {
  let inspected: unknown;
  let rendered: unknown;
  try {
    inspectTemplate(template);
  } catch (error) {
    inspected = error;
  }
  try {
    renderTemplate(template, toView(minimalSummary()));
  } catch (error) {
    rendered = error;
  }
  expect(inspected).toBeInstanceOf(TemplateError);
  expect(rendered).toEqual(inspected);
  return inspected as TemplateError;
}

/** The report template plus one more file. */
async function reportPlus(name: string, content: string | Uint8Array): Promise<Uint8Array> {
  const zip = new PizZip(await builtInTemplate("report"));
  zip.file(name, content);
  return zip.generate({ type: "uint8array", compression: "DEFLATE" });
}

/**
 * Where `name`'s header starts in a zip: its central directory header (signature 0x02014b50, name length at
 * 28, name at 46) or its local header (0x04034b50, name length at 26, name at 30).
 */
function headerOf(zip: Uint8Array, name: string, where: "central" | "local"): number {
  const [signature, lengthAt, nameAt] = where === "central" ? [0x02014b50, 28, 46] : [0x04034b50, 26, 30];
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const encoded = new TextEncoder().encode(name);
  for (let at = 0; at < zip.length - nameAt; at++) {
    if (view.getUint32(at, true) !== signature || view.getUint16(at + lengthAt, true) !== encoded.length)
      continue;
    if (zip.subarray(at + nameAt, at + nameAt + encoded.length).every((b, i) => b === encoded[i])) return at;
  }
  throw new Error(`no ${where} header for ${name}`);
}

/**
 * Sets the uncompressed size the central directory declares for `name`, as a hand-made zip could: the
 * data stays the same, so the file unpacks to more than it says.
 */
function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  new DataView(out.buffer).setUint32(headerOf(out, name, "central") + 24, size, true);
  return out;
}

/** Overwrites the start of `name`'s compressed data with bytes that are not DEFLATE. */
function damage(zip: Uint8Array, name: string): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const at = headerOf(out, name, "local");
  const data = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  out.fill(0xff, data, data + 10);
  return out;
}

describe("templates that cannot be opened are refused before anything is inflated", () => {
  it("refuses a file that is not a zip (not-a-zip.docx)", () => {
    expect(refusal(new TextEncoder().encode("这不是一个 Word 文件"))).toMatchObject({
      code: "invalid_template",
      issues: [
        {
          code: "not_a_docx",
          message:
            "The template is not a .docx file: it is not a zip archive. Save it in Word or WPS as “Word 文档 (*.docx)”.",
        },
      ],
    });
  });

  it("refuses a zip without word/document.xml (no-document.docx)", () => {
    const zip = new PizZip();
    zip.file("hello.txt", "hi");
    expect(refusal(zip.generate({ type: "uint8array" }))).toMatchObject({
      code: "invalid_template",
      issues: [
        { code: "missing_document", message: expect.stringContaining("the zip has no word/document.xml") },
      ],
    });
  });

  it("refuses a document that declares a DTD: entity expansion (billion-laughs.docx)", async () => {
    const laughs =
      '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>';
    const template = await reportWith((xml) =>
      xml.replace("?>", `?>${laughs}`).replace("{title}", "{title}&lol2;"),
    );
    expect(refusal(template)).toMatchObject({
      code: "invalid_template",
      issues: [
        {
          code: "dtd_not_allowed",
          message: expect.stringMatching(/^The file word\/document\.xml inside the template declares a DTD/),
        },
      ],
    });
  });

  it("refuses a DTD in any XML part, e.g. an external entity in the relationships (xxe.docx)", async () => {
    const template = await reportWith(
      (xml) => xml.replace("?>", '?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'),
      "word/_rels/document.xml.rels",
    );
    expect(refusal(template).issues).toMatchObject([
      { code: "dtd_not_allowed", message: expect.stringContaining("word/_rels/document.xml.rels") },
    ]);
  });

  it.each(["word/document.xml", "word/styles.xml", "word/footer2.xml", "[Content_Types].xml", "_rels/.rels"])(
    "refuses a template whose %s is not well-formed XML, naming the file",
    async (file) => {
      // Cut off as a damaged download or a hand edit leaves it: the root element is never closed.
      const template = await reportWith((xml) => xml.replace(/<\/[\w:]+>\s*$/, ""), file);
      const logged = jest.spyOn(console, "error").mockImplementation(() => {});
      try {
        expect(refusal(template)).toMatchObject({
          code: "invalid_template",
          issues: [{ code: "invalid_xml", part: file, message: expect.stringContaining("not well-formed") }],
        });
        // xmldom, which docxtemplater reads two of these parts with, never gets to print its own report.
        expect(logged).not.toHaveBeenCalled();
      } finally {
        logged.mockRestore();
      }
    },
  );

  it("names every broken part at once, in Chinese when asked", async () => {
    const cut = (xml: string) => xml.replace(/<\/[\w:]+>\s*$/, "");
    const zip = new PizZip(await reportWith(cut, "word/styles.xml"));
    zip.file("word/settings.xml", cut(zip.file("word/settings.xml")?.asText() ?? ""));
    const template = zip.generate({ type: "uint8array" });
    expect(() => renderTemplate(template, toView(minimalSummary()), { locale: "zh-CN" })).toThrow(
      expect.objectContaining({
        issues: [
          expect.objectContaining({
            part: "word/styles.xml",
            message: expect.stringContaining("XML 格式不正确"),
          }),
          expect.objectContaining({ part: "word/settings.xml" }),
        ],
      }),
    );
  });

  it("refuses a part that unpacks beyond the bound per part (zip-bomb.docx: 30 MB of zeros)", async () => {
    const template = await reportPlus("word/media/bomb.bin", new Uint8Array(30 * MB));
    expect(template.length).toBeLessThan(200 * 1024);
    expect(refusal(template)).toMatchObject({
      code: "invalid_template",
      issues: [
        {
          code: "too_large",
          message:
            "The file word/media/bomb.bin inside the template unpacks to 30 MB; a part may be at most 20 MB.",
        },
      ],
    });
  });

  it("refuses parts that together unpack beyond the total bound (three 18 MB parts)", async () => {
    const zip = new PizZip(await builtInTemplate("report"));
    for (const n of [1, 2, 3]) zip.file(`word/media/image${n}.bin`, new Uint8Array(18 * MB));
    const template = zip.generate({ type: "uint8array", compression: "DEFLATE" });
    expect(refusal(template).issues).toMatchObject([
      {
        code: "too_large",
        message: expect.stringMatching(
          /^The template unpacks to 54(\.\d)? MB; a template may unpack to at most 50 MB\.$/,
        ),
      },
    ]);
  });

  it("refuses a zip with too many files", async () => {
    const zip = new PizZip(await builtInTemplate("report"));
    for (let n = 0; n <= TemplateLimits.maxEntries; n++) zip.file(`word/media/${n}.txt`, "");
    expect(refusal(zip.generate({ type: "uint8array" })).issues).toMatchObject([
      { code: "too_many_parts", message: expect.stringContaining(`at most ${TemplateLimits.maxEntries}`) },
    ]);
  });

  it("refuses a file larger than the bound for a template file", () => {
    const big = new Uint8Array(TemplateLimits.maxFileBytes + 1);
    expect(refusal(big).issues).toMatchObject([
      { code: "too_large", message: expect.stringContaining("at most 20 MB") },
    ]);
  });

  it("refuses a part whose header lies about its size, without inflating it (lying-header.docx)", async () => {
    const honest = await reportPlus("word/bomb.xml", `<a>${"x".repeat(30 * MB)}</a>`);
    expect(honest.length).toBeLessThan(200 * 1024);
    const lying = declareSize(honest, "word/bomb.xml", 1000);
    expect(refusal(lying)).toMatchObject({
      code: "invalid_template",
      issues: [
        {
          code: "too_large",
          message: expect.stringContaining("does not unpack to the size the zip declares"),
        },
      ],
    });
  });

  it("refuses a part whose compressed data is damaged (damaged.docx)", async () => {
    const damaged = damage(await builtInTemplate("report"), "word/document.xml");
    expect(refusal(damaged)).toMatchObject({
      code: "invalid_template",
      issues: [{ code: "not_a_docx", message: expect.stringContaining("its zip data is damaged") }],
    });
  });

  it("opens the built-in template, which stays far within the bounds", async () => {
    const template = await builtInTemplate("report");
    expect(template.length).toBeLessThan(TemplateLimits.maxFileBytes / 100);
    expect(inspectTemplate(template).issues).toEqual([]);
  });
});

describe("TemplateLimits", () => {
  it("documents the bounds", () => {
    expect(TemplateLimits).toEqual({
      maxFileBytes: 20 * MB,
      maxEntries: 2000,
      maxPartBytes: 20 * MB,
      maxTotalBytes: 50 * MB,
    });
  });
});
