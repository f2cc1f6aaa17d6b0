import { checkLocale, defineMessages, localeFromEnv, messageText } from "../../src/messages/catalogue";

describe("the message catalogue", () => {
  const messages = defineMessages({
    tooLong: {
      "zh-CN": (p: { max: number }) => `不得超过 ${p.max} 字`,
      en: (p: { max: number }) => `must be at most ${p.max} characters`,
    },
  });

  it("writes a message in the language asked for, English by default", () => {
    expect(messageText(messages.tooLong, { max: 200 }, "zh-CN")).toBe("不得超过 200 字");
    expect(messageText(messages.tooLong, { max: 200 })).toBe("must be at most 200 characters");
  });

  it("takes the language from LC_ALL, LC_MESSAGES, then LANG", () => {
    expect(localeFromEnv({ LANG: "zh_CN.UTF-8" })).toBe("zh-CN");
    expect(localeFromEnv({ LC_ALL: "en_US.UTF-8", LANG: "zh_CN.UTF-8" })).toBe("en");
    expect(localeFromEnv({ LC_MESSAGES: "zh_TW.UTF-8", LANG: "C" })).toBe("zh-CN");
    expect(localeFromEnv({})).toBe("en");
  });

  it("refuses a locale it does not write", () => {
    expect(checkLocale(undefined)).toBe("en");
    expect(() => checkLocale("fr")).toThrow(
      new RangeError('options.locale must be "zh-CN" or "en" (got "fr")'),
    );
  });
});
