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
  const pending = new Map<number, Pending>();
  const load: number[] = [];
  const workers: Worker[] = [];
  let next = 0;
  let closed = false;
  for (let i = 0; i < threads; i++) {
    // A worker takes node's flags, except --input-type, which only a string given to `node -e` allows.
    const execArgv = process.execArgv.filter((flag) => !flag.startsWith("--input-type"));
    const worker = new Worker(workerUrl, { execArgv });
    load.push(0);
    worker.on(
      "message",
      (message: { id: number; bytes?: Uint8Array<ArrayBuffer>; failure?: PoolFailure }) => {
        load[i] = (load[i] as number) - 1;
        const job = pending.get(message.id);
        pending.delete(message.id);
        if (!job) return;
        if (message.failure) job.reject(revive(message.failure));
        else job.resolve(new Uint8Array(message.bytes?.buffer as ArrayBuffer));
      },
    );
    worker.on("error", (error) => {
      // A worker that crashed takes its jobs with it: fail them rather than wait for ever.
      for (const [id, job] of pending) {
        job.reject(error);
        pending.delete(id);
      }
    });
    workers.push(worker);
  }
  const idle = () =>
    new Promise<void>((resolve) => {
      const check = () => (pending.size === 0 ? resolve() : setTimeout(check, 5));
      check();
    });
  return {
    threads,
    render(summary, renderOptions = {}) {
      if (closed) return Promise.reject(new Error("the render pool is closed"));
      const id = next++;
      let least = 0;
      for (let i = 1; i < threads; i++) if ((load[i] as number) < (load[least] as number)) least = i;
      load[least] = (load[least] as number) + 1;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        const job: PoolJob = { id, summary, options: renderOptions };
        try {
          (workers[least] as Worker).postMessage(job);
        } catch (error) {
          // Not cloneable (a function in the summary, …): the same TypeError renderSummary's checks give.
          pending.delete(id);
          load[least] = (load[least] as number) - 1;
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
      await idle();
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
