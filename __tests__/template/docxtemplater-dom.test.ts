/**
 * The reader that stands in for @xmldom/xmldom in the browser build of docxtemplater: for the parts
 * docxtemplater parses, it must give the answers xmldom gives, and refuse what xmldom refuses.
 */
import { DOMParser as XmldomParser } from "@xmldom/xmldom";
import PizZip from "pizzip";
import { renderSummary } from "../../src/render-summary";
import { builtInTemplate } from "../../src/template/builtin";
import { DOMParser, ParseError, parseXml, XMLSerializer } from "../../src/template/docxtemplater-dom";
import { minimalSummary } from "../fixtures/summaries";
import { asDotx, mainContentType } from "../helpers/word-marks";

/** What docxtemplater reads of a part: each element it asks for with the attributes it reads. */
function reading(document: {
  getElementsByTagName(name: string): ArrayLike<{ getAttribute(name: string): string | null }>;
}) {
  const read = (tag: string, attributes: string[]) =>
    Array.from(document.getElementsByTagName(tag), (element) =>
      attributes.map((name) => element.getAttribute(name)),
    );
  return {
    defaults: read("Default", ["Extension", "ContentType"]),
    overrides: read("Override", ["PartName", "ContentType"]),
    relationships: read("Relationship", ["Id", "Type", "Target", "TargetMode"]),
  };
}

/** xmldom, quiet: it reports to the console before it throws. */
function xmldom(text: string) {
  return new XmldomParser({ onError: () => {} }).parseFromString(text, "text/xml");
}

it.each(["report", "document", "minutes"] as const)(
  "reads the %s template's content types and relationships as xmldom does",
  async (name) => {
    const zip = new PizZip(await builtInTemplate(name));
    for (const part of ["[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels"]) {
      const text = zip.file(part)?.asText() ?? "";
      const ours = reading(parseXml(text));
      expect(ours.defaults.length + ours.overrides.length + ours.relationships.length).toBeGreaterThan(2);
      expect({ part, ...ours }).toEqual({ part, ...reading(xmldom(text)) });
    }
  },
);

it("reads what Word and other writers put in these parts as xmldom does", () => {
  const word =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    "<Default Extension='xml'\r\n\tContentType = 'application/xml' />" +
    '<!-- a comment <Default Extension="no"/> -->' +
    '<Override PartName="/word/a&amp;b.xml" ContentType="x&#x2F;y&#47;z&lt;&gt;&quot;&apos;"></Override>' +
    '<Override PartName="/word/%E4%B8%AD.xml" ContentType="a\tb\nc"/>' +
    "</Types>\r\n";
  expect(reading(parseXml(word))).toEqual(reading(xmldom(word)));
  expect(reading(parseXml(word)).overrides).toEqual([
    ["/word/a&b.xml", "x/y/z<>\"'"],
    ["/word/%E4%B8%AD.xml", "a b c"],
  ]);
  const prefixed =
    '<pr:Relationships xmlns:pr="urn:x"><pr:Relationship Id="r1" Target="t"/><Relationship Id="r2" Target="u" TargetMode="External"/></pr:Relationships>';
  expect(reading(parseXml(prefixed))).toEqual(reading(xmldom(prefixed)));
  expect(parseXml(prefixed).getElementsByTagName("pr:Relationship")).toHaveLength(1);
});

it.each([
  ["empty", ""],
  ["only a declaration", '<?xml version="1.0"?>'],
  ["not XML", "hello"],
  ["a tag never closed", "<Types><Default/>"],
  ["tags crossed", "<Types><Default></Types></Default>"],
  ["an end tag that does not match", "<Types></Typo>"],
  ["an attribute twice", '<Types><Default Extension="a" Extension="b"/></Types>'],
  ["two roots", "<Types/><Types/>"],
  ["a < in an attribute value", '<Types><Default Extension="a<b"/></Types>'],
  ["a comment never closed", "<Types><!-- </Types>"],
  ["a tag cut short", '<Types><Default Extension="xml"'],
])("refuses %s, as xmldom does", (_, text) => {
  expect(() => xmldom(text)).toThrow();
  expect(() => parseXml(text)).toThrow(ParseError);
});

it.each([
  ["text before and after the root", 'hello<Types><Default Extension="xml"/></Types>tail'],
  ["an attribute without quotes", "<Types><Default Extension=xml/></Types>"],
  ["attributes without a space between", '<Types><Default Extension="a"ContentType="b"/></Types>'],
  ["a < in text", '<Types>a < b<Default Extension="c"/></Types>'],
])("lets pass %s, as xmldom does (reporting it), and reads the same", (_, text) => {
  expect(reading(parseXml(text))).toEqual(reading(xmldom(text)));
  expect(parseXml(text).getElementsByTagName("Default")).toHaveLength(1);
});

it("answers docxtemplater's calls: parseFromString, and serializeToString giving the text back", () => {
  const text = "<Types xmlns='urn:x'><Default Extension='xml' ContentType='a'/></Types>";
  const document = new DOMParser().parseFromString(text, "text/xml");
  expect(document.getElementsByTagName("Default")[0]?.getAttribute("ContentType")).toBe("a");
  expect(document.getElementsByTagName("Default")[0]?.getAttribute("PartName")).toBeNull();
  expect(new XMLSerializer().serializeToString(document)).toBe(text);
});

/** The template with `[Content_Types].xml` as Word saves it: CRLF after the declaration, single quotes. */
async function wordSavedTypes(): Promise<{ template: Uint8Array; types: string }> {
  const zip = new PizZip(await builtInTemplate("report"));
  const types = (zip.file("[Content_Types].xml")?.asText() ?? "")
    .replace("?>", "?>\r\n")
    .replace('Extension="rels"', "Extension='rels'");
  zip.file("[Content_Types].xml", types);
  return { template: zip.generate({ type: "uint8array", compression: "DEFLATE" }), types };
}

it("leaves the template's [Content_Types].xml as it is (no XML serializer rewrites it)", async () => {
  const { template, types } = await wordSavedTypes();
  const out = new PizZip(await renderSummary(minimalSummary(), { template }));
  expect(out.file("[Content_Types].xml")?.asText()).toBe(types);
});

it("still gives a .dotx's output the document content type", async () => {
  const template = asDotx((await wordSavedTypes()).template);
  expect(mainContentType(template)).toContain("template.main");
  const out = await renderSummary(minimalSummary(), { template });
  expect(mainContentType(out)).toBe(
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
  );
});
