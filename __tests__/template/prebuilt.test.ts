import { buildDocumentTemplate } from "../../src/layout/document";
import { buildMinutesTemplate } from "../../src/layout/minutes";
import { buildReportTemplate } from "../../src/layout/report";
import { builtInTemplate } from "../../src/template/builtin";

const builders = {
  report: buildReportTemplate,
  document: buildDocumentTemplate,
  minutes: buildMinutesTemplate,
} as const;

describe("the prebuilt built-in templates", () => {
  it.each(Object.keys(builders) as (keyof typeof builders)[])(
    "ships %s as the layout code builds it today (else: npm run templates)",
    async (name) => {
      const shipped = await builtInTemplate(name);
      const fresh = await builders[name]();
      expect(Buffer.compare(Buffer.from(shipped), Buffer.from(fresh))).toBe(0);
    },
  );

  it("makes a layout other than the default once, and keeps it (see __tests__/layout/patch.test.ts)", async () => {
    const plain = await builtInTemplate("report", { fonts: "plain" });
    expect(Buffer.from(plain).equals(Buffer.from(await builtInTemplate("report")))).toBe(false);
    expect(await builtInTemplate("report", { fonts: "plain" })).toBe(plain);
  });
});
