/**
 * The package as users get it: `npm pack` (which builds it), unpacked into a fresh folder, then imported
 * from ESM and CommonJS, type-checked from both, and its CLI run as a process.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { seedLines } from "../fixtures/summaries";
import { paragraphTexts } from "../helpers/docx";

const repo = join(__dirname, "..", "..");
const manifestText = readFileSync(join(repo, "package.json"), "utf8");
const manifest = JSON.parse(manifestText);
let app: string;
let pkg: string;

beforeAll(() => {
  app = mkdtempSync(join(tmpdir(), "msd-pack-"));
  const tarball = execFileSync("npm", ["pack", "--silent", "--pack-destination", app], {
    cwd: repo,
    encoding: "utf8",
  })
    .trim()
    .split("\n")
    .at(-1) as string;
  pkg = join(app, "node_modules", manifest.name);
  mkdirSync(pkg, { recursive: true });
  execFileSync("tar", ["xzf", join(app, tarball), "-C", pkg, "--strip-components=1"]);
  // The runtime dependencies come from this checkout (no network needed); Node follows the links.
  for (const dep of Object.keys(manifest.dependencies)) {
    // A scoped package (@xmldom/xmldom) lives one folder deeper.
    mkdirSync(dirname(join(app, "node_modules", dep)), { recursive: true });
    symlinkSync(join(repo, "node_modules", dep), join(app, "node_modules", dep), "dir");
  }
  writeFileSync(join(app, "seed.json"), readFileSync(join(repo, "examples", "seed-report.json")));
}, 180_000);

function node(args: string[], input?: string) {
  return spawnSync(process.execPath, args, { cwd: app, encoding: "utf8", input });
}

const renderScript = (load: string) => `
${load}
const fs = require("node:fs");
(async () => {
  const summary = JSON.parse(fs.readFileSync("seed.json", "utf8"));
  const bytes = await m.renderSummary(summary);
  fs.writeFileSync(process.argv[1], bytes);
  try { n.parseSummaryJson("{}"); } catch (e) { console.log(e instanceof m.MeetingSummaryError, e.code, e.issues.length); }
})();`;

it("ships only what users need", () => {
  const files = execFileSync("find", [".", "-type", "f"], { cwd: pkg, encoding: "utf8" }).split("\n");
  expect(files).toEqual(
    expect.arrayContaining([
      "./package.json",
      "./README.md",
      "./dist/esm/index.js",
      "./dist/esm/index.d.ts",
      "./dist/cjs/index.js",
      "./dist/cjs/index.d.ts",
      "./dist/cjs/package.json",
      "./dist/node/index.js",
      "./dist/node/pool.js",
      "./dist/node-cjs/index.js",
      "./dist/node-cjs/pool.js",
      "./dist/cli/main.js",
      "./dist/cli/cli.js",
      "./dist/cli/pool.js",
      "./templates/report.docx",
      "./examples/seed-report.json",
      "./schema/meeting-summary.schema.json",
    ]),
  );
  expect(files.some((f) => f.includes("__tests__") || f.startsWith("./src/"))).toBe(false);
  // The CLI ships as its bundle only: the modules tsc writes for it are left out.
  expect(files.some((f) => /^\.\/dist\/(esm|cjs)\/cli\//.test(f))).toBe(false);
});

it("publishes no install-time script (npm would warn about it), and leaves package.json as it was", () => {
  const packed = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8"));
  expect(Object.keys(packed.scripts)).not.toContain("prepare");
  expect(packed.scripts).not.toHaveProperty("install");
  expect(packed.scripts).not.toHaveProperty("postinstall");
  expect(readFileSync(join(repo, "package.json"), "utf8")).toBe(manifestText);
});

it("renders the seed from CommonJS (require)", () => {
  const out = join(app, "cjs.docx");
  const run = node([
    "-e",
    renderScript(
      'const m = require("meeting-summary-docx"); const n = require("meeting-summary-docx/node");',
    ),
    out,
  ]);
  expect(run.stderr).toBe("");
  expect(run.stdout).toBe("true invalid_summary 4\n");
  expect(paragraphTexts(readFileSync(out))).toEqual(seedLines());
});

it("renders the seed from an ES module (import)", () => {
  const out = join(app, "esm.docx");
  const script = `import * as m from "meeting-summary-docx"; import * as n from "meeting-summary-docx/node";
import { createRequire } from "node:module"; const require = createRequire(import.meta.url);
${renderScript("").replace("(async", "await (async")}`;
  const run = node(["--input-type=module", "-e", script, out]);
  expect(run.stderr).toBe("");
  expect(run.stdout).toBe("true invalid_summary 4\n");
  expect(paragraphTexts(readFileSync(out))).toEqual(seedLines());
});

it("loads in Node as its bundle, which renders the bytes the modules for bundlers render", () => {
  // import and require of the package name get dist/node and dist/node-cjs (the `node` condition);
  // dist/esm and dist/cjs are what bundlers and browsers get. Every template, and another layout.
  const script = `import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import * as bundle from "meeting-summary-docx";
const require = createRequire(import.meta.url);
const modules = await import("./node_modules/meeting-summary-docx/dist/esm/index.js");
const cjs = require("meeting-summary-docx");
const seed = JSON.parse(readFileSync("seed.json", "utf8"));
const summary = { ...seed, signature: "中共某某支部委员会", date: "2026-01-20",
  document: { issuer: "中共某某委员会", documentNumber: "某发〔2026〕1号", printer: "中共某某委员会办公室", printDate: "2026-01-20" } };
const out = [];
for (const template of ["report", "document", "minutes"]) for (const layout of [undefined, { fonts: "plain" }]) {
  const options = { template, ...(layout ? { layout } : {}) };
  const [a, b, c] = await Promise.all([bundle, modules, cjs].map((m) => m.renderSummary(summary, options)));
  out.push(Buffer.from(a).equals(Buffer.from(b)) && Buffer.from(a).equals(Buffer.from(c)));
}
console.log(out.join(" "), require.resolve("meeting-summary-docx").includes("/dist/node-cjs/"));`;
  const run = node(["--input-type=module", "-e", script]);
  expect(run.stderr).toBe("");
  expect(run.stdout).toBe("true true true true true true true\n");
});

const poolScript = `
const fs = require("node:fs");
(async () => {
  const summary = JSON.parse(fs.readFileSync("seed.json", "utf8"));
  const pool = n.createRenderPool({ size: 2 });
  try {
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => pool.render(summary, { template: "report" })));
    const one = await m.renderSummary(summary);
    const same = [a, b, c].every((x) => Buffer.from(x).equals(Buffer.from(one)));
    const error = await pool.render({ title: "" }).catch((e) => e);
    console.log(pool.size, same, error instanceof m.InvalidSummaryError, error.code, error.issues[0].path.join("."));
  } finally {
    await pool.close();
  }
})();`;

it.each([
  [
    "CommonJS",
    [
      "-e",
      'const m = require("meeting-summary-docx"); const n = require("meeting-summary-docx/node");' +
        poolScript,
    ],
  ],
  [
    "an ES module",
    [
      "--input-type=module",
      "-e",
      `import * as m from "meeting-summary-docx"; import * as n from "meeting-summary-docx/node";
import { createRequire } from "node:module"; const require = createRequire(import.meta.url);${poolScript}`,
    ],
  ],
])("renders on worker threads from %s: the same bytes as renderSummary, the same errors", (_, args) => {
  const run = node(args);
  expect(run.stderr).toBe("");
  expect(run.stdout).toBe("2 true true invalid_summary title\n");
});

it("makes a template in another layout without the docx package (which is not installed)", () => {
  expect(() => require.resolve("docx", { paths: [app] })).toThrow();
  const esm = node([
    "--input-type=module",
    "-e",
    `import { builtInTemplate } from "meeting-summary-docx";
const bytes = await builtInTemplate("minutes", { fonts: "plain", margins: "screen" });
console.log(bytes.length > 5000, new TextDecoder().decode(bytes.subarray(0, 2)));`,
  ]);
  expect([esm.stderr, esm.stdout]).toEqual(["", "true PK\n"]);
  const cjs = node([
    "-e",
    `require("meeting-summary-docx").builtInTemplate("document", { linesPerPage: 20 })
  .then((bytes) => console.log(bytes.length > 5000));`,
  ]);
  expect([cjs.stderr, cjs.stdout]).toEqual(["", "true\n"]);
});

it("exports the JSON Schema file", () => {
  const run = node(["-e", 'console.log(require("meeting-summary-docx/schema.json").title)']);
  expect(run.stdout).toBe("MeetingSummary\n");
});

it("type-checks from both an ES module and a CommonJS consumer", () => {
  const consumer = `import { renderSummary, type MeetingSummary, InvalidSummaryError } from "meeting-summary-docx";
import { writeSummaryDocx } from "meeting-summary-docx/node";
const s: MeetingSummary = { title: "t", preparation: { heading: "h", blocks: ["p"] }, organization: { heading: "h", blocks: [{ type: "item", heading: "x", text: "y" }] }, outcomes: { heading: "h", blocks: [{ type: "ordinals", items: ["a"] }] } };
export const bytes: Promise<Uint8Array> = renderSummary(s);
export const done: Promise<void> = writeSummaryDocx(s, "x.docx");
export const isError = (e: unknown) => e instanceof InvalidSummaryError && e.issues[0]?.path;
`;
  writeFileSync(join(app, "consumer.mts"), consumer);
  writeFileSync(join(app, "consumer.cts"), consumer);
  const tsc = join(repo, "node_modules", "typescript", "bin", "tsc");
  const run = node([
    tsc,
    "--noEmit",
    "--strict",
    "--module",
    "node16",
    "--moduleResolution",
    "node16",
    "--skipLibCheck",
    "--types",
    "node",
    "--typeRoots",
    join(repo, "node_modules", "@types"),
    "consumer.mts",
    "consumer.cts",
  ]);
  expect(run.stdout + run.stderr).toBe("");
  expect(run.status).toBe(0);
});

it("type-checks in a browser project: DOM library, no Node types, exactOptionalPropertyTypes", () => {
  const consumer = `import { renderSummary } from "meeting-summary-docx";
const summary = {
  title: "t",
  preparation: { heading: "h", blocks: ["p"] },
  organization: { heading: "h", blocks: [{ type: "item", heading: "x", text: "y" }] },
  outcomes: { heading: "h", blocks: [{ type: "ordinals", items: ["a"] }] },
} as const;
export async function download(file: File | undefined, fonts?: "plain" | "gb2312"): Promise<Blob> {
  const bytes = await renderSummary(summary, { template: file, layout: { fonts: fonts ?? "gb2312" } });
  return new Blob([bytes], { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" });
}
`;
  writeFileSync(join(app, "browser.ts"), consumer);
  // A browser project's settings: no @types/node (types: []), the DOM library, the strictest options.
  const browserConfig = {
    compilerOptions: {
      noEmit: true,
      strict: true,
      exactOptionalPropertyTypes: true,
      lib: ["es2022", "dom"],
      types: [],
      module: "esnext",
      moduleResolution: "bundler",
      skipLibCheck: true,
    },
    files: ["browser.ts"],
  };
  writeFileSync(join(app, "tsconfig.browser.json"), JSON.stringify(browserConfig));
  const tsc = join(repo, "node_modules", "typescript", "bin", "tsc");
  const run = node([tsc, "-p", "tsconfig.browser.json"]);
  expect(run.stdout + run.stderr).toBe("");
  expect(run.status).toBe(0);
  // No Node type reaches the declarations of the main entry (index.d.ts and what it imports).
  const declarations = execFileSync(
    "find",
    [
      "dist/esm",
      "-name",
      "*.d.ts",
      "-not",
      "-name",
      "node.d.ts",
      "-not",
      "-path",
      "*/cli/*",
      "-not",
      "-name",
      "pool*.d.ts",
    ],
    { cwd: pkg, encoding: "utf8" },
  )
    .trim()
    .split("\n");
  for (const file of declarations) {
    expect({
      file,
      node: /\bBuffer\b|NodeJS\.|types="node"|from "node:/.test(readFileSync(join(pkg, file), "utf8")),
    }).toEqual({ file, node: false });
  }
});

it("renders from a browser bundle (esbuild, platform browser) without @xmldom/xmldom, the same bytes as in Node", async () => {
  const { build } = await import("esbuild");
  const bundle = await build({
    stdin: {
      contents: 'export { renderSummary, builtInTemplate } from "meeting-summary-docx";',
      resolveDir: app,
      sourcefile: "entry.js",
    },
    bundle: true,
    format: "esm",
    platform: "browser",
    outfile: join(app, "browser-bundle.mjs"),
    metafile: true,
    logLevel: "silent",
  });
  // What the bundle holds (the metafile's inputs list every file read, tree-shaken ones too).
  const inputs = Object.values(bundle.metafile.outputs).flatMap((output) =>
    Object.keys(output.inputs).filter((input) => (output.inputs[input]?.bytesInOutput ?? 0) > 0),
  );
  expect(inputs.filter((input) => /@xmldom|node_modules\/docxtemplater\//.test(input))).toEqual([]);
  expect(inputs.some((input) => input.endsWith("dist/browser/docxtemplater.cjs"))).toBe(true);
  // Node has no DOMParser, as a Web Worker has none: the bundle must not need one.
  const script = `import * as browser from "./browser-bundle.mjs";
import * as node from "meeting-summary-docx";
import PizZip from "pizzip";
import { readFileSync } from "node:fs";
const summary = JSON.parse(readFileSync("seed.json", "utf8"));
const zip = new PizZip(await node.builtInTemplate("minutes"));
// A template of one's own, its [Content_Types].xml as Word saves it (CRLF, single quotes).
const types = zip.file("[Content_Types].xml").asText();
zip.file("[Content_Types].xml", types.replace("?>", "?>\\r\\n").replace('Extension="rels"', "Extension='rels'"));
const own = zip.generate({ type: "uint8array", compression: "DEFLATE" });
const same = [];
// The report twice: the second render reuses the compiled template (docxtemplater's internals).
for (const options of [{}, { template: "minutes", layout: { margins: "screen" }, locale: "zh-CN" }, { template: own }, {}]) {
  const a = await browser.renderSummary(summary, options);
  const b = await node.renderSummary(summary, options);
  same.push(Buffer.from(a).equals(Buffer.from(b)));
}
const refusal = (m) => m.renderSummary({ ...summary, title: "" }, { locale: "zh-CN" }).catch((e) => e.message);
console.log(typeof DOMParser, same.join(" "), (await refusal(browser)) === (await refusal(node)));`;
  const run = node(["--input-type=module", "-e", script]);
  expect(run.stderr).toBe("");
  expect(run.stdout).toBe("undefined true true true true true\n");
});

describe("the meeting-summary CLI, run as a process", () => {
  const bin = () => join(pkg, manifest.bin["meeting-summary"]);

  /** The files of its bundle a run of the CLI loads (whatever loads them: Node, or the compile cache). */
  function loadedFiles(args: string[], env: Record<string, string> = {}) {
    writeFileSync(
      join(app, "record.cjs"),
      `process.on("exit", () => require("node:fs").writeFileSync(process.env.LOADED_LOG, Object.keys(require.cache).join("\\n")));`,
    );
    const log = join(app, `loaded-${args.join("-")}.txt`);
    const run = spawnSync(process.execPath, ["--require", "./record.cjs", bin(), ...args], {
      cwd: app,
      encoding: "utf8",
      env: { ...process.env, ...env, LOADED_LOG: log },
    });
    expect(run.status).toBe(0);
    return readFileSync(log, "utf8")
      .split("\n")
      .filter((file) => file.startsWith(join(pkg, "dist", "cli")));
  }
  /** The packages bundled into the files loaded: esbuild marks where each module starts. */
  const heavyIn = (files: string[]) =>
    files.flatMap((file) =>
      [
        ...readFileSync(file, "utf8").matchAll(/^\/\/ node_modules\/(zod|docxtemplater|@xmldom|fflate)\//gm),
      ].map((m) => `${file.slice(pkg.length)}: ${m[1]}`),
    );

  it("loads no model, template engine or import for --version, --help and a command's help", () => {
    for (const args of [["--version"], ["--help"], ["render", "--help"], ["format", "--help"]]) {
      for (const env of [{}, { NODE_DISABLE_COMPILE_CACHE: "1" }] as Record<string, string>[]) {
        const loaded = loadedFiles(args, env);
        expect(loaded).toContain(join(pkg, "dist", "cli", "cli.js"));
        expect({ args, env, heavy: heavyIn(loaded) }).toEqual({ args, env, heavy: [] });
      }
    }
    // …which a render does load (so the check above would see them).
    const heavy = heavyIn(loadedFiles(["render", "seed.json", "-o", "loaded.docx"]));
    for (const name of ["zod", "docxtemplater", "@xmldom", "fflate"]) {
      expect(heavy.some((line) => line.endsWith(`: ${name}`))).toBe(true);
    }
  });

  it("compiles from a code cache it keeps in NODE_COMPILE_CACHE, and recovers from a damaged one", () => {
    const cache = join(app, "compile-cache");
    const render = (out: string, env: Record<string, string>) => {
      const run = spawnSync(process.execPath, [bin(), "render", "seed.json", "-o", out], {
        cwd: app,
        encoding: "utf8",
        env: { ...process.env, ...env },
      });
      expect([run.status, run.stdout]).toEqual([0, `wrote ${out}\n`]);
      return readFileSync(join(app, out));
    };
    const cacheFiles = () =>
      execFileSync("find", [cache, "-type", "f"], { encoding: "utf8" }).trim().split("\n").filter(Boolean);
    const first = render("cache-1.docx", { NODE_DISABLE_COMPILE_CACHE: "1", NODE_COMPILE_CACHE: cache });
    expect(existsSync(cache)).toBe(false); // turned off: no folder made
    expect(render("cache-2.docx", { NODE_COMPILE_CACHE: cache }).equals(first)).toBe(true);
    const files = cacheFiles();
    expect(files.length).toBeGreaterThan(5);
    expect(render("cache-3.docx", { NODE_COMPILE_CACHE: cache }).equals(first)).toBe(true);
    for (const file of files) writeFileSync(file, "not a code cache");
    expect(render("cache-4.docx", { NODE_COMPILE_CACHE: cache }).equals(first)).toBe(true);
  });

  it("renders, with exit code 0", () => {
    const run = node([bin(), "render", "seed.json", "-o", "cli.docx"]);
    expect([run.status, run.stdout]).toEqual([0, "wrote cli.docx\n"]);
    expect(paragraphTexts(readFileSync(join(app, "cli.docx")))).toEqual(seedLines());
  });

  it("renders a folder on its worker pool, the same bytes as one at a time", () => {
    mkdirSync(join(app, "batch"), { recursive: true });
    const four = readFileSync(join(pkg, "examples", "four-sections.json"));
    writeFileSync(join(app, "four.json"), four);
    for (const name of ["a", "b"])
      writeFileSync(join(app, "batch", `${name}.json`), readFileSync(join(app, "seed.json")));
    writeFileSync(join(app, "batch", "c.json"), four);
    const run = node([bin(), "render", "batch", "--out-dir", "batch-out"]);
    const lines = run.stderr.trimEnd().split("\n");
    expect([run.status, lines.at(-1)]).toEqual([0, "3 of 3 written to batch-out"]);
    // four-sections' meeting facts, which the report template prints nowhere and its text does not state,
    // come back from the workers as warnings; the seed states its own and warns of nothing.
    expect(lines.slice(0, -1)).toEqual([
      expect.stringMatching(/^batch\/c\.json: warning: .* \[unplaced_content\]$/),
    ]);
    const alone = node([bin(), "render", "four.json", "-o", "four.docx"]);
    expect(alone.status).toBe(0);
    const expected = { a: "cli.docx", b: "cli.docx", c: "four.docx" };
    for (const [name, file] of Object.entries(expected)) {
      expect(readFileSync(join(app, "batch-out", `${name}.docx`)).equals(readFileSync(join(app, file)))).toBe(
        true,
      );
    }
  });

  it("ends quietly when the reader of its output stops early (a pipe into head)", () => {
    const script = `"${process.execPath}" "${bin()}" render --help | head -c 1 >/dev/null; echo "\${PIPESTATUS[0]}"`;
    const run = spawnSync("bash", ["-c", script], { cwd: app, encoding: "utf8" });
    expect([run.stdout, run.stderr]).toEqual(["0\n", ""]);
  });

  it("writes the document to standard output with -o -", () => {
    const run = spawnSync(process.execPath, [bin(), "render", "seed.json", "-o", "-"], { cwd: app });
    expect(run.status).toBe(0);
    expect(Buffer.from(run.stdout).equals(readFileSync(join(app, "cli.docx")))).toBe(true);
  });

  it("validates standard input, exit code 1 on invalid input with one line per issue", () => {
    const run = node([bin(), "validate", "-"], '{"title": 1}');
    expect(run.status).toBe(1);
    expect(run.stderr.split("\n")).toEqual([
      "<stdin>: title (标题) must be text (got 1)",
      "<stdin>: preparation (会前准备) is required",
      "<stdin>: organization (会议召开) is required",
      "<stdin>: outcomes (成效、问题与下一步) is required",
      "",
    ]);
  });

  it("exits 2 on a usage error and prints --version", () => {
    expect(node([bin(), "render"]).status).toBe(2);
    expect(node([bin(), "--version"]).stdout).toBe(`${manifest.version}\n`);
  });

  it("init writes the bundled example", () => {
    const run = node([bin(), "init", "start.json"]);
    expect(run.status).toBe(0);
    const written = JSON.parse(readFileSync(join(app, "start.json"), "utf8"));
    expect(written.title).toBe("巡视整改专题组织生活会总结报告");
    expect(written.$schema).toBe("https://unpkg.com/meeting-summary-docx/schema/meeting-summary.schema.json");
  });
});
