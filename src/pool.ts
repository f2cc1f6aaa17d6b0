/**
 * A pool of worker threads that render summaries in parallel, for batches. Each worker calls the public
 * {@link renderSummary}, so it renders exactly what a call in the main thread would (same bytes) and keeps
 * its own caches warm across the documents it is given. Node only.
 *
 * This file is also the workers' entry point: started as a worker by the pool, it answers render requests.
 */
import { availableParallelism, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import {
  ErrorCode,
  InvalidSummaryError,
  type Issue,
  MeetingSummaryError,
  TemplateError,
} from "./errors/index.js";
import type { Locale } from "./messages/catalogue.js";
import type { MeetingSummary } from "./model/types.js";
import { type RenderOptions, renderSummary } from "./render-summary.js";
import { usePrebuiltPrograms } from "./template/prebuilt-programs.js";

// The built-in templates render from their shipped programs, in the workers too (src/template/prebuilt-programs.ts).
usePrebuiltPrograms();

/** Options of {@link createRenderPool}. */
export interface RenderPoolOptions {
  /** How many worker threads (default {@link freeCores}). */
  size?: number;
}

/** What {@link createRenderPool} returns. */
export interface RenderPool {
  /** The number of worker threads; 0 when the pool renders in the calling thread (see {@link createRenderPool}). */
  readonly size: number;
  /** Renders in a free worker: the same bytes, and the same errors, as {@link renderSummary}. */
  render(summary: MeetingSummary, options?: RenderOptions): Promise<Uint8Array>;
  /** Stops the workers; renders not yet finished are rejected. */
  close(): Promise<void>;
}

/**
 * The processor cores not busy with other work: {@link availableParallelism} less the last minute's load
 * average, at least 1.
 * @example
 * freeCores() //=> 3 on an idle 4-core machine… 1 on a busy one
 */
export function freeCores(): number {
  const cores = availableParallelism();
  const [load = 0] = loadavg();
  return Math.max(1, Math.min(cores, Math.round(cores - load)));
}

/** Marks the workers this file starts, so that it never answers messages in anybody else's worker. */
const WORKER_MARK = "meeting-summary-docx render pool";

interface Request {
  id: number;
  summary: MeetingSummary;
  options: RenderOptions | undefined;
}

/** An error as it crosses from a worker: what is needed to throw the same error again in the caller. */
interface SentError {
  name: string;
  message: string;
  code?: ErrorCode;
  issues?: readonly Issue[];
}

type Reply = { id: number; bytes: Uint8Array; warnings: Issue[] } | { id: number; error: SentError };

/** What a task does with its result: the warnings are handed to the caller's `onWarning` in its own thread. */
type Resolve = (bytes: Uint8Array, warnings: readonly Issue[]) => void;

function sendable(error: unknown): SentError {
  if (error instanceof MeetingSummaryError) {
    return { name: error.name, message: error.message, code: error.code, issues: error.issues };
  }
  const e = error instanceof Error ? error : new Error(String(error));
  return { name: e.name, message: e.message };
}

function revive(sent: SentError, locale: Locale | undefined): Error {
  const { code, issues = [] } = sent;
  if (code === ErrorCode.InvalidSummary) return new InvalidSummaryError(issues, { locale });
  if (code === ErrorCode.InvalidTemplate || code === ErrorCode.RenderFailed)
    return new TemplateError(code, issues, { locale });
  if (code !== undefined)
    return Object.assign(new MeetingSummaryError(code, sent.message, issues), { name: sent.name });
  if (sent.name === "TypeError") return new TypeError(sent.message);
  if (sent.name === "RangeError") return new RangeError(sent.message);
  return Object.assign(new Error(sent.message), { name: sent.name });
}

if (!isMainThread && parentPort && workerData === WORKER_MARK) {
  const port = parentPort;
  port.on("message", async ({ id, summary, options }: Request) => {
    try {
      const warnings: Issue[] = [];
      const bytes = await renderSummary(summary, { ...options, onWarning: (w) => warnings.push(w) });
      port.postMessage({ id, bytes, warnings } satisfies Reply, [bytes.buffer as ArrayBuffer]);
    } catch (error) {
      port.postMessage({ id, error: sendable(error) } satisfies Reply);
    }
  });
}

/**
 * This file's path, from the call stack: the same source is compiled to ESM and to CommonJS, and only one
 * of them has `import.meta`.
 */
function thisFile(): string | undefined {
  const original = Error.prepareStackTrace;
  try {
    Error.prepareStackTrace = (_, stack) => stack;
    const stack = new Error().stack as unknown as NodeJS.CallSite[] | undefined;
    const name = stack?.[0]?.getFileName();
    return name?.startsWith("file:") ? fileURLToPath(name) : (name ?? undefined);
  } finally {
    Error.prepareStackTrace = original;
  }
}

/** The compiled JavaScript to start workers from, or undefined when running from TypeScript sources. */
function workerEntry(): string | undefined {
  const file = thisFile();
  if (file === undefined || !/\.[cm]?js$/.test(file)) return undefined;
  return join(dirname(file), "pool.js");
}

interface Slot {
  worker: Worker;
  dead?: boolean;
  answered?: boolean;
  busy?: { id: number; locale: Locale | undefined; resolve: Resolve; reject: (error: Error) => void };
}

/**
 * Starts a pool of worker threads that render summaries, for many documents at once. Close it when done.
 * The workers start when the first render asks for them and do not keep the process alive while idle.
 * Run from TypeScript sources (as under ts-jest) there is no JavaScript to start a worker from, and the
 * pool renders in the calling thread, one document at a time (`size` is then 0).
 *
 * @param options - {@link RenderPoolOptions}
 * @throws RangeError for a `size` that is not a whole number from 1
 * @example
 * const pool = createRenderPool()
 * try {
 *   const documents = await Promise.all(summaries.map((s) => pool.render(s, { template: "document" })))
 * } finally {
 *   await pool.close()
 * }
 */
export function createRenderPool(options: RenderPoolOptions = {}): RenderPool {
  const size = options.size ?? freeCores();
  if (!Number.isInteger(size) || size < 1) {
    throw new RangeError(`options.size must be a whole number from 1 (got ${JSON.stringify(size)})`);
  }
  const entry = workerEntry();
  if (entry === undefined) {
    let closed = false;
    return {
      size: 0,
      render: (summary, renderOptions) =>
        closed
          ? Promise.reject(new Error("the render pool is closed"))
          : renderSummary(summary, renderOptions),
      close: async () => {
        closed = true;
      },
    };
  }

  const slots: Slot[] = [];
  const queue: { request: Request; resolve: Resolve; reject: (e: Error) => void }[] = [];
  let nextId = 1;
  let closed = false;

  const start = (): Slot => {
    // `node --input-type=module -e …` passes its flag on to workers, where it is refused: leave it out.
    const execArgv = process.execArgv.filter((arg) => !arg.startsWith("--input-type"));
    const slot: Slot = { worker: new Worker(entry, { workerData: WORKER_MARK, execArgv }) };
    slot.worker.on("message", (reply: Reply) => {
      slot.answered = true;
      const task = slot.busy;
      if (!task || task.id !== reply.id) return;
      slot.busy = undefined;
      if ("bytes" in reply) {
        const bytes = new Uint8Array(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength);
        task.resolve(bytes, reply.warnings);
      } else task.reject(revive(reply.error, task.locale));
      next(slot);
    });
    // A worker that dies (out of memory, a crash) fails its document, and a new one takes its place. One
    // that dies before its first answer cannot start at all (a broken install): every waiting render fails
    // with its error, instead of starting workers forever.
    const fail = (error: Error) => {
      if (slot.dead) return;
      slot.dead = true;
      const index = slots.indexOf(slot);
      if (index >= 0) slots.splice(index, 1);
      slot.busy?.reject(error);
      slot.busy = undefined;
      if (!slot.answered) {
        if (slots.length === 0) for (const task of queue.splice(0)) task.reject(error);
        return;
      }
      if (!closed && queue.length > 0) next(start());
    };
    slot.worker.on("error", fail);
    slot.worker.on("exit", (code) => {
      if (!closed) fail(new Error(`a render worker stopped (exit code ${code})`));
    });
    slots.push(slot);
    return slot;
  };

  const next = (slot: Slot) => {
    const task = queue.shift();
    if (!task) {
      slot.worker.unref();
      return;
    }
    slot.worker.ref();
    const locale = task.request.options?.locale;
    slot.busy = { id: task.request.id, locale, resolve: task.resolve, reject: task.reject };
    try {
      slot.worker.postMessage(task.request);
    } catch (error) {
      // Something in the summary or the options that cannot be copied to a thread (a function).
      slot.busy = undefined;
      task.reject(error as Error);
      next(slot);
    }
  };

  return {
    size,
    render(summary, renderOptions) {
      if (closed) return Promise.reject(new Error("the render pool is closed"));
      // A function cannot be copied to a thread: the warnings come back with the bytes and are handed to
      // `onWarning` here.
      const { onWarning, ...options } = renderOptions ?? {};
      return new Promise<Uint8Array>((resolve, reject) => {
        const done: Resolve = (bytes, warnings) => {
          for (const warning of warnings)
            onWarning?.(warning as Parameters<NonNullable<typeof onWarning>>[0]);
          resolve(bytes);
        };
        queue.push({ request: { id: nextId++, summary, options }, resolve: done, reject });
        const idle = slots.find((slot) => !slot.busy) ?? (slots.length < size ? start() : undefined);
        if (idle) next(idle);
      });
    },
    async close() {
      closed = true;
      const stopped = new Error("the render pool is closed");
      for (const task of queue.splice(0)) task.reject(stopped);
      await Promise.all(
        slots.splice(0).map((slot) => {
          slot.busy?.reject(stopped);
          return slot.worker.terminate();
        }),
      );
    },
  };
}
