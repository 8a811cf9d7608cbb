/**
 * The app's few icons, drawn inline (the CSP allows no remote assets, and an
 * icon font would be one more file to load). Decorative: always aria-hidden.
 */
export type IconName = 'library' | 'practice' | 'simulate' | 'progress' | 'settings' | 'import' | 'sample' | 'file' | 'warning';

const PATHS: Record<IconName, string> = {
  library: 'M4 4.5h5v15H4zM10 4.5h4v15h-4zM15.2 5.6l3.9-1 3 14.6-3.9.9z',
  practice: 'M12 3.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17zM8.5 12.2l2.4 2.4 4.8-5',
  simulate: 'M6 4.5h12M6 19.5h12M7.5 4.5c0 4 4.5 5 4.5 7.5s-4.5 3.5-4.5 7.5M16.5 4.5c0 4-4.5 5-4.5 7.5s4.5 3.5 4.5 7.5',
  progress: 'M4 19.5h16M6.5 19.5v-5M11 19.5v-9M15.5 19.5v-12.5M20 4.5l-4.5 0',
  settings:
    'M12 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6zM19.4 13.5l1.6 1.2-2 3.4-1.9-.7a7.6 7.6 0 0 1-2.3 1.3L14.5 21h-4l-.3-2.3a7.6 7.6 0 0 1-2.3-1.3l-1.9.7-2-3.4 1.6-1.2a7.5 7.5 0 0 1 0-3L3 9.3l2-3.4 1.9.7a7.6 7.6 0 0 1 2.3-1.3L9.5 3h4l.3 2.3a7.6 7.6 0 0 1 2.3 1.3l1.9-.7 2 3.4-1.6 1.2a7.5 7.5 0 0 1 0 3z',
  import: 'M12 3.5v11M7.5 10l4.5 4.5 4.5-4.5M4.5 15.5v4h15v-4',
  sample: 'M9 3.5h6M10 3.5v5.5l-5 9.5a1.3 1.3 0 0 0 1.2 1.5h11.6a1.3 1.3 0 0 0 1.2-1.5l-5-9.5V3.5M7.5 14.5h9',
  file: 'M6 3.5h8l4 4v13H6zM14 3.5v4h4',
  warning: 'M12 4 2.8 19.5h18.4zM12 10v4.5M12 16.8v.2',
};

export function Icon({ name, size = 20 }: { name: IconName; size?: number }) {
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.6}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
