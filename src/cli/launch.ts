/**
 * How the installed CLI starts. Its code ships bundled into CommonJS chunks in dist/cli/ (built by
 * scripts/build-cli.mjs): `cli.js` with commander and the commands, and the model, the template engine and
 * the import in chunks of their own that a command loads when it runs. Most of a start-up is then V8
 * compiling those chunks, so they are compiled from a code cache when there is one: Node's own
 * (`module.enableCompileCache`, Node 22.1 and later), else the one below, kept the same way.
 * `NODE_DISABLE_COMPILE_CACHE=1` turns either off.
 */
import { lstatSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { Script } from "node:vm";

type Env = Readonly<Record<string, string | undefined>>;

/** A hash of each file of the bundle, by file name, computed when it was built: what its cache is named by. */
export type Hashes = Readonly<Record<string, string>>;

/**
 * The folder the code cache is kept in on a Node without `module.enableCompileCache`: a folder of this
 * package under `NODE_COMPILE_CACHE` when that is set, else `meeting-summary-docx-<user id>` in the temporary
 * folder. Undefined when the cache is turned off, or the folder cannot be made or is not safely this
 * user's own (a cache is code this process runs: a folder others can write to is never used).
 */
export function cacheFolder(env: Env = process.env): string | undefined {
  if (env.NODE_DISABLE_COMPILE_CACHE !== undefined && env.NODE_DISABLE_COMPILE_CACHE !== "") return undefined;
  const uid = process.getuid?.();
  const folder = env.NODE_COMPILE_CACHE
    ? join(env.NODE_COMPILE_CACHE, "meeting-summary-docx")
    : join(tmpdir(), `meeting-summary-docx-${uid ?? "cache"}`);
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const stat = lstatSync(folder);
    if (!stat.isDirectory()) return undefined;
    if (uid !== undefined && stat.uid !== uid) return undefined;
    if (process.platform !== "win32" && (stat.mode & 0o022) !== 0) return undefined;
    return folder;
  } catch {
    return undefined;
  }
}

/** A script of this run compiled without a usable cache: its cache is written when the process ends. */
interface Unsaved {
  script: Script;
  path: string;
}

/**
 * Loads CommonJS files the way `require` does (one module object each, in `require.cache`), compiling each
 * from the cached code of an earlier run when there is one. The cache of a file is named by the hash of
 * its text made at build time and by the Node version, so a changed file or another Node never meets an
 * old cache (and V8 refuses one that does not fit, which is then made again).
 */
class CachedLoader {
  private readonly unsaved: Unsaved[] = [];

  constructor(
    private readonly folder: string,
    private readonly hashes: Hashes,
  ) {
    process.once("exit", () => this.save());
  }

  load(file: string): unknown {
    const require = createRequire(file);
    const known = require.cache[file];
    if (known) return known.exports;
    const source = readFileSync(file, "utf8");
    const hash = this.hashes[basename(file)];
    const path =
      hash === undefined
        ? undefined
        : join(this.folder, `${basename(file)}.${hash}.${process.version}-${process.arch}.cache`);
    let cachedData: Buffer | undefined;
    try {
      cachedData = path === undefined ? undefined : readFileSync(path);
    } catch {
      cachedData = undefined;
    }
    const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n})`, {
      filename: file,
      ...(cachedData && { cachedData }),
    });
    if (path !== undefined && (cachedData === undefined || script.cachedDataRejected === true)) {
      this.unsaved.push({ script, path });
    }
    const module = new Module(file);
    module.filename = file;
    require.cache[file] = module;
    const folder = dirname(file);
    // The chunks name each other "./chunk-….js" (the folder needs no search); anything else is Node's.
    const requireHere = Object.assign(
      (id: string): unknown => (id.startsWith("./") ? this.load(join(folder, id)) : require(id)),
      { resolve: require.resolve, cache: require.cache, main: require.main },
    );
    try {
      script.runInThisContext()(module.exports, requireHere, module, file, folder);
    } catch (error) {
      delete require.cache[file];
      throw error;
    }
    module.loaded = true;
    return module.exports;
  }

  /** Writes the caches this run made, each whole or not at all. */
  private save(): void {
    for (const { script, path } of this.unsaved) {
      const partial = `${path}.${process.pid}`;
      try {
        writeFileSync(partial, script.createCachedData(), { mode: 0o600 });
        renameSync(partial, path);
      } catch {
        rmSync(partial, { force: true });
      }
    }
  }
}

/**
 * Runs a CommonJS file of the bundled CLI (its entry, or a render worker's), from a compile cache when
 * there is one.
 * @param file - the absolute path of the file
 * @param hashes - the hash of each file of the bundle (a file without one is compiled afresh every time)
 */
export function launch(file: string, hashes: Hashes, env: Env = process.env): void {
  const enableCompileCache = (Module as { enableCompileCache?: () => unknown }).enableCompileCache;
  if (typeof enableCompileCache === "function") {
    enableCompileCache(); // Node 22.1+: Node keeps the cache (and reads NODE_DISABLE_COMPILE_CACHE itself)
    createRequire(file)(file);
    return;
  }
  const folder = cacheFolder(env);
  if (folder === undefined) createRequire(file)(file);
  else new CachedLoader(folder, hashes).load(file);
}
