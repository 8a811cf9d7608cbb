/**
 * The real app (App, with the Practice screen at `#/practice`) rendered in the bench page over
 * the practice collection's database, with the app's own stores, so a benchmark can press keys
 * and wait for the screen as a person would see it. Built by the app's own createServices, except
 * that the database is the benchmark's and the clock is the collection's "now".
 */
import { createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { App } from '../../../renderer/app/App';
import type { AppServices } from '../../../renderer/app/app-services';
import { parseOnMainThread } from '../../../renderer/features/library/parse-client';
import { selectPlatform } from '../../../renderer/platform/select-platform';
import { createServices } from '../../../renderer/app/create-services';
import type { PracticeStore } from '../../../renderer/state/practice/practice-store';
import '../../../renderer/styles/tokens.css';
import '../../../renderer/styles/base.css';
import '../../../renderer/styles/layout.css';
import '../../../renderer/styles/components.css';
import '../../../renderer/styles/screens.css';
import type { BenchCollection } from './collection';

export interface MountedApp {
  services: AppServices;
  practice: PracticeStore;
  container: HTMLElement;
  root: Root;
}

/** Resolves at the first animation frame after the current one: what was committed has been laid out and painted. */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/** A store whose changes can be watched (the practice and simulate stores). */
export interface WatchedStore {
  subscribe(listener: () => void): () => void;
  getState(): { status: string };
}

/** Resolves when `ready()` holds, checked after every store change and every DOM change; rejects after `timeoutMs`. */
export function waitFor(container: HTMLElement, practice: WatchedStore, ready: () => boolean, timeoutMs = 120_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (!ready()) return;
      observer.disconnect();
      unsubscribe();
      clearTimeout(timer);
      resolve();
    };
    const observer = new MutationObserver(check);
    observer.observe(container, { childList: true, subtree: true, characterData: true, attributes: true });
    const unsubscribe = practice.subscribe(check);
    const timer = setTimeout(() => {
      observer.disconnect();
      unsubscribe();
      reject(new Error(`the screen did not get there in ${timeoutMs} ms (status ${practice.getState().status})`));
    }, timeoutMs);
    check();
  });
}

/** The app's stores over the collection's database, on the collection's clock, with the settings and library loaded. */
export async function benchServices(collection: BenchCollection): Promise<AppServices> {
  const { repositories } = collection;
  const services = createServices(repositories, selectPlatform(window, { backups: repositories.backups }), {
    parse: parseOnMainThread,
    now: () => collection.now,
    dbName: collection.dbName,
  });
  await Promise.all([services.settingsStore.getState().load(), services.libraryStore.getState().load()]);
  return services;
}

/** Renders the real App at `hash` into a fresh container of the bench page. */
export function renderApp(services: AppServices, hash: string): { container: HTMLElement; root: Root } {
  window.location.hash = hash;
  const container = document.createElement('div');
  container.id = 'bench-app';
  document.body.append(container);
  const root = createRoot(container);
  root.render(createElement(App, { services }));
  return { container, root };
}

/** The app at `#/practice` over the collection's database, its daily session started and a card on screen. */
export async function mountPracticeSession(collection: BenchCollection): Promise<MountedApp> {
  const services = await benchServices(collection);
  const practice = services.practiceStore;
  const { container, root } = renderApp(services, '#/practice');
  // The screen loads the start panel itself; starting the session reads the collection again.
  await waitFor(container, practice, () => practice.getState().status === 'start');
  await practice.getState().start();
  await waitFor(container, practice, () => practice.getState().status === 'session' && container.querySelector('.practice-session') !== null);
  await nextFrame();
  return { services, practice, container, root };
}
