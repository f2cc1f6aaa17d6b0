/*
 * The built-in templates' render programs, shipped prebuilt for Node (src/template/prebuilt/<name>-program.ts,
 * written by `npm run templates`): compiling a template with docxtemplater allocates ~5 MB for the
 * 红头文件, much of it alive while it runs, and leaves a long-running process with a young generation
 * twice the size for the rest of its life (scripts/check-memory.mjs, bench/memory-floor.mjs). With these,
 * a built-in template in any layout renders with no compiling at all; docxtemplater compiles it only when
 * a render needs docxtemplater itself (data the render loop leaves to it) or where a tag without a value
 * is. What only Node loads turns this on (the package's `node` export, src/index-node.ts; the file
 * helpers; the render pool; the CLI); browsers compile as before and never load the programs.
 * __tests__/template/prebuilt-programs.test.ts compares every program and layout with docxtemplater's compile.
 */
import { DEFAULT_LAYOUT, layoutKey } from "../layout/options.js";
import { layoutEdits } from "../layout/patch.js";
import { type BuiltInTemplate, loadProgramsFrom, type ProgramMaker, prebuiltOf } from "./builtin.js";
import type { InspectTemplateResult } from "./inspect.js";
import { openTemplate } from "./open.js";
import * as documentProgram from "./prebuilt/document-program.js";
import * as minutesProgram from "./prebuilt/minutes-program.js";
import * as reportProgram from "./prebuilt/report-program.js";
import { useShippedPrograms } from "./render.js";
import {
  Kind,
  type Node,
  type RenderProgram,
  type Runs,
  startsJoin,
  type TreePart,
  tagKeys,
} from "./render-loop.js";
import { isSignOffPart } from "./sign-off-keep.js";

// ---- Programs as data: what a node holds that follows from its text (where join-uncorrupt may start,
// the sign-off's style, a tag's path) is worked out again on loading. ----

/** A static part: its text and what it records in the run properties. */
type StaticData = [kind: Kind.Static, text: string, runs: Runs];
/** A value or raw XML tag: the tag as written, and where it is in its file (for a missing value). */
type TagData = [kind: Kind.Value | Kind.Raw, tag: string, offset: number | null];
/** A loop: the tag, its place, inverted, structural (1/0), what an empty loop leaves, its content. */
type LoopData = [
  kind: Kind.Loop,
  tag: string,
  offset: number | null,
  inverted: 0 | 1,
  structural: 0 | 1,
  emptySection: string | null,
  body: NodeData[],
];
type NodeData = StaticData | TagData | LoopData;

/** A {@link RenderProgram} as JSON. */
export interface ProgramData {
  files: { name: string; linebreaks: boolean; structural: boolean; wordPart: boolean; nodes: NodeData[] }[];
  /** docxtemplater's Render module's recording of run properties, as compiling left it. */
  runs: { recordRun: boolean; recordedRun: unknown };
}

function nodeData(node: Node): NodeData {
  if (node.kind === Kind.Static) return [Kind.Static, node.text, node.runs];
  const offset = node.part.offset ?? null;
  if (node.kind !== Kind.Loop) return [node.kind, node.part.value, offset];
  return [
    Kind.Loop,
    node.part.value,
    offset,
    node.inverted ? 1 : 0,
    node.structural ? 1 : 0,
    node.emptySection ?? null,
    node.body.map(nodeData),
  ];
}

/** A compiled program as data (see {@link programFromData}). */
export function programData(program: RenderProgram): ProgramData {
  return {
    files: program.files.map((file) => ({
      name: file.name,
      linebreaks: file.linebreaks,
      structural: file.structural,
      wordPart: file.wordPart,
      nodes: file.nodes.map(nodeData),
    })),
    runs: { recordRun: program.runs.recordRun, recordedRun: program.runs.recordedRun },
  };
}

function nodeFromData(data: NodeData): Node {
  if (data[0] === Kind.Static) {
    const [, text, runs] = data;
    return { kind: Kind.Static, text, runs, join: startsJoin(text), signOff: isSignOffPart(text) };
  }
  const part: TreePart = {
    type: "placeholder",
    value: data[1],
    ...(data[2] !== null && { offset: data[2] }),
  };
  if (data[0] !== Kind.Loop) return { kind: data[0], keys: tagKeys(data[1]), part };
  const [, tag, , inverted, structural, emptySection, body] = data;
  return {
    kind: Kind.Loop,
    keys: tagKeys(tag),
    part,
    inverted: inverted === 1,
    body: body.map(nodeFromData),
    structural: structural === 1,
    emptySection: emptySection ?? undefined,
    emptySectionSignOff: emptySection !== null && isSignOffPart(emptySection),
  };
}

/** The program of {@link programData}, with a recording of run properties of its own. */
export function programFromData(data: ProgramData): RenderProgram {
  const files = data.files.map((file) => ({ ...file, nodes: file.nodes.map(nodeFromData) }));
  return {
    files,
    names: new Set(files.map((file) => file.name)),
    runs: { name: "Render", recordRun: data.runs.recordRun, recordedRun: data.runs.recordedRun },
  };
}

/**
 * The program of a template whose files differ from those `data` was compiled from only in attribute
 * values, as a layout changes a built-in template (src/layout/patch.ts): each edit, at an offset of the
 * file's text, goes into the static part that holds that text as it is. Undefined when an edit falls
 * elsewhere: the template is then compiled.
 * @param data - the program of the template as it was
 * @param texts - its files' texts
 * @param edits - per file, the edits in order: offset and length in its text, and the new value
 */
export function patchProgramData(
  data: ProgramData,
  texts: ReadonlyMap<string, string>,
  edits: Readonly<Record<string, readonly (readonly [number, number, string])[]>>,
): ProgramData | undefined {
  const files: ProgramData["files"] = [];
  for (const file of data.files) {
    const fileEdits = edits[file.name];
    if (!fileEdits || fileEdits.length === 0) {
      files.push(file);
      continue;
    }
    const text = texts.get(file.name);
    if (text === undefined) return undefined;
    // Where each static part stands in the text, in document order: the first place it is found from the
    // end of the one before (a part a module changed, as space-preserve changes <w:t>, is not found).
    const places: { node: StaticData; at: number; end: number }[] = [];
    let cursor = 0;
    const locate = (nodes: readonly NodeData[]) => {
      for (const node of nodes) {
        if (node[0] === Kind.Static) {
          if (node[1] === "") continue;
          const at = text.indexOf(node[1], cursor);
          if (at === -1) continue;
          cursor = at + node[1].length;
          places.push({ node, at, end: cursor });
        } else if (node[0] === Kind.Loop) locate(node[6]);
      }
    };
    locate(file.nodes);
    const patched = new Map<StaticData, string>();
    let k = 0;
    for (const [offset, length, value] of fileEdits) {
      while (k < places.length && (places[k] as { end: number }).end <= offset) k++;
      const place = places[k];
      if (!place || place.at > offset || offset + length > place.end) return undefined;
      const current = patched.get(place.node) ?? place.node[1];
      // Edits of one part come in order; each is placed from the part's end, which earlier ones left alone.
      const fromEnd = place.end - (offset + length);
      patched.set(
        place.node,
        current.slice(0, current.length - fromEnd - length) + value + current.slice(current.length - fromEnd),
      );
    }
    const rewrite = (nodes: readonly NodeData[]): NodeData[] =>
      nodes.map((node) => {
        if (node[0] === Kind.Static) {
          const text = patched.get(node);
          return text === undefined ? node : [Kind.Static, text, node[2]];
        }
        if (node[0] === Kind.Loop) {
          const [kind, tag, offset, inverted, structural, emptySection, body] = node;
          return [kind, tag, offset, inverted, structural, emptySection, rewrite(body)];
        }
        return node;
      });
    files.push({ ...file, nodes: rewrite(file.nodes) });
  }
  return { files, runs: data.runs };
}

/** What ships for a built-in template: its program (default layout) and what inspect finds in it. */
export interface ShippedProgram {
  program: ProgramData;
  /** `analyseTemplate` of the template without data of your own: its tags (no issues, no warnings). */
  tags: InspectTemplateResult["tags"];
}

/**
 * Each template's shipped program, loaded with the package: parsed while the import's own data makes V8's
 * young generation grow anyway, it leaves a long-running process with a smaller one than when parsed at
 * a template's first use (check-memory: 90–96 MB, against 90–103 MB with its young generation at 32 MB).
 */
const SHIPPED: Record<BuiltInTemplate, ShippedProgram> = {
  report: reportProgram.shipped,
  document: documentProgram.shipped,
  minutes: minutesProgram.shipped,
};

/** The compiled form of a built-in template in `layout`, from its shipped program (see above). */
function maker({ program, tags }: ShippedProgram): ProgramMaker {
  let defaultTexts: ReadonlyMap<string, string> | undefined;
  return (layout, template, patch) => {
    const analysis = { tags, issues: [], warnings: [] };
    if (layoutKey(layout) === layoutKey(DEFAULT_LAYOUT))
      return { program: programFromData(program), analysis };
    defaultTexts ??= openTemplate(template).texts;
    const patched = patchProgramData(program, defaultTexts, layoutEdits(patch, layout));
    return patched && { program: programFromData(patched), analysis };
  };
}

/**
 * Renders the built-in templates loaded from now on, in every layout, from their shipped programs instead
 * of compiling them (see above).
 */
export function usePrebuiltPrograms(): void {
  useShippedPrograms(prebuiltOf);
  const makers = new Map<BuiltInTemplate, ProgramMaker>();
  loadProgramsFrom(async (name) => {
    let made = makers.get(name);
    if (!made) {
      made = maker(SHIPPED[name]);
      makers.set(name, made);
    }
    return made;
  });
}
