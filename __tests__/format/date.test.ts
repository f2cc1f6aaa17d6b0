import { formatChineseDate } from "../../src/format/date";

describe("formatChineseDate", () => {
  it("prints Arabic numerals without zero padding (GB/T 9704-2012)", () => {
    expect(formatChineseDate("2026-01-05")).toBe("2026年1月5日");
    expect(formatChineseDate("2026-12-31")).toBe("2026年12月31日");
  });

  it("prints a Date in its local calendar day", () => {
    expect(formatChineseDate(new Date(2026, 0, 5, 23, 59))).toBe("2026年1月5日");
  });

  it("prints a date not yet known exactly as given", () => {
    expect(formatChineseDate({ text: "2026年*月*日" })).toBe("2026年*月*日");
  });

  it("does not mutate the original date", () => {
    const date = new Date(2026, 0, 5);
    formatChineseDate(date);
    expect(date.getTime()).toBe(new Date(2026, 0, 5).getTime());
  });
});
