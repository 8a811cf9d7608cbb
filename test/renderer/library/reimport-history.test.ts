/**
 * formats.md, "Re-import keeps history": a runbook is imported, practised, edited
 * (a step reworded, one inserted, one deleted, a whole section moved) and imported
 * again through the same path the app uses (parseImportFile → planImport →
 * savePackImport). Every answer stays attached to a live card of its item; the
 * deleted step's answers stay too, on suspended cards of a retired item.
 */
import { afterEach, beforeEach, expect, test } from 'vitest';
import { parseImportFile } from '../../../shared/import/parse-file';
import { hashText } from '../../../shared/hash';
import { planImport } from '../../../shared/library/plan-import';
import type { StoredPack } from '../../../shared/library/plan-import';
import type { CardRecord, ItemRecord, ReviewEvent } from '../../../shared/model';
import type { KataDb } from '../../../renderer/storage/db';
import { createRepositories } from '../../../renderer/storage/index';
import type { Repositories } from '../../../renderer/storage/index';
import { makeEvent, openTestDb } from '../storage/test-db';

const ORIGINAL = `---
title: Inference outage runbook
---
# Inference outage runbook

## Immediate actions
- [ ] Declare the incident in the on-call channel
  > Why: declaring first gets help moving while you diagnose.
- [ ] Switch traffic to the fallback model
- [ ] Freeze all deploys to the serving cluster

## Diagnose
- [ ] Check the serving error rate and p99 latency for the last ==30 minutes==
- [ ] Check whether a deploy happened in the last ==2 hours==
- [ ] Check the feature store's freshness and error rate

## Recover
- [ ] Roll back the most recent change if one is implicated
- [ ] Return traffic from the fallback model in steps of ==25%==
- [ ] Write the timeline while it is fresh
`;

// Reworded: "Switch traffic…" (same section). Inserted: "Page the model owner". Deleted: "Check the feature
// store's…". Moved: the whole Recover section now comes before Diagnose.
const EDITED = `---
title: Inference outage runbook
---
# Inference outage runbook

## Immediate actions
- [ ] Declare the incident in the on-call channel
  > Why: declaring first gets help moving while you diagnose.
- [ ] Switch all traffic over to the fallback model
- [ ] Page the model owner
- [ ] Freeze all deploys to the serving cluster

## Recover
- [ ] Roll back the most recent change if one is implicated
- [ ] Return traffic from the fallback model in steps of ==25%==
- [ ] Write the timeline while it is fresh

## Diagnose
- [ ] Check the serving error rate and p99 latency for the last ==30 minutes==
- [ ] Check whether a deploy happened in the last ==2 hours==
`;

const FILE = 'inference-outage.md';
const DELETED = "Check the feature store's freshness and error rate";
const REWORDED = { before: 'Switch traffic to the fallback model', after: 'Switch all traffic over to the fallback model' };

let db: KataDb;
let repos: Repositories;

beforeEach(async () => {
  db = await openTestDb('reimport-history');
  repos = createRepositories(db);
});
afterEach(() => db.close());

/** Parses, plans against what is stored, and writes in one transaction: what the library store does on confirm. */
async function importText(text: string, now: number) {
  const parsed = parseImportFile(FILE, text);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
  const existing = await repos.packs.get('inference-outage');
  const stored: StoredPack | null = existing
    ? { pack: existing, items: await repos.items.byPack(existing.id), cards: await repos.cards.byPack(existing.id) }
    : null;
  const plan = planImport(parsed.pack, stored, now, { sourceHash: hashText(text) });
  await repos.packs.savePackImport(plan.pack, plan.items, plan.cards);
  return plan;
}

/** Answers a card as the practice screen will: the event and the card's new state in one transaction. */
async function answer(card: CardRecord, id: string, at: number): Promise<ReviewEvent> {
  const event = makeEvent(card, id, at);
  await repos.events.recordAnswer(event, { ...card, reps: card.reps + 1, state: 2, lastReview: at, due: at + 86_400_000 });
  return event;
}

test('re-import keeps every answer attached to a live card of the same item', async () => {
  const first = await importText(ORIGINAL, 1_000);
  expect(first.diff).toBeNull();
  const itemByText = new Map(first.items.map((item) => [item.text, item]));
  const cards = await repos.cards.byPack('inference-outage');
  const cardsOf = (text: string): CardRecord[] => cards.filter((card) => card.itemKey === itemByText.get(text)!.key);

  // Several answers on cards of several steps (next-step, why and cloze cards), in every section.
  const practised = [
    'Declare the incident in the on-call channel',
    REWORDED.before,
    'Check the serving error rate and p99 latency for the last 30 minutes',
    DELETED,
    'Return traffic from the fallback model in steps of 25%',
    'Write the timeline while it is fresh',
  ];
  const events: { event: ReviewEvent; itemText: string }[] = [];
  let at = 10_000;
  for (const text of practised) {
    const own = cardsOf(text);
    expect(own.length, text).toBeGreaterThan(0);
    for (const card of own) {
      let current = card;
      for (let round = 0; round < 2; round++) {
        const event = await answer(current, `e-${events.length}`, (at += 1_000));
        events.push({ event, itemText: text });
        current = (await repos.cards.get(card.id))!;
      }
    }
  }
  expect(events.length).toBeGreaterThanOrEqual(16);
  expect(new Set(cardsOf('Declare the incident in the on-call channel').map((c) => c.kind))).toEqual(new Set(['next-step', 'why']));

  const second = await importText(EDITED, 100_000);
  expect(second.diff?.added.map((item) => item.text)).toEqual(['Page the model owner']);
  expect(second.diff?.changed.map((c) => [c.before.text, c.after.text])).toEqual([[REWORDED.before, REWORDED.after]]);
  expect(second.diff?.retired.map((item) => item.text)).toEqual([DELETED]);

  const itemsAfter = new Map((await repos.items.byPack('inference-outage')).map((item) => [item.key, item]));
  const cardsAfter = new Map((await repos.cards.byPack('inference-outage')).map((card) => [card.id, card]));
  expect(await repos.events.count()).toBe(events.length);

  for (const { event, itemText } of events) {
    const stored = await repos.events.get(event.id);
    expect(stored, `event ${event.id} of "${itemText}"`).toEqual(event);
    const card = cardsAfter.get(event.cardId);
    expect(card, `card of "${itemText}"`).toBeDefined();
    const before = itemByText.get(itemText)!;
    // Still the card of the same item (same key), whatever the item's text is now.
    expect(card!.itemKey).toBe(before.key);
    const item = itemsAfter.get(before.key) as ItemRecord;
    if (itemText === DELETED) {
      expect(item.retired).toBe(true);
      expect(card!.suspended).toBe(1);
    } else {
      expect(item.retired, itemText).toBe(false);
      expect(card!.suspended, itemText).toBe(0);
      // The card's FSRS state is the practised one, not a fresh card.
      expect(card!.reps, itemText).toBe(2);
    }
  }

  expect(itemsAfter.get(itemByText.get(REWORDED.before)!.key)).toMatchObject({ text: REWORDED.after, changedAt: 100_000 });
  // The moved section is still the same section, now second.
  const pack = await repos.packs.get('inference-outage');
  expect(pack?.sections.map((s) => s.title)).toEqual(['Immediate actions', 'Recover', 'Diagnose']);
  const recoverStep = itemsAfter.get(itemByText.get('Write the timeline while it is fresh')!.key)!;
  const diagnoseStep = itemsAfter.get(itemByText.get('Check the serving error rate and p99 latency for the last 30 minutes')!.key)!;
  expect(recoverStep.order).toBeLessThan(diagnoseStep.order);
});

test('a step that comes back revives its cards with their history', async () => {
  await importText(ORIGINAL, 1_000);
  const items = await repos.items.byPack('inference-outage');
  const deleted = items.find((item) => item.text === DELETED)!;
  const [card] = await repos.cards.byItem(deleted.key);
  await answer(card!, 'e-1', 5_000);

  await importText(EDITED, 10_000);
  expect((await repos.cards.get(card!.id))?.suspended).toBe(1);
  await importText(ORIGINAL, 20_000);
  const revived = await repos.cards.get(card!.id);
  expect(revived).toMatchObject({ suspended: 0, reps: 1 });
  expect((await repos.items.get(deleted.key))?.retired).toBe(false);
  expect(await repos.events.byCard(card!.id)).toHaveLength(1);
});
