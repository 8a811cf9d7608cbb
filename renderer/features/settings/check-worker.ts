/**
 * The check-collection worker: opens Kata's database itself (Dexie works in
 * workers), replays every card's events and posts progress and the report, so
 * a collection of a million events never blocks the window.
 */
import { createRepositories, openKataDb } from '../../storage/index';
import type { CheckRequest, CheckResponse } from './check-protocol';
import { createCheckRunner } from './check-runner';

// The renderer's lib is DOM, not WebWorker: describe the little of the worker scope this uses.
const scope = self as unknown as {
  addEventListener(type: 'message', listener: (event: MessageEvent<CheckRequest>) => void): void;
  postMessage(message: CheckResponse): void;
};

const runner = createCheckRunner(
  async (dbName) => {
    const db = await openKataDb(dbName);
    return { repositories: createRepositories(db), close: () => db.close() };
  },
  (response) => scope.postMessage(response),
);

scope.addEventListener('message', (event) => {
  void runner.handle(event.data);
});
