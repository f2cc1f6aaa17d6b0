/**
 * What each tag of the vocabulary means, with a value it may print: the documentation half of the
 * vocabulary (the tree of kinds, which checking and rendering read, is in vocabulary.ts). `tagVocabulary`
 * and docs/templates.md are made from both; a render never loads this file. The types make the compiler
 * refuse documentation that misses or invents a field of the view data, as they do for the kinds.
 */
import type { RectificationRowView, SummaryView } from "../format/view-types.js";
import { type TagInfo, TagKind, vocabularyTags } from "./vocabulary.js";

interface LeafDoc {
  meaning: string;
  example: string;
}
interface BranchDoc<T> extends LeafDoc {
  fields: Docs<T>;
}
type Doc<V> = V extends readonly (infer I)[] ? BranchDoc<I> : V extends object ? BranchDoc<V> : LeafDoc;
/** Every field of `T`, no more and no fewer, as in vocabulary.ts. */
type Docs<T> = { [K in keyof T]-?: Doc<T[K]> };

const text = (meaning: string, example: string): LeafDoc => ({ meaning, example });
const condition = (meaning: string): LeafDoc => ({ meaning, example: "true" });

const PARAGRAPH = { text: text("The paragraph's text, as given.", "会议由支部书记主持。") };

const RECTIFICATION_ROW: Docs<RectificationRowView> = {
  number: text('序号: "1", "2", ….', "1"),
  problem: text("存在问题.", "理论学习的系统性不够"),
  measure: text("整改措施.", "制定年度学习计划，每月开展一次集中学习研讨"),
  owner: text("责任人; empty when not given.", "李某某"),
  deadline: text("完成时限 as printed; empty when not given.", "2026年3月31日"),
  status: text("整改状态; empty when not given.", "整改中"),
};

/** What each tag means, as a tree mirroring `SummaryView` (and the tree of kinds in vocabulary.ts). */
const DOCS: Docs<SummaryView> = {
  title: text(
    '标题, the report\'s title, in the lines it prints in: broken where the summary has "\\n", or, when longer than a line, long over short between words (GB/T 9704 7.3.1).',
    "巡视整改专题组织生活会总结报告",
  ),
  recipient: text('主送机关 without the trailing "："; empty when there is none.', "机关党委"),
  opening: {
    meaning: "导语: the paragraphs before the sections.",
    example: "one entry per paragraph",
    fields: PARAGRAPH,
  },
  sections: {
    meaning: "The numbered sections in order: preparation, organization, outcomes, then any further ones.",
    example: "一、认真准备，…",
    fields: {
      number: text("The section's number, with its 、.", "一、"),
      heading: text("The section's heading, without its number.", "认真准备，为开好组织生活会打牢基础"),
      blocks: {
        meaning: "The section's paragraphs and items in reading order, nested items flattened.",
        example: "one entry per paragraph or item",
        fields: {
          isParagraph: condition("A plain body paragraph: print {text}."),
          isLevel2: condition("A level-2 item （一）: print {number}{heading} (楷体), then {text}."),
          isLevel3: condition("A level-3 item 1.: print {number}{heading} (bold), then {text}."),
          isLevel4: condition("A level-4 item （1）: print {number}{heading}, then {text}."),
          isOrdinal: condition("An ordinal paragraph 一是…: print {number}{text}."),
          level: text("2, 3 or 4 for items; 0 for paragraphs and ordinals.", "2"),
          number: text(
            'The generated number: "（一）", "1.", "（1）", "一是"; empty for a plain paragraph.',
            "（一）",
          ),
          heading: text(
            'The item\'s heading, with "。" added when a text follows it; empty otherwise.',
            "认真组织动员。",
          ),
          text: text(
            "The body text; empty for an item heading on a line of its own.",
            "支部对民主评议党员工作高度重视……",
          ),
        },
      },
    },
  },
  closing: {
    meaning: "结束语: the paragraphs after the sections.",
    example: "one entry per paragraph",
    fields: PARAGRAPH,
  },
  signature: text("发文机关署名; empty when there is none.", "中共某某支部委员会"),
  date: text("成文日期 as printed; empty when there is none.", "2026年1月5日"),
  signOff: {
    meaning:
      "The signature and date as ready-made right-aligned paragraphs placed per GB/T 9704 7.3.5.2; nothing when there is neither.",
    example: "中共某某支部委员会 / 2026年1月5日",
  },
  meeting: {
    meaning: "会议信息: the facts of the meeting; every text is empty when not given.",
    example: "{meeting.kind}",
    fields: {
      kind: text("会议类型.", "专题组织生活会"),
      theme: text("会议主题.", "强化理论武装，提升支部组织力"),
      date: text("会议日期 as printed.", "2026年1月15日"),
      place: text("会议地点.", "机关三楼会议室"),
      host: text("主持人.", "张三"),
      organizer: text(
        "召开单位, as given (not the signature it defaults to in the sentences).",
        "机关第一党支部",
      ),
      recorder: text("记录人.", "王五"),
      supervisors: {
        meaning: "指导人员, one entry each.",
        example: "机关党委 李四 专职副书记",
        fields: {
          organization: text("单位.", "机关党委"),
          name: text("姓名; empty when not given.", "李四"),
          title: text("职务; empty when not given.", "专职副书记"),
        },
      },
      supervisorOrganizations: text(
        'The supervisors\' organisations joined with "、".',
        "机关党委、机关纪委",
      ),
      agenda: {
        meaning: "会议议程, one entry per item.",
        example: "1. 通报检视问题情况",
        fields: {
          number: text('The item\'s number: "1", "2", ….', "1"),
          text: text("The item's text.", "通报检视问题情况"),
        },
      },
      attendance: {
        meaning: '出席情况: counts as text and names joined with "、"; empty when not given.',
        example: "{meeting.attendance.expected}",
        fields: {
          expected: text("应到人数.", "23"),
          present: text("实到人数.", "21"),
          attendees: text("出席.", "张三、李四"),
          onLeave: text("请假, with reasons.", "王五（因公出差）、赵六"),
          onLeaveCount: text("The number on leave; empty when none are listed.", "2"),
          absent: text("缺席, with reasons.", "钱七（因病）"),
          observers: text("列席, with their organisations.", "孙七（机关党委）"),
        },
      },
    },
  },
  facts: {
    meaning: "The facts as text (empty when not given), the standard sentences, and the table rows.",
    example: "{facts.talks}",
    fields: {
      sentences: {
        meaning:
          "The standard sentences written from the facts (docs/facts.md); each empty when its facts are missing.",
        example: "{facts.sentences.meeting}",
        fields: {
          meeting: text(
            "会议召开情况.",
            "2026年1月15日，机关第一党支部在机关三楼会议室召开了……应到党员23名，实到21名，……",
          ),
          agenda: text("会议议程.", "会议共有三项议程：一是……；二是……；三是……。"),
          preparation: text("会前准备.", "会前，共开展谈心谈话86人次，征求意见建议25条。"),
          criticism: text("批评和自我批评.", "会上，21名同志逐一作对照检查发言，相互提出批评意见63条。"),
          evaluation: text("民主评议党员.", "民主评议党员中，参加评议党员23名，评定优秀6名、合格16名……"),
          rectification: text("整改.", "对照检查共查摆问题4个，制定整改措施4条，……"),
        },
      },
      talks: text("谈心谈话人次.", "86"),
      opinions: text("征求意见条数.", "25"),
      speakers: text("发言人数.", "21"),
      criticisms: text("批评意见条数.", "63"),
      evaluation: {
        meaning: "民主评议党员 counts as text; empty without an evaluation.",
        example: "{facts.evaluation.excellent}",
        fields: {
          excellent: text("优秀.", "6"),
          qualified: text("合格.", "16"),
          basicallyQualified: text("基本合格.", "0"),
          unqualified: text("不合格.", "0"),
          probationary: text('预备党员, not graded; "0" when not given.', "1"),
          graded: text("Those graded: 优秀 + 合格 + 基本合格 + 不合格.", "22"),
          total: text("All who took part: graded + probationary.", "23"),
        },
      },
      problems: {
        meaning: "查摆问题, one entry each.",
        example: "1. 理论学习的系统性不够",
        fields: {
          number: text('The problem\'s number: "1", "2", ….', "1"),
          text: text("The problem.", "理论学习的系统性不够"),
        },
      },
      rectification: {
        meaning: "整改清单, one row each.",
        example: "1 理论学习的系统性不够 制定年度学习计划 李某某 2026年3月31日 整改中",
        fields: RECTIFICATION_ROW,
      },
    },
  },
  document: {
    meaning:
      "红头文件 (版头 and 版记) for the document and minutes templates; texts empty without `document`.",
    example: "{document.mark}",
    fields: {
      mark: text("发文机关标志 with 文件.", "中共某某委员会文件"),
      minutesMark: text('The 纪要 mark, or "会议纪要" without `document`.', "中共某某委员会纪要"),
      number: text("发文字号.", "某委发〔2026〕5号"),
      isDownward: condition("A downward document (下行文): the 发文字号 centred; true without `document`."),
      isUpward: condition("An upward document (上行文): the 发文字号 at the left, 签发人 at the right."),
      signer: text("签发人.", "张某某"),
      copyTo: text('抄送机关 joined with "，" and ended with "。".', "中共某某纪委，某某组织部。"),
      hasCopyTo: condition("Whether there is a 抄送 line."),
      printer: text("印发机关.", "中共某某委员会办公室"),
      printDate: text("印发日期 as printed.", "2026年1月20日"),
      hasImprint: condition("Whether the 版记 (抄送, 印发机关 and 印发日期) is printed."),
      hasAttendanceLines: condition("Whether any of 出席, 请假, 列席 has names."),
      signOff: {
        meaning:
          "The sealed sign-off (GB/T 9704-2012 7.3.5.1) as ready-made paragraphs for `{@document.signOff}`: the date 4 characters in from the right, the signature centred over it, room for the seal.",
        example: "<w:p>…中共某某委员会…</w:p><w:p>…2026年1月20日…</w:p>",
      },
    },
  },
  attachments: {
    meaning: "附件, in order: one entry of the 附件说明 and one page each.",
    example: "附件1 机关第一党支部2025年度组织生活会查摆问题整改清单",
    fields: {
      number: text('"1", "2", …; empty when there is only one attachment.', "1"),
      label: text('The mark on the attachment\'s first line: "附件1", or "附件" alone.', "附件1"),
      title: text(
        '附件名称 on one line (a "\\n" in it left out): what the 附件说明 prints.',
        "机关第一党支部2025年度组织生活会查摆问题整改清单",
      ),
      titleLines: text(
        '附件名称 in the lines the attachment\'s page prints it in: where the summary has "\\n", or broken long over short between words, like the title.',
        "机关第一党支部2025年度组织生活会\n查摆问题整改清单",
      ),
      isOnly: condition('The only attachment: its note line is "附件：{title}".'),
      isFirst: condition('The first of several: its note line is "附件：1.{title}".'),
      isNotFirst: condition('The second and later: the note line "2.{title}" aligned after "附件：".'),
      noteNumber: text('The number in the 附件说明: "1."; empty for a single attachment.', "1."),
      paragraphs: {
        meaning: "Paragraphs printed below the title.",
        example: "{text}",
        fields: PARAGRAPH,
      },
      isRectification: condition("The attachment carries the rectification table (rectificationRows)."),
      isEvaluation: condition("The attachment carries the evaluation table (evaluationRows)."),
      rectificationRows: {
        meaning: "The rows of the rectification table; empty unless isRectification.",
        example: "1 理论学习的系统性不够 …",
        fields: RECTIFICATION_ROW,
      },
      evaluationRows: {
        meaning: "The rows of the evaluation table; empty unless isEvaluation.",
        example: "优秀 6 27.3%",
        fields: {
          grade: text('"优秀", "合格", "基本合格", "不合格", "预备党员（不确定等次）" or "合计".', "优秀"),
          count: text("The number of members.", "6"),
          share: text('Share of those graded; "—" for the probationary row.', "27.3%"),
        },
      },
    },
  },
};

/** The documentation of the tag `name` in `scope` (a dotted path, `""` at the top). */
function docOf(scope: string, name: string): LeafDoc {
  let fields = DOCS as unknown as Record<string, LeafDoc & { fields?: Record<string, LeafDoc> }>;
  for (const key of scope === "" ? [] : scope.split(".")) {
    fields = (fields[key]?.fields ?? {}) as typeof fields;
  }
  const found = fields[name];
  // Only a tree of kinds and a tree of documentation that disagree can get here; the types forbid it.
  if (!found) throw new Error(`the vocabulary has no documentation for ${scope ? `${scope}.` : ""}${name}`);
  return { meaning: found.meaning, example: found.example };
}

/**
 * Every tag a template may use, in the order of `SummaryView`: the contract between the model and every
 * template (docs/templates.md lists the same table).
 * @example
 * tagVocabulary.find((t) => t.scope === "sections" && t.name === "number")
 * //=> { name: "number", scope: "sections", kind: "value", example: "一、", usage: "{number}", … }
 */
export const tagVocabulary: readonly TagInfo[] = Object.freeze(
  vocabularyTags.map((tag) => ({ ...tag, ...docOf(tag.scope, tag.name) })),
);

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
