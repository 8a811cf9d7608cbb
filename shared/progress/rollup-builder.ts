/**
 * Rollups rebuilt from the truth: every event folded in, every card sketched. Check collection
 * and restore build them this way while they stream the collection; a test holds the result
 * equal to the rollups kept answer by answer.
 */
import type { CardRecord, ReviewEvent } from '../model';
import type { PackMemory } from './card-sketch';
import { addCard, emptyMemory } from './card-sketch';
import type { AnswerFacts } from './event-facts';
import { applyToDay, applyToWeek, emptyDay, emptyWeek } from './fold-rollups';
import type { DayRollup, PackWeekRollup } from './rollup-types';

export interface BuiltRollups {
  days: DayRollup[];
  weeks: PackWeekRollup[];
  memories: PackMemory[];
}

export interface RollupBuilder {
  /** Folds one answer in, with its facts (answerFacts, with the scheduler and day settings of its time). */
  addEvent(event: ReviewEvent, facts: AnswerFacts): void;
  /** Sketches one card (suspended ones count for nothing but make the pack known). */
  addCard(card: CardRecord): void;
  result(): BuiltRollups;
}

export function createRollupBuilder(): RollupBuilder {
  const days = new Map<number, DayRollup>();
  const weeks = new Map<string, PackWeekRollup>();
  const memories = new Map<string, PackMemory>();
  return {
    addEvent(event, facts) {
      let day = days.get(facts.day);
      if (!day) {
        day = emptyDay(facts.day);
        days.set(facts.day, day);
      }
      applyToDay(day, event, facts, 1);
      const key = `${event.packId}\u0000${facts.week}`;
      let week = weeks.get(key);
      if (!week) {
        week = emptyWeek(event.packId, facts.week);
        weeks.set(key, week);
      }
      applyToWeek(week, event, 1);
    },
    addCard(card) {
      let memory = memories.get(card.packId);
      if (!memory) {
        memory = emptyMemory(card.packId);
        memories.set(card.packId, memory);
      }
      if (card.suspended === 0) addCard(memory, card);
    },
    result: () => ({ days: [...days.values()], weeks: [...weeks.values()], memories: [...memories.values()] }),
  };
}
