import type { RectificationRowView, SummaryView } from "../format/view-types.js";

/**
 * The tag vocabulary: every tag a template may use, described once, from the view data (`SummaryView`).
 * The type below makes the compiler refuse a vocabulary that misses or invents a field of the view data,
 * so the documentation (docs/templates.md, generated from this file) and the inspector can never drift
 * from what `toView` produces. Removing or renaming a tag is a breaking change of the package.
 */

/** How a tag is written in a template. */
export const TagKind = {
  /** Text: `{title}`. Also usable as a condition: `{#recipient}…{/recipient}` prints only when it is not empty. */
  Value: "value",
  /** A list: `{#sections}…{/sections}` repeats what is between the two tags once per entry. */
  Loop: "loop",
  /** true or false: `{#isLevel2}…{/isLevel2}` prints what is between the tags only when true. */
  Condition: "condition",
  /** Ready-made paragraphs: `{@signOff}`, alone in its own paragraph, which it replaces. */
  Raw: "raw",
  /** A group of fields: `{meeting.kind}`, or `{#meeting}{kind}{/meeting}`. */
  Group: "group",
} as const;
export type TagKind = (typeof TagKind)[keyof typeof TagKind];

/** One tag of the vocabulary. */
export interface TagInfo {
  /** The name as written inside its scope: `"title"`, `"number"`, `"kind"`. */
  readonly name: string;
  /**
   * Where the tag is filled: `""` at the top level, otherwise the dotted path of the loop or group it is
   * inside — `"sections"`, `"sections.blocks"`, `"meeting"`, `"meeting.agenda"`.
   */
  readonly scope: string;
  /** How it is written: {@link TagKind}. */
  readonly kind: TagKind;
  /** What it holds, in a sentence. */
  readonly meaning: string;
  /** A value it may print (for lists and groups, what one entry looks like). */
  readonly example: string;
  /** How to write it in a template, e.g. `{meeting.kind}` or `{#sections}…{/sections}`. */
  readonly usage: string;
}

interface Leaf {
  kind: typeof TagKind.Value | typeof TagKind.Condition | typeof TagKind.Raw;
  meaning: string;
  example: string;
}
interface Branch<T> {
  kind: typeof TagKind.Loop | typeof TagKind.Group;
  meaning: string;
  example: string;
  fields: Fields<T>;
}
type Spec<V> = V extends readonly (infer I)[] ? Branch<I> : V extends object ? Branch<V> : Leaf;
/** Every field of `T`, no more and no fewer: the compiler checks the vocabulary against the view types. */
type Fields<T> = { [K in keyof T]-?: Spec<T[K]> };

const value = (meaning: string, example: string): Leaf => ({ kind: TagKind.Value, meaning, example });
const condition = (meaning: string): Leaf => ({ kind: TagKind.Condition, meaning, example: "true" });

const PARAGRAPH = { text: value("The paragraph's text, as given.", "会议由支部书记主持。") };

const RECTIFICATION_ROW: Fields<RectificationRowView> = {
  number: value('序号: "1", "2", ….', "1"),
  problem: value("存在问题.", "理论学习的系统性不够"),
  measure: value("整改措施.", "制定年度学习计划，每月开展一次集中学习研讨"),
  owner: value("责任人; empty when not given.", "李某某"),
  deadline: value("完成时限 as printed; empty when not given.", "2026年3月31日"),
  status: value("整改状态; empty when not given.", "整改中"),
};

/** The vocabulary as a tree, mirroring `SummaryView`. */
const VIEW: Fields<SummaryView> = {
  title: value(
    '标题, the report\'s title, in the lines it prints in: broken where the summary has "\\n", or, when longer than a line, long over short between words (GB/T 9704 7.3.1).',
    "巡视整改专题组织生活会总结报告",
  ),
  recipient: value('主送机关 without the trailing "："; empty when there is none.', "机关党委"),
  opening: {
    kind: TagKind.Loop,
    meaning: "导语: the paragraphs before the sections.",
    example: "one entry per paragraph",
    fields: PARAGRAPH,
  },
  sections: {
    kind: TagKind.Loop,
    meaning: "The numbered sections in order: preparation, organization, outcomes, then any further ones.",
    example: "一、认真准备，…",
    fields: {
      number: value("The section's number, with its 、.", "一、"),
      heading: value("The section's heading, without its number.", "认真准备，为开好组织生活会打牢基础"),
      blocks: {
        kind: TagKind.Loop,
        meaning: "The section's paragraphs and items in reading order, nested items flattened.",
        example: "one entry per paragraph or item",
        fields: {
          isParagraph: condition("A plain body paragraph: print {text}."),
          isLevel2: condition("A level-2 item （一）: print {number}{heading} (楷体), then {text}."),
          isLevel3: condition("A level-3 item 1.: print {number}{heading} (bold), then {text}."),
          isLevel4: condition("A level-4 item （1）: print {number}{heading}, then {text}."),
          isOrdinal: condition("An ordinal paragraph 一是…: print {number}{text}."),
          level: value("2, 3 or 4 for items; 0 for paragraphs and ordinals.", "2"),
          number: value(
            'The generated number: "（一）", "1.", "（1）", "一是"; empty for a plain paragraph.',
            "（一）",
          ),
          heading: value(
            'The item\'s heading, with "。" added when a text follows it; empty otherwise.',
            "认真组织动员。",
          ),
          text: value(
            "The body text; empty for an item heading on a line of its own.",
            "支部对民主评议党员工作高度重视……",
          ),
        },
      },
    },
  },
  closing: {
    kind: TagKind.Loop,
    meaning: "结束语: the paragraphs after the sections.",
    example: "one entry per paragraph",
    fields: PARAGRAPH,
  },
  signature: value("发文机关署名; empty when there is none.", "中共某某支部委员会"),
  date: value("成文日期 as printed; empty when there is none.", "2026年1月5日"),
  signOff: {
    kind: TagKind.Raw,
    meaning:
      "The signature and date as ready-made right-aligned paragraphs placed per GB/T 9704 7.3.5.2; nothing when there is neither.",
    example: "中共某某支部委员会 / 2026年1月5日",
  },
  meeting: {
    kind: TagKind.Group,
    meaning: "会议信息: the facts of the meeting; every text is empty when not given.",
    example: "{meeting.kind}",
    fields: {
      kind: value("会议类型.", "专题组织生活会"),
      theme: value("会议主题.", "强化理论武装，提升支部组织力"),
      date: value("会议日期 as printed.", "2026年1月15日"),
      place: value("会议地点.", "机关三楼会议室"),
      host: value("主持人.", "张三"),
      organizer: value(
        "召开单位, as given (not the signature it defaults to in the sentences).",
        "机关第一党支部",
      ),
      recorder: value("记录人.", "王五"),
      supervisors: {
        kind: TagKind.Loop,
        meaning: "指导人员, one entry each.",
        example: "机关党委 李四 专职副书记",
        fields: {
          organization: value("单位.", "机关党委"),
          name: value("姓名; empty when not given.", "李四"),
          title: value("职务; empty when not given.", "专职副书记"),
        },
      },
      supervisorOrganizations: value(
        'The supervisors\' organisations joined with "、".',
        "机关党委、机关纪委",
      ),
      agenda: {
        kind: TagKind.Loop,
        meaning: "会议议程, one entry per item.",
        example: "1. 通报检视问题情况",
        fields: {
          number: value('The item\'s number: "1", "2", ….', "1"),
          text: value("The item's text.", "通报检视问题情况"),
        },
      },
      attendance: {
        kind: TagKind.Group,
        meaning: '出席情况: counts as text and names joined with "、"; empty when not given.',
        example: "{meeting.attendance.expected}",
        fields: {
          expected: value("应到人数.", "23"),
          present: value("实到人数.", "21"),
          attendees: value("出席.", "张三、李四"),
          onLeave: value("请假, with reasons.", "王五（因公出差）、赵六"),
          onLeaveCount: value("The number on leave; empty when none are listed.", "2"),
          absent: value("缺席, with reasons.", "钱七（因病）"),
          observers: value("列席, with their organisations.", "孙七（机关党委）"),
        },
      },
    },
  },
  facts: {
    kind: TagKind.Group,
    meaning: "The facts as text (empty when not given), the standard sentences, and the table rows.",
    example: "{facts.talks}",
    fields: {
      sentences: {
        kind: TagKind.Group,
        meaning:
          "The standard sentences written from the facts (docs/facts.md); each empty when its facts are missing.",
        example: "{facts.sentences.meeting}",
        fields: {
          meeting: value(
            "会议召开情况.",
            "2026年1月15日，机关第一党支部在机关三楼会议室召开了……应到党员23名，实到21名，……",
          ),
          agenda: value("会议议程.", "会议共有三项议程：一是……；二是……；三是……。"),
          preparation: value("会前准备.", "会前，共开展谈心谈话86人次，征求意见建议25条。"),
          criticism: value("批评和自我批评.", "会上，21名同志逐一作对照检查发言，相互提出批评意见63条。"),
          evaluation: value("民主评议党员.", "民主评议党员中，参加评议党员23名，评定优秀6名、合格16名……"),
          rectification: value("整改.", "对照检查共查摆问题4个，制定整改措施4条，……"),
        },
      },
      talks: value("谈心谈话人次.", "86"),
      opinions: value("征求意见条数.", "25"),
      speakers: value("发言人数.", "21"),
      criticisms: value("批评意见条数.", "63"),
      evaluation: {
        kind: TagKind.Group,
        meaning: "民主评议党员 counts as text; empty without an evaluation.",
        example: "{facts.evaluation.excellent}",
        fields: {
          excellent: value("优秀.", "6"),
          qualified: value("合格.", "16"),
          basicallyQualified: value("基本合格.", "0"),
          unqualified: value("不合格.", "0"),
          probationary: value('预备党员, not graded; "0" when not given.', "1"),
          graded: value("Those graded: 优秀 + 合格 + 基本合格 + 不合格.", "22"),
          total: value("All who took part: graded + probationary.", "23"),
        },
      },
      problems: {
        kind: TagKind.Loop,
        meaning: "查摆问题, one entry each.",
        example: "1. 理论学习的系统性不够",
        fields: {
          number: value('The problem\'s number: "1", "2", ….', "1"),
          text: value("The problem.", "理论学习的系统性不够"),
        },
      },
      rectification: {
        kind: TagKind.Loop,
        meaning: "整改清单, one row each.",
        example: "1 理论学习的系统性不够 制定年度学习计划 李某某 2026年3月31日 整改中",
        fields: RECTIFICATION_ROW,
      },
    },
  },
  document: {
    kind: TagKind.Group,
    meaning:
      "红头文件 (版头 and 版记) for the document and minutes templates; texts empty without `document`.",
    example: "{document.mark}",
    fields: {
      mark: value("发文机关标志 with 文件.", "中共某某委员会文件"),
      minutesMark: value('The 纪要 mark, or "会议纪要" without `document`.', "中共某某委员会纪要"),
      number: value("发文字号.", "某委发〔2026〕5号"),
      isDownward: condition("A downward document (下行文): the 发文字号 centred; true without `document`."),
      isUpward: condition("An upward document (上行文): the 发文字号 at the left, 签发人 at the right."),
      signer: value("签发人.", "张某某"),
      copyTo: value('抄送机关 joined with "，" and ended with "。".', "中共某某纪委，某某组织部。"),
      hasCopyTo: condition("Whether there is a 抄送 line."),
      printer: value("印发机关.", "中共某某委员会办公室"),
      printDate: value("印发日期 as printed.", "2026年1月20日"),
      hasImprint: condition("Whether the 版记 (抄送, 印发机关 and 印发日期) is printed."),
      hasAttendanceLines: condition("Whether any of 出席, 请假, 列席 has names."),
      signOff: {
        kind: TagKind.Raw,
        meaning:
          "The sealed sign-off (GB/T 9704-2012 7.3.5.1) as ready-made paragraphs for `{@document.signOff}`: the date 4 characters in from the right, the signature centred over it, room for the seal.",
        example: "<w:p>…中共某某委员会…</w:p><w:p>…2026年1月20日…</w:p>",
      },
    },
  },
  attachments: {
    kind: TagKind.Loop,
    meaning: "附件, in order: one entry of the 附件说明 and one page each.",
    example: "附件1 机关第一党支部2025年度组织生活会查摆问题整改清单",
    fields: {
      number: value('"1", "2", …; empty when there is only one attachment.', "1"),
      label: value('The mark on the attachment\'s first line: "附件1", or "附件" alone.', "附件1"),
      title: value(
        '附件名称 on one line (a "\\n" in it left out): what the 附件说明 prints.',
        "机关第一党支部2025年度组织生活会查摆问题整改清单",
      ),
      titleLines: value(
        '附件名称 in the lines the attachment\'s page prints it in: where the summary has "\\n", or broken long over short between words, like the title.',
        "机关第一党支部2025年度组织生活会\n查摆问题整改清单",
      ),
      isOnly: condition('The only attachment: its note line is "附件：{title}".'),
      isFirst: condition('The first of several: its note line is "附件：1.{title}".'),
      isNotFirst: condition('The second and later: the note line "2.{title}" aligned after "附件：".'),
      noteNumber: value('The number in the 附件说明: "1."; empty for a single attachment.', "1."),
      paragraphs: {
        kind: TagKind.Loop,
        meaning: "Paragraphs printed below the title.",
        example: "{text}",
        fields: PARAGRAPH,
      },
      isRectification: condition("The attachment carries the rectification table (rectificationRows)."),
      isEvaluation: condition("The attachment carries the evaluation table (evaluationRows)."),
      rectificationRows: {
        kind: TagKind.Loop,
        meaning: "The rows of the rectification table; empty unless isRectification.",
        example: "1 理论学习的系统性不够 …",
        fields: RECTIFICATION_ROW,
      },
      evaluationRows: {
        kind: TagKind.Loop,
        meaning: "The rows of the evaluation table; empty unless isEvaluation.",
        example: "优秀 6 27.3%",
        fields: {
          grade: value('"优秀", "合格", "基本合格", "不合格", "预备党员（不确定等次）" or "合计".', "优秀"),
          count: value("The number of members.", "6"),
          share: value('Share of those graded; "—" for the probationary row.', "27.3%"),
        },
      },
    },
  },
};

/** A node of the vocabulary tree, for resolving tags the way the renderer's scopes do. */
export interface VocabularyScope {
  readonly path: string;
  readonly fields: Readonly<Record<string, Leaf | Branch<unknown>>>;
}

/** The top level of the vocabulary: where every tag lookup starts. */
export const ROOT_SCOPE: VocabularyScope = { path: "", fields: VIEW as unknown as VocabularyScope["fields"] };

function usage(kind: TagKind, written: string): string {
  if (kind === TagKind.Loop || kind === TagKind.Condition) return `{#${written}}…{/${written}}`;
  if (kind === TagKind.Raw) return `{@${written}}`;
  if (kind === TagKind.Group) return `{${written}.…}`;
  return `{${written}}`;
}

function flatten(scope: VocabularyScope, groupPrefix: string, out: TagInfo[]): TagInfo[] {
  for (const [name, spec] of Object.entries(scope.fields)) {
    const written = `${groupPrefix}${name}`;
    out.push({
      name,
      scope: scope.path,
      kind: spec.kind,
      meaning: spec.meaning,
      example: spec.example,
      usage: usage(spec.kind, written),
    });
    if ("fields" in spec) {
      const path = scope.path === "" ? name : `${scope.path}.${name}`;
      // Fields of a group are written with a dotted path from where the group is; a loop starts afresh.
      const prefix = spec.kind === TagKind.Group ? `${written}.` : "";
      flatten({ path, fields: spec.fields as VocabularyScope["fields"] }, prefix, out);
    }
  }
  return out;
}

/**
 * Every tag a template may use, in the order of `SummaryView`: the contract between the model and every
 * template (docs/templates.md lists the same table).
 * @example
 * tagVocabulary.find((t) => t.scope === "sections" && t.name === "number")
 * //=> { name: "number", scope: "sections", kind: "value", example: "一、", usage: "{number}", … }
 */
export const tagVocabulary: readonly TagInfo[] = Object.freeze(flatten(ROOT_SCOPE, "", []));

/** What a tag resolves to from a stack of scopes, innermost last (as the renderer looks it up). */
export interface ResolvedTag {
  readonly kind: TagKind;
  /** The field's path from the top of the data: `"sections.blocks.text"`, `"meeting.kind"`. */
  readonly path: string;
  /** The scope of the field when it is a loop or group, to push when the tag opens one. */
  readonly scope?: VocabularyScope;
}

/** Looks a (possibly dotted) name up in one scope. */
function lookUp(scope: VocabularyScope, name: string): ResolvedTag | undefined {
  let fields = scope.fields;
  let path = scope.path;
  let found: Leaf | Branch<unknown> | undefined;
  for (const key of name.split(".")) {
    if (found !== undefined) {
      if (!("fields" in found)) return undefined;
      fields = found.fields as VocabularyScope["fields"];
    }
    found = Object.hasOwn(fields, key) ? fields[key] : undefined;
    if (found === undefined) return undefined;
    path = path === "" ? key : `${path}.${key}`;
  }
  if (found === undefined) return undefined;
  return "fields" in found
    ? { kind: found.kind, path, scope: { path, fields: found.fields as VocabularyScope["fields"] } }
    : { kind: found.kind, path };
}

/**
 * Resolves a tag the way the renderer does: in the innermost scope first, then outwards to the top level.
 * @param name - the tag's name, trimmed, possibly dotted
 * @param scopes - the open scopes, outermost (the top level) first
 * @returns its kind (and the scope it opens, for a list or group), or undefined when no scope has it
 * @example
 * resolveTag("meeting.kind", [ROOT_SCOPE]) //=> { kind: "value", path: "meeting.kind" }
 * resolveTag("number", [ROOT_SCOPE]) //=> undefined (only filled inside a loop)
 */
export function resolveTag(name: string, scopes: readonly VocabularyScope[]): ResolvedTag | undefined {
  for (let i = scopes.length - 1; i >= 0; i--) {
    const scope = scopes[i];
    const found = scope ? lookUp(scope, name) : undefined;
    if (found) return found;
  }
  return undefined;
}

/**
 * The scopes (as in {@link TagInfo.scope}) where a plain name is defined: to explain a tag used outside them.
 * @param name - a field name without dots
 * @example
 * scopesOf("heading") //=> ["sections", "sections.blocks"]
 */
export function scopesOf(name: string): string[] {
  return tagVocabulary.filter((t) => t.name === name).map((t) => t.scope);
}

/**
 * Every name usable from a stack of scopes (dotted for groups), for "did you mean" suggestions.
 * @param scopes - the open scopes, outermost first
 * @example
 * namesInScope([ROOT_SCOPE]).includes("meeting.attendance.present") //=> true
 */
export function namesInScope(scopes: readonly VocabularyScope[]): string[] {
  const names: string[] = [];
  const add = (fields: VocabularyScope["fields"], prefix: string) => {
    for (const [name, spec] of Object.entries(fields)) {
      names.push(`${prefix}${name}`);
      if (spec.kind === TagKind.Group && "fields" in spec) {
        add(spec.fields as VocabularyScope["fields"], `${prefix}${name}.`);
      }
    }
  };
  for (const scope of scopes) add(scope.fields, "");
  return [...new Set(names)];
}

/** The vocabulary of a value of your own data: text, true/false, a list (of its entries' fields) or a group. */
function dataSpec(value: unknown): Leaf | Branch<unknown> {
  const meaning = "Your own data.";
  if (typeof value === "boolean") return { kind: TagKind.Condition, meaning, example: String(value) };
  if (Array.isArray(value)) {
    const fields: Record<string, Leaf | Branch<unknown>> = {};
    for (const entry of value) {
      if (entry !== null && typeof entry === "object" && !Array.isArray(entry)) {
        for (const [key, field] of Object.entries(entry)) fields[key] ??= dataSpec(field);
      }
    }
    return { kind: TagKind.Loop, meaning, example: "", fields: fields as Fields<unknown> };
  }
  if (value !== null && typeof value === "object") {
    const fields = Object.fromEntries(Object.entries(value).map(([key, field]) => [key, dataSpec(field)]));
    return { kind: TagKind.Group, meaning, example: "", fields: fields as Fields<unknown> };
  }
  return { kind: TagKind.Value, meaning, example: String(value ?? "") };
}

/**
 * What of your own data {@link rootScopeWith} depends on, as a key: the names and kinds of its fields, in
 * their order, as {@link dataSpec} walks them (without the example values, which no check reads). Data with
 * the same key give the same scope, so the analysis of a template with them can be kept.
 * (Internal: render-summary.ts keys the analyses it keeps with it.)
 * @example
 * dataShapeKey({ unitName: "某某局", contacts: [{ name: "张三" }] }) //=> '{"unitName":v,"contacts":["name":v]}'
 */
export function dataShapeKey(data: Readonly<Record<string, unknown>> | undefined): string {
  return data === undefined ? "" : shapeOf(data);
}

function shapeOf(value: unknown): string {
  if (typeof value === "boolean") return "c";
  if (Array.isArray(value)) {
    const fields = new Map<string, string>();
    for (const entry of value) {
      if (entry !== null && typeof entry === "object" && !Array.isArray(entry)) {
        for (const [key, field] of Object.entries(entry))
          if (!fields.has(key)) fields.set(key, shapeOf(field));
      }
    }
    return `[${[...fields].map(([key, shape]) => `${JSON.stringify(key)}:${shape}`).join(",")}]`;
  }
  if (value !== null && typeof value === "object") {
    return `{${Object.entries(value)
      .map(([key, field]) => `${JSON.stringify(key)}:${shapeOf(field)}`)
      .join(",")}}`;
  }
  return "v";
}

/**
 * The top-level scope with the fields of your own data added beside the vocabulary's (which they may not
 * shadow: see `checkData`), so that `{unitName}` is a known tag.
 * @param data - your own data, e.g. `{ unitName: "某某局", contacts: [{ name: "张三" }] }`
 * @example
 * resolveTag("unitName", [rootScopeWith({ unitName: "某某局" })]) //=> { kind: "value", path: "unitName" }
 */
export function rootScopeWith(data: Readonly<Record<string, unknown>> | undefined): VocabularyScope {
  if (data === undefined) return ROOT_SCOPE;
  const fields = Object.fromEntries(Object.entries(data).map(([key, value]) => [key, dataSpec(value)]));
  return { path: "", fields: { ...fields, ...ROOT_SCOPE.fields } };
}

/** The names at the top level of the vocabulary, which your own data may not use. */
export const rootNames: readonly string[] = Object.freeze(Object.keys(VIEW));

const KIND_WORD: Record<TagKind, string> = {
  value: "text",
  loop: "list (loop)",
  condition: "true/false (condition)",
  raw: "paragraphs (raw)",
  group: "group",
};

function scopeHeading(scope: string): string {
  if (scope === "") return "Top level";
  const group = tagVocabulary.find((t) => `${t.scope === "" ? "" : `${t.scope}.`}${t.name}` === scope);
  if (group?.kind === TagKind.Group) return `Inside the group \`${scope}\` (write \`{${scope}.…}\`)`;
  return `Inside \`${group?.usage ?? scope}\``;
}

/**
 * The vocabulary as Markdown tables, one per scope: the generated part of docs/templates.md.
 * (Internal: scripts/build-docs.mjs writes it, and a test checks that the committed file is current.)
 * @example
 * vocabularyMarkdown().startsWith("### Top level") //=> true
 */
export function vocabularyMarkdown(): string {
  const scopes = [...new Set(tagVocabulary.map((t) => t.scope))];
  const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");
  return scopes
    .map((scope) => {
      const rows = tagVocabulary
        .filter((t) => t.scope === scope)
        .map(
          (t) => `| \`${cell(t.usage)}\` | ${KIND_WORD[t.kind]} | ${cell(t.meaning)} | ${cell(t.example)} |`,
        );
      return [
        `### ${scopeHeading(scope)}`,
        "",
        "| tag | kind | meaning | example |",
        "|---|---|---|---|",
        ...rows,
      ].join("\n");
    })
    .join("\n\n");
}
