/**
 * Runs check-collection requests and answers them with messages: the body of
 * the worker (check-worker.ts), and the main-thread fallback where no worker
 * can start. One job at a time; `cancel` stops the running one at its next page.
 */
import type { CheckRepositories } from './check-collection';
import { CheckCancelled, checkCollection, repairCollection } from './check-collection';
import type { CheckProgress, CheckRequest, CheckResponse } from './check-protocol';

/** Repositories over the database named in a request, and how to let go of them. */
export type OpenCheckRepositories = (dbName: string) => Promise<{ repositories: CheckRepositories; close(): void }>;

export interface CheckRunner {
  handle(request: CheckRequest): Promise<void>;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createCheckRunner(open: OpenCheckRepositories, post: (response: CheckResponse) => void): CheckRunner {
  let stopRequested = false;

  async function run(request: Exclude<CheckRequest, { type: 'cancel' }>): Promise<void> {
    stopRequested = false;
    let opened: Awaited<ReturnType<OpenCheckRepositories>> | undefined;
    try {
      opened = await open(request.dbName);
      const options = {
        onProgress: (progress: CheckProgress) => post({ type: 'progress', progress }),
        shouldStop: () => stopRequested,
      };
      if (request.type === 'check') {
        const report = await checkCollection(opened.repositories, request.settings, {
          ...options,
          history: request.history,
          pageSize: request.pageSize,
          ...(request.replay === undefined ? {} : { replay: request.replay }),
        });
        post({ type: 'checked', report });
      } else {
        const result = await repairCollection(opened.repositories, request.settings, request.cardIds, {
          ...options,
          history: request.history,
          batchSize: request.batchSize,
        });
        post({ type: 'repaired', result });
      }
    } catch (error) {
      if (error instanceof CheckCancelled) post({ type: 'cancelled', progress: error.progress });
      else post({ type: 'failed', message: describe(error) });
    } finally {
      opened?.close();
    }
  }

  return {
    handle(request) {
      if (request.type === 'cancel') {
        stopRequested = true;
        return Promise.resolve();
      }
      return run(request);
    },
  };
}
