/**
 * Every sentence the template stage writes to a person (opening, inspecting and rendering a template), in
 * zh-CN and en. Issues keep the same `code` in both languages; only the words change. The Chinese is
 * written for a clerk editing the template in Word or WPS: it speaks of 段落、大括号、页眉, not of the engine.
 */
import { DEFAULT_LOCALE, defineMessages, type Locale, messageText } from "../messages/catalogue.js";
import { type FileKind, fileKindMessages } from "./file-kind.js";

type Tag = { tag: string };
type Name = { name: string };

/** Where a tag of the vocabulary is filled, for `tag_out_of_scope`. */
export type TagPlace = { at: "top" } | { at: "group"; usage: string } | { at: "loop"; usage: string };

function placeText(place: TagPlace, locale: Locale): string {
  if (place.at === "top") return locale === "zh-CN" ? "在最外层（不在任何循环之内）" : "at the top level";
  if (place.at === "group") return locale === "zh-CN" ? `写成 ${place.usage} 的形式` : `as ${place.usage}`;
  return locale === "zh-CN" ? `在 ${place.usage} 之内` : `inside ${place.usage}`;
}

/** The names of a template's parts, as Word calls them (and `inspect` prints them). */
export const PART_ZH: Record<string, string> = {
  body: "正文",
  header: "页眉",
  footer: "页脚",
  footnotes: "脚注",
  endnotes: "尾注",
  comments: "批注",
  properties: "文档属性",
};

/**
 * Where an issue is, in front of its explanation: `body «{title}»` / `正文“{title}”`.
 * @example
 * placeOf("body", "{title", "zh-CN") //=> "正文“{title”"
 */
export function placeOf(part: string | undefined, paragraph: string | undefined, locale: Locale): string {
  if (locale === "zh-CN") {
    const name = part === undefined ? "" : (PART_ZH[part] ?? part);
    return `${name}${paragraph === undefined ? "" : `“${paragraph}”`}`;
  }
  return [part, paragraph === undefined ? undefined : `«${paragraph}»`]
    .filter((s) => s !== undefined)
    .join(" ");
}

const SAVE_ZH = "请在 Word 或 WPS 中打开模板，重新保存后再试。";
const SAVE_EN = "Open the template in Word or WPS and save it again.";

export const templateMessages = defineMessages({
  place_prefix: {
    "zh-CN": (p: { place: string; text: string }) => `${p.place}处：${p.text}`,
    en: (p: { place: string; text: string }) => `${p.place}: ${p.text}`,
  },
  invalid_template: {
    "zh-CN": (p: { first: string; more: number }) =>
      `模板无法使用：${p.first}${p.more > 0 ? `（另有 ${p.more} 处问题）` : ""}`,
    en: (p: { first: string; more: number }) =>
      `Invalid template: ${p.first}${p.more > 0 ? ` (and ${p.more} more)` : ""}`,
  },
  render_failed: {
    "zh-CN": (p: { first: string; more: number }) =>
      `生成文档失败：${p.first}${p.more > 0 ? `（另有 ${p.more} 处问题）` : ""}`,
    en: (p: { first: string; more: number }) =>
      `Rendering failed: ${p.first}${p.more > 0 ? ` (and ${p.more} more)` : ""}`,
  },

  // Opening the file.
  not_a_zip: {
    "zh-CN": () => "模板不是 .docx 文件（不是 zip 压缩包）。请在 Word 或 WPS 中另存为“Word 文档（*.docx）”。",
    en: () =>
      "The template is not a .docx file: it is not a zip archive. Save it in Word or WPS as “Word 文档 (*.docx)”.",
  },
  file_kind: {
    "zh-CN": (p: { kind: Exclude<FileKind, "zip" | "other"> }) =>
      messageText(fileKindMessages[p.kind], { what: "模板" }, "zh-CN"),
    en: (p: { kind: Exclude<FileKind, "zip" | "other"> }) =>
      messageText(fileKindMessages[p.kind], { what: "template" }, "en"),
  },
  zip_directory_damaged: {
    "zh-CN": () => `模板不是完好的 .docx 文件：压缩包目录已损坏。${SAVE_ZH}`,
    en: () => "The template is not a .docx file: its zip directory is damaged.",
  },
  zip_data_damaged: {
    "zh-CN": () => `模板不是完好的 .docx 文件：压缩数据已损坏。${SAVE_ZH}`,
    en: () => `The template is not a .docx file: its zip data is damaged. ${SAVE_EN}`,
  },
  file_too_large: {
    "zh-CN": (p: { size: string; max: string }) => `模板文件大小为 ${p.size}，超过上限 ${p.max}。`,
    en: (p: { size: string; max: string }) =>
      `The template file is ${p.size}; a template may be at most ${p.max}.`,
  },
  zip64: {
    "zh-CN": () => "模板是 ZIP64 压缩包（用于 4 GB 以上的文件），.docx 模板不会是这种格式。",
    en: () => "The template is a ZIP64 archive, made for files over 4 GB; a .docx template never needs one.",
  },
  too_many_parts: {
    "zh-CN": (p: { count: number; max: number }) => `模板内含 ${p.count} 个文件，超过上限 ${p.max} 个。`,
    en: (p: { count: number; max: number }) =>
      `The template holds ${p.count} files; a template may hold at most ${p.max}.`,
  },
  part_too_large: {
    "zh-CN": (p: { name: string; size: string; max: string }) =>
      `模板内的文件 ${p.name} 解压后为 ${p.size}，单个文件不得超过 ${p.max}。`,
    en: (p: { name: string; size: string; max: string }) =>
      `The file ${p.name} inside the template unpacks to ${p.size}; a part may be at most ${p.max}.`,
  },
  total_too_large: {
    "zh-CN": (p: { size: string; max: string }) => `模板解压后共 ${p.size}，超过上限 ${p.max}。`,
    en: (p: { size: string; max: string }) =>
      `The template unpacks to ${p.size}; a template may unpack to at most ${p.max}.`,
  },
  size_mismatch: {
    "zh-CN": (p: { name: string }) =>
      `模板内的文件 ${p.name} 解压后的大小与压缩包所记不符：文件已损坏，或被刻意篡改。`,
    en: (p: { name: string }) =>
      `The file ${p.name} inside the template does not unpack to the size the zip declares: the file is damaged or made to mislead.`,
  },
  missing_document: {
    "zh-CN": () =>
      "模板不是 Word 文档：压缩包中没有 word/document.xml。请在 Word 或 WPS 中另存为“Word 文档（*.docx）”。",
    en: () =>
      "The template is not a Word document: the zip has no word/document.xml. Save it in Word or WPS as “Word 文档 (*.docx)”.",
  },
  dtd_not_allowed: {
    "zh-CN": (p: { name: string }) =>
      `模板内的文件 ${p.name} 声明了 DTD（<!DOCTYPE>）。Word 从不写入 DTD，它可被用来攻击读取文件的程序。${SAVE_ZH}`,
    en: (p: { name: string }) =>
      `The file ${p.name} inside the template declares a DTD (<!DOCTYPE>), which Word never writes and which can be used to attack the program reading it. ${SAVE_EN}`,
  },

  // The structure of tags (docxtemplater's errors).
  unclosed_tag: {
    "zh-CN": (p: Tag) => `标记 {${p.tag} 缺少右大括号 }。请在 Word 中紧接 ${p.tag} 之后输入 }。`,
    en: (p: Tag) => `The tag {${p.tag} is missing its closing brace }. In Word, type } right after ${p.tag}.`,
  },
  unopened_tag: {
    "zh-CN": (p: Tag) => `标记 ${p.tag}} 缺少左大括号 {。请在 Word 中紧靠 ${p.tag} 之前输入 {。`,
    en: (p: Tag) =>
      `The tag ${p.tag}} is missing its opening brace {. In Word, type { right before ${p.tag}.`,
  },
  duplicate_open_tag: {
    "zh-CN": (p: Tag) => `标记 {{${p.tag} 多了一个左大括号。标记只用一层大括号，请删去一个 {。`,
    en: (p: Tag) =>
      `The tag {{${p.tag} has one opening brace too many. Tags use single braces: delete one {.`,
  },
  duplicate_close_tag: {
    "zh-CN": (p: { written: string }) =>
      `标记 ${p.written} 多了一个右大括号。标记只用一层大括号，请删去一个 }。`,
    en: (p: { written: string }) =>
      `The tag ${p.written} has one closing brace too many. Tags use single braces: delete one }.`,
  },
  unclosed_loop: {
    "zh-CN": (p: Tag) =>
      `{#${p.tag}} 开始了一段重复或可省略的内容，但没有 {/${p.tag}} 结束它。请在这段内容结束处另起一段，只写 {/${p.tag}}。`,
    en: (p: Tag) =>
      `{#${p.tag}} starts a part that repeats or may be left out, but no {/${p.tag}} ends it. Add a paragraph holding only {/${p.tag}} where that part should end.`,
  },
  unopened_loop: {
    "zh-CN": (p: Tag) =>
      `{/${p.tag}} 结束的内容没有对应的 {#${p.tag}} 开始。请在这段内容开始处另起一段，只写 {#${p.tag}}；或删去 {/${p.tag}}。`,
    en: (p: Tag) =>
      `{/${p.tag}} ends a part that no {#${p.tag}} starts. Add a paragraph holding only {#${p.tag}} where that part should start, or delete {/${p.tag}}.`,
  },
  mismatched_loop: {
    "zh-CN": (p: { open: string; close: string }) =>
      `{#${p.open}} 由 {/${p.close}} 结束，两处名称应当相同。请把 {/${p.close}} 改为 {/${p.open}}，或检查各段是否按开始的相反顺序结束。`,
    en: (p: { open: string; close: string }) =>
      `{#${p.open}} is ended by {/${p.close}}: the two names must be the same. Change {/${p.close}} to {/${p.open}}, or check that the parts end in the reverse order they start.`,
  },
  unbalanced_loops: {
    "zh-CN": (p: { a: string; b: string }) =>
      `{#${p.a}}…{/${p.a}} 与 {#${p.b}}…{/${p.b}} 两段相互交叉。在另一段之内开始的内容，也须在其内结束（在表格中：须在同一行内）。`,
    en: (p: { a: string; b: string }) =>
      `The parts {#${p.a}}…{/${p.a}} and {#${p.b}}…{/${p.b}} cross each other. A part that starts inside another must also end inside it (in a table: in the same row).`,
  },
  misplaced_loop: {
    "zh-CN": (p: Tag) =>
      `{#${p.tag}} 与 {/${p.tag}} 所在位置无法一同重复，例如一个在表格内、一个在表格外。请把两者放在同一单元格内，或都放在表格之外。`,
    en: (p: Tag) =>
      `{#${p.tag}} and {/${p.tag}} are in places that cannot repeat together, for example one inside a table and the other outside it. Put both in the same table cell, or both outside the table.`,
  },
  raw_tag_not_alone: {
    "zh-CN": (p: Tag) =>
      `{@${p.tag}} 必须单独成段，因为它会被整段内容替换。请把该段中的其他文字或空格移到另一段。`,
    en: (p: Tag) =>
      `{@${p.tag}} must be alone in its paragraph, because it is replaced by whole paragraphs. Move any other text or spaces in that paragraph to a paragraph of its own.`,
  },
  raw_tag_not_in_paragraph: {
    "zh-CN": (p: Tag) => `{@${p.tag}} 必须单独写在一个普通段落中，不能放在文本框、域代码等之中。`,
    en: (p: Tag) =>
      `{@${p.tag}} must stand in a normal paragraph of its own, not in a text box, field or similar.`,
  },
  invalid_characters: {
    "zh-CN": (p: Tag) => `{${p.tag}} 的内容含有 Word 文档无法容纳的字符。`,
    en: (p: Tag) => `The value of {${p.tag}} holds characters a Word document cannot hold.`,
  },
  invalid_raw_value: {
    "zh-CN": (p: Tag) => `{@${p.tag}} 的内容不是文字，无法替换段落。`,
    en: (p: Tag) => `The value of {@${p.tag}} is not text, so it cannot replace a paragraph.`,
  },
  invalid_xml: {
    "zh-CN": () => `模板的这一部分已损坏（XML 格式不正确）。${SAVE_ZH}`,
    en: () => `This part of the file is damaged (its XML is not well-formed). ${SAVE_EN}`,
  },
  template_error: {
    "zh-CN": (p: { text: string }) => `模板无法使用（${p.text}）。`,
    en: (p: { text: string }) => p.text,
  },
  missing_value: {
    "zh-CN": (p: Tag) =>
      `标记 {${p.tag}} 没有内容：数据中没有这一项（请核对拼写），或传入 missingValues: "empty" 使其留空。`,
    en: (p: Tag) =>
      `The tag {${p.tag}} has no value: it is not part of the data (check its spelling), or pass missingValues: "empty" to print nothing in its place.`,
  },

  // The vocabulary (inspect).
  empty_tag: {
    "zh-CN": () => "这对大括号中没有标记名称。请在其中填写标记名称，或将其删除。",
    en: () => "These braces hold no tag name. Type a tag name between them, or delete them.",
  },
  tag_out_of_scope: {
    "zh-CN": (p: { name: string; places: TagPlace[] }) =>
      `{${p.name}} 只有${p.places.map((x) => placeText(x, "zh-CN")).join("或")}才有内容，此处不在其中。请把它移到相应位置，或改用其他标记。`,
    en: (p: { name: string; places: TagPlace[] }) =>
      `{${p.name}} is only filled ${p.places.map((x) => placeText(x, "en")).join(", or ")}; here it is not inside such a part. Move it there, or use another tag.`,
  },
  unknown_tag: {
    "zh-CN": (p: { written: string; suggestion?: string | undefined }) =>
      `${p.written} 不是本程序填写的标记${p.suggestion ? `（是否应为 ${p.suggestion}？）` : ""}。请对照 docs/templates.md 中的标记表核对拼写。`,
    en: (p: { written: string; suggestion?: string | undefined }) =>
      `${p.written} is not a tag this library fills${p.suggestion ? ` (did you mean ${p.suggestion}?)` : ""}. Check its spelling against the list of tags in docs/templates.md.`,
  },
  unknown_loop: {
    "zh-CN": (p: { written: string; suggestion?: string | undefined; close: string }) =>
      `${p.written} 不是本程序填写的循环或条件${p.suggestion ? `（是否应为 ${p.suggestion}？）` : ""}，${p.close} 之前的内容将整段不印。请对照 docs/templates.md 核对拼写${p.suggestion ? "；其中的标记已按更正后的名称检查" : ""}。`,
    en: (p: { written: string; suggestion?: string | undefined; close: string }) =>
      `${p.written} is not a list or condition this library fills${p.suggestion ? ` (did you mean ${p.suggestion}?)` : ""}, so everything up to ${p.close} would be left out. Check its spelling against docs/templates.md${p.suggestion ? "; the tags inside it were checked as if it were spelt so" : ""}.`,
  },
  loop_as_text: {
    "zh-CN": (p: Name) =>
      `{${p.name}} 是列表，不是文字。请在要逐项重复的内容前后写 {#${p.name}} 和 {/${p.name}}。`,
    en: (p: Name) =>
      `{${p.name}} is a list, not text. Write {#${p.name}} and {/${p.name}} around what should repeat for each entry.`,
  },
  group_as_text: {
    "zh-CN": (p: Name & { field: string }) =>
      `{${p.name}} 是一组字段，不是文字。请写其中的某个字段，例如 {${p.name}.${p.field}}。`,
    en: (p: Name & { field: string }) =>
      `{${p.name}} is a group of fields, not text. Write one of its fields, e.g. {${p.name}.${p.field}}.`,
  },
  condition_as_text: {
    "zh-CN": (p: Name) =>
      `{${p.name}} 表示“是/否”，不是文字。请在只应于“是”时印出的内容前后写 {#${p.name}} 和 {/${p.name}}。`,
    en: (p: Name) =>
      `{${p.name}} is true or false, not text. Write {#${p.name}} and {/${p.name}} around what should print only when it is true.`,
  },
  raw_as_text: {
    "zh-CN": (p: Name) => `{${p.name}} 是现成的整段内容。请单独成段写 {@${p.name}}。`,
    en: (p: Name) =>
      `{${p.name}} holds ready-made paragraphs. Write {@${p.name}} alone in a paragraph of its own.`,
  },
  not_raw: {
    "zh-CN": (p: Name & { isText: boolean }) =>
      `{@${p.name}} 用于现成的整段内容，但 {${p.name}} ${p.isText ? "是文字" : "不是"}：请去掉 @，写作 {${p.name}}。`,
    en: (p: Name & { isText: boolean }) =>
      `{@${p.name}} is written for ready-made paragraphs, but {${p.name}} is ${p.isText ? "text" : "not"}: write {${p.name}} without @.`,
  },
  full_width_braces: {
    "zh-CN": (p: { written: string; fixed: string }) =>
      `${p.written} 用了全角大括号｛｝，会原样印出。请切换到英文输入状态输入大括号：${p.fixed}。`,
    en: (p: { written: string; fixed: string }) =>
      `${p.written} is typed with full-width braces ｛｝, so it is printed as it is. Type the braces with the input method in English mode: ${p.fixed}.`,
  },
  mixed_braces: {
    "zh-CN": (p: { written: string; fixed: string }) =>
      `${p.written} 的一个大括号是全角的（｛ 或 ｝），标记因此不完整。请切换到英文输入状态重新输入：${p.fixed}。`,
    en: (p: { written: string; fixed: string }) =>
      `${p.written} has one full-width brace (｛ or ｝), so the tag is not complete. Type the braces with the input method in English mode: ${p.fixed}.`,
  },
  no_tags: {
    "zh-CN": () =>
      "模板中没有任何标记，生成的文档将与模板完全相同。请从内置模板（templates/report.docx）开始修改，或按 docs/templates.md 写入标记。",
    en: () =>
      "The template has no tag at all, so the document would be a copy of it. Start from the built-in template (templates/report.docx), or add tags as docs/templates.md lists them.",
  },
  data_shadows_tag: {
    "zh-CN": (p: { key: string; usage: string }) =>
      `自定义数据中的 ${p.key} 与本程序的标记 ${p.usage} 同名，会遮住会议总结中的内容。请给自定义字段换一个名称，例如 ${p.key}Custom。`,
    en: (p: { key: string; usage: string }) =>
      `The data field ${p.key} has the name of this library's tag ${p.usage} and would hide the summary's value. Give your field another name, e.g. ${p.key}Custom.`,
  },
  data_not_json: {
    "zh-CN": (p: { reason: string }) => `自定义数据文件不是有效的 JSON（${p.reason}）。`,
    en: (p: { reason: string }) => `is not valid JSON (${p.reason})`,
  },
  data_not_object: {
    "zh-CN": () => `自定义数据文件应为一个 JSON 对象，例如 {"unitName": "某某局"}。`,
    en: () => `must hold a JSON object of your own fields, like {"unitName": "某某局"}`,
  },
  invalid_data: {
    "zh-CN": (p: { path: string; got: string }) =>
      `自定义数据中的 ${p.path} 应为文字、数字、是/否、列表或对象，实际为 ${p.got}。`,
    en: (p: { path: string; got: string }) =>
      `The data field ${p.path} must be text, a number, true/false, a list or an object (got ${p.got}).`,
  },

  // Warnings: the template renders, but something may not come out as meant.
  tracked_tag: {
    "zh-CN": (p: Tag) =>
      `标记 {${p.tag}} 是在“修订”状态下输入的，填入的内容将全部显示为修订插入。请在 Word 中“审阅 → 接受所有修订”后保存模板。`,
    en: (p: Tag) =>
      `The tag {${p.tag}} was typed with track changes on, so every value filled in would come out as a tracked insertion. In Word, choose Review → Accept All Changes and save the template.`,
  },
  loop_paragraph_spaces: {
    "zh-CN": (p: { tags: string }) =>
      `${p.tags} 所在段落中还有空格，该段不会被去掉，每印一次就多一个空白段落。请删去这些空格，使标记单独成段。`,
    en: (p: { tags: string }) =>
      `The paragraph of ${p.tags} also holds spaces, so it is not removed: each time it prints, a blank paragraph is added. Delete the spaces so that the tag is alone in its paragraph.`,
  },
  raw_tag_in_text_box: {
    "zh-CN": (p: Tag) => `{@${p.tag}} 写在文本框中，它替换成的段落会被文本框裁去。请把它移到正文中单独成段。`,
    en: (p: Tag) =>
      `{@${p.tag}} is in a text box, which would clip the paragraphs it is replaced by. Move it into the body, in a paragraph of its own.`,
  },
  unplaced_content: {
    "zh-CN": (p: { path: string; label: string; wanted: string; more?: number }) =>
      `会议总结中的 ${p.path}${p.label ? `（${p.label}）` : ""}${p.more ? `及另外 ${p.more} 处同类内容` : ""}有内容，但模板中没有印出它的位置（${p.wanted}），这部分内容不会出现在文档中。`,
    en: (p: { path: string; label: string; wanted: string; more?: number }) =>
      `The summary's ${p.path}${p.label ? ` (${p.label})` : ""}${p.more ? ` and ${p.more} more like it` : ""} has content, but the template has no place that prints it (${p.wanted}), so it is left out of the document.`,
  },
  unplaced_group: {
    "zh-CN": (p: { path: string; label: string; fields: readonly string[]; wanted: string }) =>
      `会议总结中的 ${p.path}（${p.label}）有内容（${p.fields.join("、")}），但模板中没有印出它们的位置（${p.wanted}），这些内容不会出现在文档中。`,
    en: (p: { path: string; label: string; fields: readonly string[]; wanted: string }) =>
      `The summary's ${p.path} (${p.label}) has content (${p.fields.join(", ")}), but the template has no place that prints it (${p.wanted}), so it is left out of the document.`,
  },
});

/** A message of {@link templateMessages} with its parameters: what an issue is built from. */
export type TemplateMessageKey = keyof typeof templateMessages;
export interface TemplateMessage {
  key: TemplateMessageKey;
  // biome-ignore lint/suspicious/noExplicitAny: each key has its own parameters, checked where it is built
  params: any;
}

/**
 * Builds a {@link TemplateMessage}, checking its parameters against the key.
 * @example
 * msg("unclosed_tag", { tag: "title" })
 */
export function msg<K extends TemplateMessageKey>(
  key: K,
  params: Parameters<(typeof templateMessages)[K]["en"]> extends []
    ? object
    : Parameters<(typeof templateMessages)[K]["en"]>[0],
): TemplateMessage {
  return { key, params };
}

/** The text of a {@link TemplateMessage} in a language. */
export function templateText(message: TemplateMessage, locale: Locale = DEFAULT_LOCALE): string {
  const entry = templateMessages[message.key] as { [L in Locale]: (p: unknown) => string };
  return entry[locale](message.params);
}
