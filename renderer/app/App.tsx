import { Suspense, lazy, useCallback, useEffect, useRef } from 'react';
import type { MouseEvent } from 'react';
import { DropOverlay } from '../features/library/DropOverlay';
import { LibraryScreen } from '../features/library/LibraryScreen';
import { useFileDrop } from '../features/library/use-file-drop';
import { PracticeScreen } from '../features/practice/PracticeScreen';
import type { AppServices } from './app-services';
import { AppServicesContext } from './app-services';
import { Nav, ShortcutHelp } from './Nav';
import type { RouteId } from './routes';
import { routeById } from './routes';
import { useHashRoute } from './use-hash-route';
import { useNavShortcuts } from './use-nav-shortcuts';
import { BrandMark } from './ui/BrandMark';

// Loaded when first opened: the engine, the run and the debrief are not needed to open the app.
const SimulateScreen = lazy(() => import('../features/simulate/SimulateScreen').then((module) => ({ default: module.SimulateScreen })));
// Loaded when first opened: the charts (visx) and the report are not needed to open the app.
const ProgressScreen = lazy(() => import('../features/progress/ProgressScreen').then((module) => ({ default: module.ProgressScreen })));
// Also loaded when first opened: the settings, personal scheduling and its charts are not needed to open the app.
const SettingsScreen = lazy(() => import('../features/settings/SettingsScreen').then((module) => ({ default: module.SettingsScreen })));

function Screen({ route }: { route: RouteId }) {
  switch (route) {
    case 'library':
      return <LibraryScreen />;
    case 'practice':
      return <PracticeScreen />;
    case 'simulate':
      return (
        <Suspense fallback={<p className="muted" role="status">Loading…</p>}>
          <SimulateScreen />
        </Suspense>
      );
    case 'progress':
      return (
        <Suspense fallback={<p className="muted" role="status">Loading…</p>}>
          <ProgressScreen />
        </Suspense>
      );
    case 'settings':
      return (
        <Suspense fallback={<p className="muted" role="status">Loading…</p>}>
          <SettingsScreen />
        </Suspense>
      );
  }
}

/**
 * Focuses the screen's heading, now or, for a screen still loading its code (React.lazy),
 * as soon as it appears; returns how to stop waiting (another navigation came first).
 */
function focusHeadingWhenShown(main: HTMLElement | null): (() => void) | undefined {
  if (!main) return undefined;
  const focus = (): boolean => {
    const heading = main.querySelector<HTMLElement>('h1');
    heading?.focus({ preventScroll: true });
    return heading !== null;
  };
  if (focus()) return undefined;
  const observer = new MutationObserver(() => {
    if (focus()) observer.disconnect();
  });
  observer.observe(main, { childList: true, subtree: true });
  return () => observer.disconnect();
}

export function App({ services }: { services: AppServices }) {
  const [route, navigate] = useHashRoute();
  useNavShortcuts(navigate);
  const mainRef = useRef<HTMLElement>(null);
  const shownRoute = useRef(route);
  // Files dropped on any screen are imported (and never replace the app): the Library shows the preview.
  const dragging = useFileDrop(
    useCallback(
      (files: File[]) => {
        navigate('library');
        void services.libraryStore.getState().importDroppedFiles(files);
      },
      [navigate, services.libraryStore],
    ),
  );

  useEffect(() => {
    document.title = `${routeById(route).label} · Kata`;
    // After a navigation (not on first load), put focus on the new screen's heading so
    // screen readers announce it and Tab continues from the top of the new screen.
    if (shownRoute.current === route) return;
    shownRoute.current = route;
    window.scrollTo(0, 0);
    return focusHeadingWhenShown(mainRef.current);
  }, [route]);

  const skipToContent = (event: MouseEvent<HTMLAnchorElement>): void => {
    // The hash is the router's: following `#main-content` would change the screen.
    event.preventDefault();
    mainRef.current?.focus();
  };

  return (
    <AppServicesContext.Provider value={services}>
      <div className="app-shell">
        <a className="skip-link" href="#main-content" onClick={skipToContent}>
          Skip to content
        </a>
        <aside className="sidebar">
          <div className="sidebar-inner">
            <div className="brand">
              <BrandMark />
              <span className="brand-name">Kata</span>
            </div>
            <Nav current={route} />
            <ShortcutHelp />
          </div>
        </aside>
        <main id="main-content" ref={mainRef} tabIndex={-1} className="main">
          <div className="main-inner">
            <Screen route={route} />
          </div>
        </main>
        {dragging ? <DropOverlay /> : null}
      </div>
    </AppServicesContext.Provider>
  );
}
