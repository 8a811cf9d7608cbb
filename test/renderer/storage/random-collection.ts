/**
 * A random collection written straight into a database: every exported table, with values that
 * stress a text format (quotes, newlines, U+2028, emoji, nested settings), for the export tests
 * and `kata report`'s. Seeded (shared/random.ts), so a failing case replays.
 */
import type { CardRecord, ReviewEvent, SelfAssessment, SimulationAttempt } from '../../../shared/model';
import { createRandom } from '../../../shared/random';
import type { KataDb, LevelRecord } from '../../../renderer/storage/db';
import { makeAttempt, makeCard, makeEvent, makeItem, makePack } from './test-db';

const AWKWARD = ['plain', 'quote " and \\ backslash', 'line\nbreak', 'sep\u2028arator', 'emoji 🧯', 'tab\tand <b>tag</b>', ''];

export interface CollectionSize {
  packs: number;
  itemsPerPack: number;
  eventsPerCard: number;
  attempts: number;
}

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5, 9);

export async function fillRandomCollection(db: KataDb, seed: number, size: CollectionSize): Promise<void> {
  const random = createRandom(seed);
  const text = (): string => `${random.pick(AWKWARD)} ${random.int(1000)}`;
  const level = (): 1 | 2 | 3 | 4 | 5 => random.between(1, 5) as 1 | 2 | 3 | 4 | 5;
  for (let p = 0; p < size.packs; p++) {
    const packId = `pack-${p}`;
    const kind = random.pick(['checklist', 'tree', 'qa'] as const);
    await db.packs.add(makePack(packId, { title: text(), kind, itemCount: size.itemsPerPack, cardCount: size.itemsPerPack, status: random.chance(0.2) ? 'archived' : 'active' }));
    const cards: CardRecord[] = [];
    const events: ReviewEvent[] = [];
    for (let i = 0; i < size.itemsPerPack; i++) {
      const item = { ...makeItem(packId, `i${i}`, i), text: text(), notes: random.chance(0.5) ? [text()] : [] };
      await db.items.add(item);
      let card = makeCard(packId, `i${i}`, { createdAt: T0, due: T0, suspended: random.chance(0.1) ? 1 : 0 });
      let at = T0 + random.int(3) * DAY;
      for (let e = 0; e < random.int(size.eventsPerCard + 1); e++) {
        const event: ReviewEvent = { ...makeEvent(card, `${card.id}#${e}`, at), rating: random.between(1, 4) as 1 | 2 | 3 | 4, durationMs: random.between(500, 60_000) };
        if (random.chance(0.3)) Object.assign(event, { source: 'simulation', grader: 'auto', correct: random.chance(0.7) });
        events.push(event);
        const stability = Math.round(random.next() * 40_000) / 1000;
        card = { ...card, reps: card.reps + 1, state: 2, stability, difficulty: 1 + random.next() * 9, lastReview: at, due: at + Math.ceil(stability) * DAY, scheduledDays: Math.ceil(stability), elapsedDays: e === 0 ? 0 : 2 };
        at += random.between(1, 9) * DAY;
      }
      cards.push(card);
    }
    await db.cards.bulkAdd(cards);
    await db.events.bulkAdd(events);
    const attempts: SimulationAttempt[] = [];
    for (let a = 0; a < size.attempts; a++) {
      const startedAt = T0 + a * DAY + random.int(DAY);
      const finished = random.chance(0.7);
      attempts.push(
        makeAttempt(packId, `${packId}-run-${a}`, startedAt, {
          level: level(),
          status: finished ? 'finished' : random.pick(['running', 'abandoned'] as const),
          ...(finished ? { finishedAt: startedAt + 40_000, correct: random.chance(0.6), withinTime: random.chance(0.8), score: random.int(101), confidence: random.int(101) / 100, reflection: text() } : {}),
          decisions: [{ step: 0, answer: text(), correct: random.chance(0.5), shownAt: startedAt, durationMs: 4_000, hints: [] }],
        }),
      );
    }
    await db.attempts.bulkAdd(attempts);
    const assessments: SelfAssessment[] = Array.from({ length: random.int(3) }, (_, i) => ({ id: `${packId}-self-${i}`, packId, at: T0 + i * 7 * DAY, level: level(), note: text() }));
    await db.assessments.bulkAdd(assessments);
    const levels: LevelRecord[] = Array.from({ length: random.int(4) }, (_, i) => ({ packId, day: 20_000 + i * 3, at: T0 + i * 3 * DAY, level: level() }));
    // An older schema (the backup before a migration) has no levels yet.
    if (db.tables.some((table) => table.name === 'levelHistory')) await db.levelHistory.bulkAdd(levels);
  }
  await db.settings.bulkPut([
    { key: 'theme', value: random.pick(['system', 'dark', 'light']) },
    { key: 'desiredRetention', value: 0.85 + random.int(10) / 100 },
    { key: 'progress.targets', value: { 'pack-0': { level: 4, by: T0 + 60 * DAY } } },
    { key: 'nested', value: { list: [1, 'two', { three: text() }, null, true], empty: {} } },
  ]);
}
