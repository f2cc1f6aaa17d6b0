import { signOffIndents, signOffXml, textWidthInChars } from "../../src/layout/sign-off";

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
