import type { RouteId } from './routes';
import { ROUTES } from './routes';
import { Icon } from './ui/Icon';
import { Kbd } from './ui/Kbd';

/** The left navigation. Plain links: Enter follows them, and the hash router does the rest. */
export function Nav({ current }: { current: RouteId }) {
  return (
    <nav aria-label="Main" className="main-nav">
      <ul>
        {ROUTES.map((route) => (
          <li key={route.id}>
            <a
              href={route.hash}
              aria-current={route.id === current ? 'page' : undefined}
              aria-keyshortcuts={`Alt+${route.shortcut} Control+${route.shortcut}`}
            >
              <Icon name={route.id} />
              <span className="nav-label">{route.label}</span>
              <span className="nav-shortcut" aria-hidden="true">
                Alt+{route.shortcut}
              </span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Says in words what the shortcuts are: the nav's visual hints are hidden from screen readers. */
export function ShortcutHelp() {
  return (
    <p className="shortcut-help">
      <Kbd keys="Alt+1" />–<Kbd keys="5" /> or <Kbd keys="Ctrl+1" />–<Kbd keys="5" /> switch screens.
    </p>
  );
}
