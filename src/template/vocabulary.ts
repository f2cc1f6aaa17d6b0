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

/** A tag of the vocabulary without its documentation: what checking a template reads. */
export type TagShape = Omit<TagInfo, "meaning" | "example">;

interface Leaf {
  kind: typeof TagKind.Value | typeof TagKind.Condition | typeof TagKind.Raw;
}
interface Branch<T> {
  kind: typeof TagKind.Loop | typeof TagKind.Group;
  fields: Fields<T>;
}
type Spec<V> = V extends readonly (infer I)[] ? Branch<I> : V extends object ? Branch<V> : Leaf;
/** Every field of `T`, no more and no fewer: the compiler checks the vocabulary against the view types. */
type Fields<T> = { [K in keyof T]-?: Spec<T[K]> };

const text: Leaf = { kind: TagKind.Value };
const condition: Leaf = { kind: TagKind.Condition };
const raw: Leaf = { kind: TagKind.Raw };
const loop = <T>(fields: Fields<T>): Branch<T> => ({ kind: TagKind.Loop, fields });
const group = <T>(fields: Fields<T>): Branch<T> => ({ kind: TagKind.Group, fields });

const PARAGRAPH = { text };

const RECTIFICATION_ROW: Fields<RectificationRowView> = {
  number: text,
  problem: text,
  measure: text,
  owner: text,
  deadline: text,
  status: text,
};

/**
 * The vocabulary as a tree of kinds, mirroring `SummaryView`: what checking and rendering a template need.
 * What each tag means, with an example, is in vocabulary-docs.ts (for `tagVocabulary` and the docs), so
 * that a render does not carry the documentation.
 */
const VIEW: Fields<SummaryView> = {
  title: text,
  recipient: text,
  opening: loop(PARAGRAPH),
  sections: loop({
    number: text,
    heading: text,
    blocks: loop({
      isParagraph: condition,
      isLevel2: condition,
      isLevel3: condition,
      isLevel4: condition,
      isOrdinal: condition,
      level: text,
      number: text,
      heading: text,
      text: text,
    }),
  }),
  closing: loop(PARAGRAPH),
  signature: text,
  date: text,
  signOff: raw,
  meeting: group({
    kind: text,
    theme: text,
    date: text,
    place: text,
    host: text,
    organizer: text,
    recorder: text,
    supervisors: loop({
      organization: text,
      name: text,
      title: text,
    }),
    supervisorOrganizations: text,
    agenda: loop({
      number: text,
      text: text,
    }),
    attendance: group({
      expected: text,
      present: text,
      attendees: text,
      onLeave: text,
      onLeaveCount: text,
      absent: text,
      observers: text,
    }),
  }),
  facts: group({
    sentences: group({
      meeting: text,
      agenda: text,
      preparation: text,
      criticism: text,
      evaluation: text,
      rectification: text,
    }),
    talks: text,
    opinions: text,
    speakers: text,
    criticisms: text,
    evaluation: group({
      excellent: text,
      qualified: text,
      basicallyQualified: text,
      unqualified: text,
      probationary: text,
      graded: text,
      total: text,
    }),
    problems: loop({
      number: text,
      text: text,
    }),
    rectification: loop(RECTIFICATION_ROW),
  }),
  document: group({
    mark: text,
    minutesMark: text,
    number: text,
    isDownward: condition,
    isUpward: condition,
    signer: text,
    copyTo: text,
    hasCopyTo: condition,
    printer: text,
    printDate: text,
    hasImprint: condition,
    hasAttendanceLines: condition,
    signOff: raw,
  }),
  attachments: loop({
    number: text,
    label: text,
    title: text,
    titleLines: text,
    isOnly: condition,
    isFirst: condition,
    isNotFirst: condition,
    noteNumber: text,
    paragraphs: loop(PARAGRAPH),
    isRectification: condition,
    isEvaluation: condition,
    rectificationRows: loop(RECTIFICATION_ROW),
    evaluationRows: loop({
      grade: text,
      count: text,
      share: text,
    }),
  }),
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

function flatten(scope: VocabularyScope, groupPrefix: string, out: TagShape[]): TagShape[] {
  for (const [name, spec] of Object.entries(scope.fields)) {
    const written = `${groupPrefix}${name}`;
    out.push({ name, scope: scope.path, kind: spec.kind, usage: usage(spec.kind, written) });
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
 * Every tag a template may use, in the order of `SummaryView`, without what it means: `tagVocabulary`
 * (vocabulary-docs.ts) is this list with each tag's meaning and example.
 * @example
 * vocabularyTags.find((t) => t.scope === "sections" && t.name === "number")
 * //=> { name: "number", scope: "sections", kind: "value", usage: "{number}" }
 */
export const vocabularyTags: readonly TagShape[] = Object.freeze(flatten(ROOT_SCOPE, "", []));

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
  return vocabularyTags.filter((t) => t.name === name).map((t) => t.scope);
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
  if (typeof value === "boolean") return { kind: TagKind.Condition };
  if (Array.isArray(value)) {
    const fields: Record<string, Leaf | Branch<unknown>> = {};
    for (const entry of value) {
      if (entry !== null && typeof entry === "object" && !Array.isArray(entry)) {
        for (const [key, field] of Object.entries(entry)) fields[key] ??= dataSpec(field);
      }
    }
    return { kind: TagKind.Loop, fields: fields as Fields<unknown> };
  }
  if (value !== null && typeof value === "object") {
    const fields = Object.fromEntries(Object.entries(value).map(([key, field]) => [key, dataSpec(field)]));
    return { kind: TagKind.Group, fields: fields as Fields<unknown> };
  }
  return { kind: TagKind.Value };
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
