// @vitest-environment happy-dom
/** Pack cards a page at a time: a library of many packs paints its first page only, the rest on request. */
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, test } from 'vitest';
import type { PackRecord } from '../../../shared/model';
import { buildProgressReport } from '../../../shared/progress/progress-report';
import { makeScheduler } from '../../../shared/schedule/scheduler-settings';
import { AppServicesContext } from '../../../renderer/app/app-services';
import type { AppServices } from '../../../renderer/app/app-services';
import { PACKS_PER_PAGE, PackProgressList } from '../../../renderer/features/progress/PackProgressList';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const NOW = Date.UTC(2026, 11, 1, 12);

function pack(i: number): PackRecord {
  return {
    id: `p${i}`,
    title: `Pack ${i}`,
    kind: 'checklist',
    format: 'markdown',
    sourceName: `pack-${i}.md`,
    meta: { tags: [] },
    sections: [],
    edges: [],
    status: 'active',
    createdAt: NOW,
    importedAt: NOW,
    itemCount: 0,
    cardCount: 0,
  };
}

function titles(container: HTMLElement): string[] {
  return [...container.querySelectorAll('article.pack-progress h3')].map((heading) => heading.textContent ?? '');
}

describe('pack cards a page at a time', () => {
  test(`shows ${PACKS_PER_PAGE}, then more on request, then all`, async () => {
    const count = PACKS_PER_PAGE * 2 + 5;
    const report = buildProgressReport({
      now: NOW,
      today: Math.floor(NOW / 86_400_000),
      scheduler: makeScheduler(),
      packs: Array.from({ length: count }, (_, i) => pack(i)),
      days: [],
      recentWeeks: [],
      firstWeeks: new Map(),
      memories: [],
      stats: [],
      assessments: [],
      levels: [],
      targets: {},
      dayOf: (at) => Math.floor(at / 86_400_000),
    });
    const container = document.createElement('div');
    document.body.append(container);
    const root = createRoot(container);
    // The rating and target forms reach the store only when used; paging never does.
    const services = { progressStore: {} } as unknown as AppServices;
    await act(async () =>
      root.render(
        <AppServicesContext.Provider value={services}>
          <PackProgressList packs={report.packs} coverage={{}} now={NOW} />
        </AppServicesContext.Provider>,
      ),
    );
    expect(container.querySelectorAll('article.pack-progress')).toHaveLength(PACKS_PER_PAGE);
    expect(container.textContent).toContain(`${PACKS_PER_PAGE} of ${count} packs shown.`);

    const button = (name: RegExp) => [...container.querySelectorAll('button')].find((b) => name.test(b.textContent ?? '')) as HTMLButtonElement;
    await act(async () => button(/^Show \d+ more$/).click());
    expect(container.querySelectorAll('article.pack-progress')).toHaveLength(PACKS_PER_PAGE * 2);
    expect(button(/^Show \d+ more$/).textContent).toBe('Show 5 more');

    await act(async () => button(/^Show all/).click());
    expect(container.querySelectorAll('article.pack-progress')).toHaveLength(count);
    expect(button(/^Show (\d+ more|all)/)).toBeUndefined();
    expect(titles(container).at(-1)).toContain(`Pack ${count - 1}`);
    await act(async () => root.unmount());
    container.remove();
  });
});
