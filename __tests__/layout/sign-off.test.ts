import {
  keepTextWithSignOff,
  sealedSignOffXml,
  signOffIndents,
  signOffXml,
  textWidthInChars,
} from "../../src/layout/sign-off";
import { renderSummary } from "../../src/render-summary";
import { minimalSummary } from "../fixtures/summaries";
import { partXml } from "../helpers/docx";

/** Each paragraph of the sign-off: style, right indent in twips, spacing before, alignment, text. */
function read(xml: string) {
  return [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map(([p]) => ({
    style: /<w:pStyle w:val="([^"]*)"/.exec(p)?.[1],
    right: Number(/<w:ind w:right="(\d+)"/.exec(p)?.[1]),
    before: /<w:spacing w:before="(\d+)"/.exec(p)?.[1],
    align: /<w:jc w:val="([^"]*)"/.exec(p)?.[1],
    keepNext: p.includes("<w:keepNext/>"),
    text: /<w:t xml:space="preserve">([^<]*)<\/w:t>/.exec(p)?.[1],
  }));
}

describe("textWidthInChars", () => {
  it("counts a Chinese character or full-width mark as 1", () => {
    expect(textWidthInChars("中共某某支部委员会")).toBe(9);
    expect(textWidthInChars("（一）〔2026〕")).toBe(7);
  });

  it("counts ASCII digits, letters and spaces as half a character", () => {
    expect(textWidthInChars("2026年1月5日")).toBe(6);
    expect(textWidthInChars("ABC 1")).toBe(2.5);
  });

  it("counts an astral character once", () => {
    expect(textWidthInChars("𠀋")).toBe(1);
  });
});

describe("signOffIndents", () => {
  it("keeps the signature 2 in and puts the date's first character 2 right of the signature's", () => {
    // 13 characters over 6: the date starts 13 + 2 from the margin and is 6 wide, so 7 in.
    expect(signOffIndents("中共某某单位第一支部委员会", "2026年1月5日")).toEqual({ signature: 2, date: 7 });
  });

  it("keeps a date longer than the signature 2 in and moves the signature left", () => {
    // 2026年12月25日 is 7 wide; the signature (5) must start 7 + 2 + 2 from the margin.
    expect(signOffIndents("某某党支部", "2026年12月25日")).toEqual({ signature: 6, date: 2 });
  });

  it("does not let a date almost as long as the signature come closer than 2 to the margin", () => {
    // 7 over 6: the rule would give the date 1, so it keeps 2 and the signature takes 3.
    expect(signOffIndents("中共某某党支部", "2026年1月5日")).toEqual({ signature: 3, date: 2 });
  });

  it("works in half characters when the texts hold digits", () => {
    // 9.5 over 6: the date is 3.5 in.
    expect(signOffIndents("中共第1党支部委员会", "2026年1月5日")).toEqual({ signature: 2, date: 3.5 });
  });
});

describe("signOffXml", () => {
  it("places a short date under the signature, shifted 2 characters right", () => {
    const [signature, date] = read(signOffXml("中共某某单位第一支部委员会", "2026年1月5日"));
    expect(signature).toEqual({
      style: "GwSignature",
      right: 640,
      before: "579",
      align: "right",
      keepNext: true,
      text: "中共某某单位第一支部委员会",
    });
    expect(date).toEqual({
      style: "GwDate",
      right: 7 * 320,
      before: undefined,
      align: "right",
      keepNext: false,
      text: "2026年1月5日",
    });
  });

  it("gives a long date the 2-character indent and the signature the rest", () => {
    const [signature, date] = read(signOffXml("某某党支部", "2026年12月25日"));
    expect(signature?.right).toBe(6 * 320);
    expect(date?.right).toBe(640);
  });

  it("writes whole twips for half-character indents", () => {
    const [, date] = read(signOffXml("中共第1党支部委员会", "2026年1月5日"));
    expect(date?.right).toBe(1120);
  });

  it("leaves one blank line above as spacing, not as an empty paragraph", () => {
    const xml = signOffXml("某某党支部", "2026年1月5日");
    expect(read(xml)).toHaveLength(2);
    expect(read(xml).every((p) => p.text !== "")).toBe(true);
    expect(xml.match(/w:before=/g)).toHaveLength(1);
  });

  it("turns off the automatic space between Chinese and digits the widths do not allow for", () => {
    const xml = signOffXml("某某党支部", "2026年1月5日");
    expect(xml.match(/<w:autoSpaceDE w:val="0"\/><w:autoSpaceDN w:val="0"\/>/g)).toHaveLength(2);
  });

  it("prints only the signature, 2 in, when there is no date", () => {
    expect(read(signOffXml("某某党支部", ""))).toEqual([
      {
        style: "GwSignature",
        right: 640,
        before: "579",
        align: "right",
        keepNext: false,
        text: "某某党支部",
      },
    ]);
  });

  it("prints only the date, 2 in and one line below the body, when there is no signature", () => {
    expect(read(signOffXml("", "2026年1月5日"))).toEqual([
      { style: "GwDate", right: 640, before: "579", align: "right", keepNext: false, text: "2026年1月5日" },
    ]);
  });

  it("returns nothing when there is neither, so the tag's paragraph goes", () => {
    expect(signOffXml("", "")).toBe("");
  });

  it("escapes XML-special characters", () => {
    const xml = signOffXml('A&B <委员会> "一"', "");
    expect(xml).toContain("A&amp;B &lt;委员会&gt; &quot;一&quot;");
    expect(xml).not.toMatch(/<委员会>|&B/);
  });

  it("writes well-formed paragraphs: every element closed, in schema order", () => {
    const xml = signOffXml("某某党支部", "2026年1月5日");
    const pPr = /<w:pPr>(.*?)<\/w:pPr>/.exec(xml)?.[1] ?? "";
    const order = [...pPr.matchAll(/<w:(\w+)/g)].map((m) => m[1]);
    expect(order).toEqual(["pStyle", "keepNext", "autoSpaceDE", "autoSpaceDN", "spacing", "ind", "jc"]);
    expect(xml.match(/<w:p>/g)).toHaveLength(2);
    expect(xml.match(/<\/w:p>/g)).toHaveLength(2);
  });
});

describe("keepTextWithSignOff", () => {
  const signOff = sealedSignOffXml("中共某某支部委员会", "2026年1月20日");
  const body = (pPr: string) => `<w:p>${pPr}<w:r><w:t>正文最后一段。</w:t></w:r></w:p>`;

  it("puts keep-with-next on the paragraph before the sign-off, after its style as the schema orders it", () => {
    const xml = `<w:body>${body('<w:pPr><w:pStyle w:val="GwBody"/><w:jc w:val="both"/></w:pPr>')}${signOff}</w:body>`;
    expect(keepTextWithSignOff(xml)).toBe(
      `<w:body>${body('<w:pPr><w:pStyle w:val="GwBody"/><w:keepNext/><w:jc w:val="both"/></w:pPr>')}${signOff}</w:body>`,
    );
  });

  it.each([
    ["no properties", body(""), body("<w:pPr><w:keepNext/></w:pPr>")],
    ["empty properties", body("<w:pPr/>"), body("<w:pPr><w:keepNext/></w:pPr>")],
    [
      "properties without a style",
      body("<w:pPr><w:jc/></w:pPr>"),
      body("<w:pPr><w:keepNext/><w:jc/></w:pPr>"),
    ],
    [
      "keep-with-next turned off",
      body('<w:pPr><w:keepNext w:val="0"/></w:pPr>'),
      body("<w:pPr><w:keepNext/></w:pPr>"),
    ],
    ["keep-with-next already on", body("<w:pPr><w:keepNext/></w:pPr>"), body("<w:pPr><w:keepNext/></w:pPr>")],
    ["an empty paragraph", "<w:p/>", "<w:p><w:pPr><w:keepNext/></w:pPr></w:p>"],
    [
      "attributes and a bookmark in between",
      '<w:p w:rsidR="00A1"><w:r><w:t>正文</w:t></w:r></w:p><w:bookmarkEnd w:id="0"/>',
      '<w:p w:rsidR="00A1"><w:pPr><w:keepNext/></w:pPr><w:r><w:t>正文</w:t></w:r></w:p><w:bookmarkEnd w:id="0"/>',
    ],
  ])("handles a paragraph with %s", (_, before, after) => {
    expect(keepTextWithSignOff(`${before}${signOff}`)).toBe(`${after}${signOff}`);
  });

  it("marks the paragraph that holds a text box, not a paragraph inside the text box", () => {
    const boxed = `<w:p><w:r><w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></w:r></w:p>`;
    expect(keepTextWithSignOff(`${boxed}${signOff}`)).toBe(
      `<w:p><w:pPr><w:keepNext/></w:pPr><w:r><w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></w:r></w:p>${signOff}`,
    );
  });

  it("changes nothing without a sign-off, with the sign-off first, or after a table", () => {
    const plain = body('<w:pPr><w:pStyle w:val="GwBody"/></w:pPr>');
    expect(keepTextWithSignOff(plain)).toBe(plain);
    expect(keepTextWithSignOff(`${signOff}${plain}`)).toBe(`${signOff}${plain}`);
    const table = `<w:tbl><w:tr><w:tc>${plain}</w:tc></w:tr></w:tbl>${signOff}`;
    expect(keepTextWithSignOff(table)).toBe(table);
  });

  it("keeps the last body paragraph of a rendered report with its sign-off, and only that one", async () => {
    const summary = {
      ...minimalSummary(),
      signature: "中共某某支部委员会",
      date: "2026-01-20",
      document: {
        issuer: "中共某某支部委员会",
        documentNumber: "某支发〔2026〕1号",
        printer: "中共某某支部委员会",
        printDate: "2026-01-20",
      },
    };
    for (const template of ["report", "document", "minutes"] as const) {
      const paragraphs =
        partXml(await renderSummary(summary, { template })).match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [];
      const signature = paragraphs.findIndex((p) => p.includes('w:val="GwSignature"'));
      const kept = paragraphs.flatMap((p, i) => (p.includes("<w:keepNext/>") ? [i] : []));
      // The paragraph before the signature, and the signature itself (kept with its date).
      expect({ template, kept }).toEqual({ template, kept: [signature - 1, signature] });
    }
  });
});
