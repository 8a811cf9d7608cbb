import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { useAppServices, useProgress } from '../../app/app-services';
import { EmptyState } from '../../app/ui/EmptyState';
import { ScreenHeader } from '../../app/ui/ScreenHeader';
import type { ProgressReport } from '../../../shared/progress/progress-report';
import { AutomaticityChart } from './charts/AutomaticityChart';
import { CalibrationChart } from './charts/CalibrationChart';
import { DailyLoadChart } from './charts/DailyLoadChart';
import { ForecastChart } from './charts/ForecastChart';
import { ReviewHeatmap } from './charts/ReviewHeatmap';
import { INDEPENDENCE_LADDER } from './independence-ladder';
import { PackProgressList } from './PackProgressList';
import { ReportExport } from './ReportExport';
import { RetentionTable } from './RetentionTables';
import { WeakestItems } from './WeakestItems';
import './progress.css';

/** Nothing practised yet: no answer on any day and no simulation finished. */
export function nothingPractised(report: ProgressReport): boolean {
  return report.calendar.every((day) => day.answers === 0) && report.packs.every((pack) => pack.simulations === 0 && pack.recall.studied === 0);
}

function Ladder() {
  return (
    <section className="panel" aria-labelledby="ladder-heading">
      <h2 id="ladder-heading">The independence ladder</h2>
      <ol className="ladder">
        {INDEPENDENCE_LADDER.map((rung) => (
          <li key={rung.level}>
            <span className="ladder-level" aria-hidden="true">
              {rung.level}
            </span>
            <div>
              <h3>
                <span className="visually-hidden">Level {rung.level}: </span>
                {rung.name}
              </h3>
              <p>{rung.meaning}</p>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

function Empty() {
  return (
    <>
      <EmptyState icon="progress" title="No progress to show yet">
        <p>
          Once you practise a pack, Kata places it on the independence ladder below — from your own answers, their speed and your simulations — and says what would
          move it up.
        </p>
        <div className="actions">
          <a className="button button-primary" href="#/library">
            Go to the Library
          </a>
        </div>
      </EmptyState>
      <Ladder />
    </>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="panel progress-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** The Progress screen (loaded when first opened): each pack's level and evidence, then the whole collection's practice. */
export function ProgressScreen() {
  const { progressStore } = useAppServices();
  const status = useProgress((state) => state.status);
  const report = useProgress((state) => state.report);
  const coverage = useProgress((state) => state.coverage);
  const weakest = useProgress((state) => state.weakest);
  const rebuild = useProgress((state) => state.rebuild);
  const error = useProgress((state) => state.error);

  useEffect(() => {
    void progressStore.getState().load();
  }, [progressStore]);

  const header = <ScreenHeader title="Progress" lead="How close you are to doing each procedure unaided." />;
  if (status === 'error') {
    return (
      <>
        {header}
        <p className="field-hint-error" role="alert">
          {error}
        </p>
      </>
    );
  }
  if (!report) {
    return (
      <>
        {header}
        {status === 'rebuilding' && rebuild ? (
          <div className="panel" role="status">
            <label htmlFor="progress-rebuild">Bringing your progress up to date…</label>
            <progress id="progress-rebuild" max={Math.max(1, rebuild.total)} value={rebuild.done} />
          </div>
        ) : (
          <p className="muted" role="status">
            Reading your progress…
          </p>
        )}
      </>
    );
  }
  if (nothingPractised(report)) {
    return (
      <>
        {header}
        <Empty />
      </>
    );
  }
  const now = report.generatedAt;
  return (
    <>
      {header}
      <ReportExport report={report} />
      <section className="progress-packs" aria-labelledby="packs-heading">
        <h2 id="packs-heading">Your packs</h2>
        <PackProgressList packs={report.packs} coverage={coverage} now={now} />
      </section>
      <Section id="calendar-heading" title="Reviews over the last year">
        <ReviewHeatmap calendar={report.calendar} streak={report.streak} />
      </Section>
      <Section id="forecast-heading" title="Due in the next 30 days">
        {report.forecast ? (
          <ForecastChart forecast={report.forecast} today={report.today} />
        ) : (
          <p className="muted" role="status">
            Counting the cards due…
          </p>
        )}
      </Section>
      <Section id="retention-heading" title="True retention">
        <p className="field-hint">The first answer of each card each day, cards in review only: passed / failed, and the share passed.</p>
        <div className="retention-tables">
          <RetentionTable caption="Drills" rows={report.retention.drill} />
          <RetentionTable caption="Simulations" rows={report.retention.simulation} />
        </div>
      </Section>
      <Section id="load-heading" title="Daily load">
        <DailyLoadChart calendar={report.calendar} />
      </Section>
      <Section id="automaticity-heading" title="Automaticity over weeks">
        <AutomaticityChart weeks={report.automaticityByWeek} />
      </Section>
      <Section id="calibration-heading" title="Calibration">
        <CalibrationChart person={report.person} scheduler={report.scheduler} />
      </Section>
      <Section id="weakest-heading" title="Weakest cards">
        <WeakestItems items={weakest} />
      </Section>
      <Ladder />
    </>
  );
}

