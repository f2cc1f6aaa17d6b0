/*
 * The messages of the size limits and of the other hardening checks of the model (src/model/limits.ts), in
 * zh-CN and en. Each is the predicate that follows the field's path and name.
 */
import { defineMessages } from "../messages/catalogue.js";

/** The messages of the limits and hardening checks, by key. */
export const limitMessages = defineMessages({
  too_long: {
    "zh-CN": (p: { length: number; max: number }) => `共 ${p.length} 字，超过每项 ${p.max} 字的上限`,
    en: (p: { length: number; max: number }) =>
      `is ${p.length} characters long: a text may have at most ${p.max}`,
  },
  too_many: {
    "zh-CN": (p: { count: number; max: number }) => `共 ${p.count} 项，超过每个列表 ${p.max} 项的上限`,
    en: (p: { count: number; max: number }) => `has ${p.count} entries: a list may have at most ${p.max}`,
  },
  too_large_values: {
    "zh-CN": (p: { max: number }) => `内容过多：全文最多 ${p.max} 个值（每段文字、数字、条目各算一个）`,
    en: (p: { max: number }) =>
      `is too large: it may hold at most ${p.max} values (each text, number and entry counts as one)`,
  },
  too_large_text: {
    "zh-CN": (p: { max: number }) => `文字过多：全文合计最多 ${p.max} 字`,
    en: (p: { max: number }) => `is too large: its texts may have at most ${p.max} characters in all`,
  },
  too_large_json: {
    "zh-CN": (p: { length: number; max: number }) =>
      `文件共 ${p.length} 个字符，超过 ${p.max} 个字符的上限，未予读取`,
    en: (p: { length: number; max: number }) =>
      `The file is ${p.length} characters long: a summary may have at most ${p.max}, so it was not read`,
  },
  too_large_file: {
    "zh-CN": (p: { bytes: number; max: number }) =>
      `文件共 ${p.bytes} 字节，超过 ${p.max} 个字符的上限，未予读取`,
    en: (p: { bytes: number; max: number }) =>
      `The file is ${p.bytes} bytes: a summary may have at most ${p.max} characters, so it was not read`,
  },
  too_deep: {
    "zh-CN": (p: { max: number }) => `嵌套过深：最多 ${p.max} 层`,
    en: (p: { max: number }) => `is nested too deep: the summary has at most ${p.max} levels`,
  },
  unreadable_field: {
    "zh-CN": (p: { reason: string }) => `无法读取：${p.reason}`,
    en: (p: { reason: string }) => `could not be read: ${p.reason}`,
  },
});
