import type { ReactNode } from 'react';

/**
 * The top of every screen. The h1 takes focus after navigation (App moves it
 * there), so it is focusable by script but not in the Tab order.
 */
export function ScreenHeader({ title, lead, actions }: { title: string; lead?: ReactNode; actions?: ReactNode }) {
  return (
    <header className="screen-header">
      <div>
        <h1 tabIndex={-1}>{title}</h1>
        {lead ? <div className="screen-lead">{lead}</div> : null}
      </div>
      {actions ? <div className="screen-actions">{actions}</div> : null}
    </header>
  );
}
