/**
 * Rendering on a pool of worker threads (Node only): `meeting-summary-docx/pool`. Each worker keeps its
 * compiled templates, so a long batch pays for compiling once per worker. An ES module only: its workers
 * run the ES build.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { type ErrorCode, InvalidSummaryError, type Issue, TemplateError } from "./errors/index.js";
import type { MeetingSummary } from "./model/types.js";
import type { PoolFailure, PoolJob } from "./pool-worker.js";
import type { RenderOptions } from "./render-summary.js";

/** Options of {@link createRenderPool}. */
export interface RenderPoolOptions {
  /** How many worker threads (default: the machine's available parallelism less one, at least 1). */
  threads?: number;
}

/** A pool of worker threads rendering summaries; see {@link createRenderPool}. */
export interface RenderPool {
  /** How many worker threads it runs. */
  readonly threads: number;
  /**
   * Renders a summary on the next free worker: the same bytes and the same errors as `renderSummary`.
   * A template given as bytes is copied to the worker (your buffer stays usable).
   */
  render(summary: MeetingSummary, options?: RenderOptions): Promise<Uint8Array<ArrayBuffer>>;
  /** Waits for the renders under way, then stops the workers; later `render` calls are refused. */
  close(): Promise<void>;
}

/** A render under way: how to settle its promise. */
interface Pending {
  resolve(bytes: Uint8Array<ArrayBuffer>): void;
  reject(error: unknown): void;
}

function revive(failure: PoolFailure): Error {
  const issues = (failure.issues ?? []) as Issue[];
  if (failure.name === "InvalidSummaryError") return new InvalidSummaryError(issues);
  if (failure.name === "TemplateError") {
    return new TemplateError(failure.code as typeof ErrorCode.InvalidTemplate, issues);
  }
  const Kind = failure.name === "TypeError" ? TypeError : failure.name === "RangeError" ? RangeError : Error;
  return new Kind(failure.message);
}

/**
 * Starts a pool of worker threads that render summaries in parallel, for batches (many summaries, one
 * process). Jobs go to the worker with the fewest under way. Call `close()` when done, or the workers
 * keep the process alive.
 * @param options - {@link RenderPoolOptions}
 * @returns the pool
 * @throws RangeError when `threads` is not a whole number from 1 to 256
 * @example
 * const pool = createRenderPool({ threads: 4 });
 * const documents = await Promise.all(summaries.map((s) => pool.render(s, { template: "document" })));
 * await pool.close();
 */
export function createRenderPool(options: RenderPoolOptions = {}): RenderPool {
  const threads = options.threads ?? Math.max(1, availableParallelism() - 1);
  if (!Number.isInteger(threads) || threads < 1 || threads > 256) {
    throw new RangeError(`options.threads must be a whole number from 1 to 256 (got ${String(threads)})`);
  }
  const workerUrl = new URL("./pool-worker.js", import.meta.url);
  // A worker takes node's flags, except --input-type, which only a string given to `node -e` allows.
  const execArgv = process.execArgv.filter((flag) => !flag.startsWith("--input-type"));
  /** Each worker with the jobs it has under way. */
  const slots: { worker: Worker; jobs: Map<number, Pending> }[] = [];
  let next = 0;
  let closed = false;
  let settled: (() => void) | undefined;
  const underWay = () => slots.reduce((n, slot) => n + slot.jobs.size, 0);
  const start = (i: number) => {
    const jobs = new Map<number, Pending>();
    const worker = new Worker(workerUrl, { execArgv });
    slots[i] = { worker, jobs };
    worker.on(
      "message",
      (message: { id: number; bytes?: Uint8Array<ArrayBuffer>; failure?: PoolFailure }) => {
        const job = jobs.get(message.id);
        jobs.delete(message.id);
        if (job && message.failure) job.reject(revive(message.failure));
        else job?.resolve(new Uint8Array(message.bytes?.buffer as ArrayBuffer));
        if (settled && underWay() === 0) settled();
      },
    );
    const lost = (error: Error) => {
      // A worker that crashed (or ran out of memory) fails its own jobs, and a new one takes its place.
      for (const job of jobs.values()) job.reject(error);
      jobs.clear();
      if (slots[i]?.worker === worker && !closed) start(i);
      if (settled && underWay() === 0) settled();
    };
    worker.on("error", lost);
    worker.on("exit", (code) => {
      if (!closed || jobs.size > 0) lost(new Error(`a render worker stopped (exit code ${code})`));
    });
  };
  for (let i = 0; i < threads; i++) start(i);
  return {
    threads,
    render(summary, renderOptions = {}) {
      if (closed) return Promise.reject(new Error("the render pool is closed"));
      const id = next++;
      let slot = slots[0] as (typeof slots)[number];
      for (const other of slots) if (other.jobs.size < slot.jobs.size) slot = other;
      return new Promise((resolve, reject) => {
        slot.jobs.set(id, { resolve, reject });
        const job: PoolJob = { id, summary, options: renderOptions };
        try {
          slot.worker.postMessage(job);
        } catch (error) {
          // Not cloneable (a function in the summary, …): refused like a wrong option.
          slot.jobs.delete(id);
          reject(
            new TypeError(
              `the summary and options must be plain data to render on a pool (${String(error)})`,
            ),
          );
        }
      });
    },
    async close() {
      closed = true;
      if (underWay() > 0) await new Promise<void>((resolve) => (settled = resolve));
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}
