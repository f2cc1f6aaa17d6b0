import { chineseNumeral, itemNumber, ordinalLead, sectionNumber } from "../../src/format/numbering";

describe("chineseNumeral", () => {
  it.each([
    [1, "一"],
    [9, "九"],
    [10, "十"],
    [11, "十一"],
    [19, "十九"],
    [20, "二十"],
    [21, "二十一"],
    [99, "九十九"],
    [100, "一百"],
    [101, "一百零一"],
    [110, "一百一十"],
    [1000, "一千"],
    [1001, "一千零一"],
    [1010, "一千零一十"],
    [9999, "九千九百九十九"],
  ])("writes %i as %s", (n, expected) => {
    expect(chineseNumeral(n)).toBe(expected);
  });

  it.each([0, -1, 1.5, 10000, Number.NaN])("refuses %p with a RangeError", (n) => {
    expect(() => chineseNumeral(n)).toThrow(RangeError);
  });
});

describe("heading numbers", () => {
  it("numbers sections 一、 to 九十九、 and beyond", () => {
    expect([1, 2, 3, 10, 11, 21, 99].map(sectionNumber)).toEqual([
      "一、",
      "二、",
      "三、",
      "十、",
      "十一、",
      "二十一、",
      "九十九、",
    ]);
  });

  it("numbers items by level: （一） then 1. then （1）", () => {
    expect(itemNumber(2, 12)).toBe("（十二）");
    expect(itemNumber(3, 12)).toBe("12.");
    expect(itemNumber(4, 12)).toBe("（12）");
  });

  it("writes ordinal leads 一是, 十一是", () => {
    expect([1, 2, 11].map(ordinalLead)).toEqual(["一是", "二是", "十一是"]);
  });
});
