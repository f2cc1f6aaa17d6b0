/**
 * The worker thread of a render pool (see `createRenderPool`): renders what it is sent and sends back the
 * bytes (transferred, not copied) or the error, described so the pool can throw the same error again.
 */
import { parentPort } from "node:worker_threads";
import { MeetingSummaryError } from "./errors/index.js";
import { type RenderOptions, renderSummary } from "./render-summary.js";

/** A job, as the pool posts it. */
export interface PoolJob {
  id: number;
  summary: unknown;
  options: RenderOptions;
}

/** An error crossing back to the pool. */
export interface PoolFailure {
  name: string;
  message: string;
  code?: string;
  issues?: unknown;
}

const port = parentPort;
if (port) {
  port.on("message", async ({ id, summary, options }: PoolJob) => {
    try {
      const bytes = await renderSummary(summary as never, options);
      port.postMessage({ id, bytes }, [bytes.buffer]);
    } catch (error) {
      const failure: PoolFailure =
        error instanceof MeetingSummaryError
          ? { name: error.name, message: error.message, code: error.code, issues: error.issues }
          : error instanceof Error
            ? { name: error.name, message: error.message }
            : { name: "Error", message: String(error) };
      port.postMessage({ id, failure });
    }
  });
}
