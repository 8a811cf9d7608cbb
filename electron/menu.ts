/**
 * The native menu: standard roles (so copy/paste, undo and window keys behave as
 * the platform expects) plus "About Kata". Developer items only in unpackaged builds.
 */
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuInput {
  isMac: boolean;
  isPackaged: boolean;
  onAbout: () => void;
}

/** The menu template for this platform; a pure value so it can be inspected in tests. */
export function buildMenuTemplate(input: MenuInput): MenuItemConstructorOptions[] {
  const { isMac, isPackaged, onAbout } = input;
  const viewItems: MenuItemConstructorOptions[] = [
    ...(isPackaged
      ? []
      : ([
          { role: 'reload' },
          { role: 'forceReload' },
          { role: 'toggleDevTools' },
          { type: 'separator' },
        ] satisfies MenuItemConstructorOptions[])),
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? ([{ role: 'appMenu' }] satisfies MenuItemConstructorOptions[]) : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { label: 'View', submenu: viewItems },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [{ label: 'About Kata', click: () => onAbout() }],
    },
  ];
  return template;
}
