import type { SelfAssessment } from '../../shared/model';
import type { KataDb } from './db';

export type AssessmentRepository = ReturnType<typeof createAssessmentRepository>;

/** The person's own ratings of their level, kept beside the measured one. */
export function createAssessmentRepository(db: KataDb) {
  return {
    /** Rejects if the id is already used. */
    add: async (assessment: SelfAssessment): Promise<void> => {
      await db.assessments.add(assessment);
    },
    /** Adds many in ONE transaction (rejects, adding none, if an id is used). */
    addMany: async (assessments: readonly SelfAssessment[]): Promise<void> => {
      await db.transaction('rw', db.assessments, async () => {
        await db.assessments.bulkAdd([...assessments]);
      });
    },
    /** A pack's self-assessments, oldest first. */
    byPack: (packId: string): Promise<SelfAssessment[]> =>
      db.assessments.where('[packId+at]').between([packId, -Infinity], [packId, Infinity], true, true).toArray(),
    /** The most recent self-assessment of a pack, if any. */
    latest: (packId: string): Promise<SelfAssessment | undefined> =>
      db.assessments.where('[packId+at]').between([packId, -Infinity], [packId, Infinity], true, true).last(),
    /** Every self-assessment (a few per pack and week at most). */
    all: (): Promise<SelfAssessment[]> => db.assessments.toArray(),
    count: (): Promise<number> => db.assessments.count(),
  };
}
