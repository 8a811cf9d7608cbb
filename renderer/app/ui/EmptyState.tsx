import { useId } from 'react';
import type { ReactNode } from 'react';
import type { IconName } from './Icon';
import { Icon } from './Icon';

/** What a screen shows before there is anything on it: what will be here, and how to start. */
export function EmptyState({ icon, title, children }: { icon: IconName; title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section className="empty-state" aria-labelledby={headingId}>
      <div className="empty-state-icon">
        <Icon name={icon} size={28} />
      </div>
      <div className="empty-state-body">
        <h2 id={headingId}>{title}</h2>
        {children}
      </div>
    </section>
  );
}
