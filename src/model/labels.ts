import type { IssuePath } from "../errors/index.js";

/** Chinese names of the top-level fields, as a clerk knows them. */
const ROOT_LABELS: Record<string, string> = {
  title: "标题",
  recipient: "主送机关",
  opening: "导语",
  preparation: "会前准备",
  organization: "会议召开",
  outcomes: "成效、问题与下一步",
  sections: "其他部分",
  closing: "结束语",
  signature: "发文机关署名",
  date: "成文日期",
  meeting: "会议信息",
  evaluation: "民主评议党员",
  problems: "查摆问题",
  rectification: "整改清单",
  attachments: "附件",
  document: "红头文件",
};

const MEETING_LABELS: Record<string, string> = {
  kind: "会议类型",
  theme: "会议主题",
  date: "会议日期",
  place: "会议地点",
  host: "主持人",
  supervisors: "指导人员",
  agenda: "会议议程",
  attendance: "出席情况",
  expected: "应到人数",
  present: "实到人数",
  attendees: "出席",
  onLeave: "请假",
  absent: "缺席",
  observers: "列席",
  reason: "原因",
  organization: "单位",
  name: "姓名",
  title: "职务",
  organizer: "召开单位",
  recorder: "记录人",
  preparation: "会前准备情况",
  talks: "谈心谈话人次",
  opinions: "征求意见条数",
  criticism: "批评和自我批评情况",
  speakers: "发言人数",
  criticisms: "批评意见条数",
};

/** Fields of the top-level facts, by the top-level field they sit in. */
const FACT_LABELS: Record<string, Record<string, string>> = {
  evaluation: {
    excellent: "优秀",
    qualified: "合格",
    basicallyQualified: "基本合格",
    unqualified: "不合格",
    probationary: "预备党员",
  },
  rectification: {
    problem: "存在问题",
    measure: "整改措施",
    owner: "责任人",
    deadline: "完成时限",
    status: "整改状态",
  },
  attachments: { title: "附件名称", table: "附件表格", paragraphs: "附件正文" },
};

/** The 版头 and 版记 fields of `document`, and the parts of a 发文字号 given as an object. */
const DOCUMENT_LABELS: Record<string, string> = {
  issuer: "发文机关",
  documentNumber: "发文字号",
  direction: "行文方向",
  signer: "签发人",
  copyTo: "抄送机关",
  printer: "印发机关",
  printDate: "印发日期",
  code: "机关代字",
  year: "年份",
  serial: "发文顺序号",
};

const BLOCK_LABELS: Record<string, string> = {
  heading: "条目标题",
  text: "正文",
  blocks: "内容",
  items: "一是、二是条目",
  type: "内容类型",
  kind: "生成内容",
  level: "层次",
};

/** `labels[key]` when `key` is one of its own entries: "constructor" or "__proto__" have no name. */
function own(labels: Record<string, string>, key: string): string | undefined {
  return Object.hasOwn(labels, key) ? labels[key] : undefined;
}

/**
 * The Chinese name of the field at `path`, for messages: `["organization", "blocks", 0, "heading"]` →
 * "条目标题". Undefined where no name helps (an index, the root).
 */
export function labelFor(path: IssuePath): string | undefined {
  const last = path[path.length - 1];
  const root = path[0];
  if (typeof last !== "string" || typeof root !== "string") return undefined;
  if (path.length === 1) return own(ROOT_LABELS, last);
  // A date written out as { text: "二〇二六年一月五日" }: the date's own name.
  const parent = path[path.length - 2];
  if (last === "text" && (parent === "date" || parent === "printDate")) return labelFor(path.slice(0, -1));
  if (root === "meeting") return own(MEETING_LABELS, last);
  if (root === "document") return own(DOCUMENT_LABELS, last);
  const facts = Object.hasOwn(FACT_LABELS, root) ? FACT_LABELS[root] : undefined;
  if (facts) return own(facts, last);
  // preparation.heading, sections[0].heading: the section heading; deeper: an item's.
  const sectionDepth = root === "sections" ? 3 : 2;
  if (path.length === sectionDepth && last === "heading") return "一级标题";
  if (path.length === sectionDepth && last === "blocks") return "内容";
  return own(BLOCK_LABELS, last);
}
