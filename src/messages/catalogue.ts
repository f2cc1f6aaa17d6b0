/**
 * The message catalogue: every sentence the library and the CLI write to a person, in zh-CN and en. A
 * message is looked up by a stable key and filled with its parameters; codes and paths never change with
 * the language. Each stage keeps its messages beside its code (`src/<stage>/messages.ts`, made with
 * {@link defineMessages}); `src/messages/all.ts` gathers them for docs/messages.md and the tests.
 */

/** The languages messages are written in. */
export const Locale = {
  /** 简体中文, as a careful clerk writes it. */
  ZhCN: "zh-CN",
  /** English. */
  En: "en",
} as const;
export type Locale = (typeof Locale)[keyof typeof Locale];

/** The language used when none is asked for. */
export const DEFAULT_LOCALE: Locale = Locale.En;

/** One message in both languages: a function of its parameters for each. */
export interface Message<P> {
  readonly "zh-CN": (params: P) => string;
  readonly en: (params: P) => string;
}

/** A stage's messages, by key. The identity function: it only makes TypeScript check each entry. */
// biome-ignore lint/suspicious/noExplicitAny: each entry keeps its own parameter type
export function defineMessages<T extends Record<string, Message<any>>>(messages: T): T {
  return messages;
}

/** Whether `value` is one of {@link Locale}. */
export function isLocale(value: unknown): value is Locale {
  return value === Locale.ZhCN || value === Locale.En;
}

/**
 * Checks a `locale` option: undefined gives {@link DEFAULT_LOCALE}.
 * @throws RangeError for a value that is not a {@link Locale}
 */
export function checkLocale(locale: unknown, name = "options.locale"): Locale {
  if (locale === undefined) return DEFAULT_LOCALE;
  if (!isLocale(locale)) {
    throw new RangeError(`${name} must be "zh-CN" or "en" (got ${JSON.stringify(locale)})`);
  }
  return locale;
}

/**
 * The text of a message in a language.
 * @example
 * const messages = defineMessages({ empty: { "zh-CN": () => "文件是空的", en: () => "The file is empty" } })
 * messageText(messages.empty, {}, "zh-CN") //=> "文件是空的"
 */
export function messageText<P>(message: Message<P>, params: P, locale: Locale = DEFAULT_LOCALE): string {
  return message[locale](params);
}

/**
 * The language a process's environment asks for (LC_ALL, then LC_MESSAGES, then LANG, as POSIX orders
 * them): `zh*` gives zh-CN, anything else en.
 * @example
 * localeFromEnv({ LANG: "zh_CN.UTF-8" }) //=> "zh-CN"
 */
export function localeFromEnv(env: Readonly<Record<string, string | undefined>>): Locale {
  const value = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^zh/i.test(value) ? Locale.ZhCN : Locale.En;
}
