import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PackRecord } from '../../../shared/model';
import { IMPORT_FORMATS } from '../../platform/import-formats';
import type { ImportFile } from '../../platform/platform';
import { useAppServices, useLibrary } from '../../app/app-services';
import { EmptyState } from '../../app/ui/EmptyState';
import { Icon } from '../../app/ui/Icon';
import { ScreenHeader } from '../../app/ui/ScreenHeader';
import { DeletePackDialog } from './DeletePackDialog';
import { FoldersPanel } from './folders/FoldersPanel';
import { ImportReview } from './ImportReview';
import { PackList } from './PackList';
import type { PackActions } from './PackRow';
import { PasteDialog } from './PasteDialog';
import { SampleList } from './SampleList';
import { SamplesDialog } from './SamplesDialog';
import type { SamplePack } from './sample-packs';
import { SAMPLE_PACKS, sampleAsImportFile } from './sample-packs';
import { useImportPicker } from './use-import-picker';
import './library.css';

type OpenDialog = { kind: 'paste' } | { kind: 'samples' } | { kind: 'delete'; pack: PackRecord } | null;

/** The relative times in the list ("5 minutes ago") move on while the screen stays open. */
function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

function ImportButtons({ onPick, onPaste, onSamples, picking }: { onPick: () => void; onPaste: () => void; onSamples: () => void; picking: boolean }) {
  return (
    <div className="actions library-actions">
      <button type="button" className="button button-primary" onClick={onPick} disabled={picking}>
        <Icon name="import" size={18} />
        Import files…
      </button>
      <button type="button" className="button" onClick={onPaste}>
        <Icon name="file" size={18} />
        Paste text…
      </button>
      <button type="button" className="button" onClick={onSamples}>
        <Icon name="sample" size={18} />
        Try a sample pack
      </button>
    </div>
  );
}

export function LibraryScreen() {
  const { libraryStore } = useAppServices();
  const active = useLibrary((state) => state.active);
  const archived = useLibrary((state) => state.archived);
  const session = useLibrary((state) => state.session);
  const notice = useLibrary((state) => state.notice);
  const loadError = useLibrary((state) => state.loadError);
  const picker = useImportPicker();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const now = useMinuteClock();
  const packsHeading = useRef<HTMLDivElement>(null);
  const library = libraryStore.getState;

  const startImport = useCallback((files: ImportFile[]) => library().startImport(files), [library]);
  const allPacks = useMemo(() => [...active, ...archived], [active, archived]);
  const empty = allPacks.length === 0;

  const pickFiles = (): void => picker.pick((files) => void startImport(files));
  const closeDialog = (): void => setDialog(null);
  const chooseSamples = (samples: readonly SamplePack[]): void => {
    setDialog(null);
    void startImport(samples.map(sampleAsImportFile));
  };

  const actions: PackActions = {
    onReimport: (pack) => picker.pick((files) => void library().startImport(files, { reimportOf: pack.id })),
    onArchive: (pack) => void library().archive(pack.id),
    onUnarchive: (pack) => void library().unarchive(pack.id),
    onDelete: (pack) => setDialog({ kind: 'delete', pack }),
  };

  // Where focus goes when what had it is gone (the first import replaces the empty state with the list).
  const packsOrScreenHeading = useCallback(
    (): HTMLElement | null =>
      packsHeading.current?.querySelector<HTMLElement>('h2') ?? document.querySelector<HTMLElement>('main h1'),
    [],
  );

  const deletePack = (pack: PackRecord): void => {
    setDialog(null);
    void library()
      .deletePack(pack.id)
      // The row that opened the dialog is gone: continue from the list's heading.
      .then(() => packsOrScreenHeading()?.focus());
  };

  const buttons = (
    <ImportButtons
      onPick={pickFiles}
      onPaste={() => setDialog({ kind: 'paste' })}
      onSamples={() => setDialog({ kind: 'samples' })}
      picking={picker.picking}
    />
  );

  return (
    <>
      <ScreenHeader title="Library" lead="The checklists, runbooks and decision trees you practise." />
      {empty ? null : (
        <div className="library-toolbar">
          {buttons}
          <p className="drop-hint">or drop files anywhere on this window</p>
        </div>
      )}

      <p className={`status-line${notice?.tone === 'error' ? ' status-line-error' : ''}`} role="status">
        {notice?.text ?? ''}
      </p>
      {picker.error || loadError ? (
        <p className="error-line" role="alert">
          {picker.error ?? loadError}
        </p>
      ) : null}

      {session ? (
        <ImportReview
          key={session.id}
          session={session}
          onConfirm={(which) => void library().confirmImport(which)}
          onCancel={() => library().cancelImport()}
          returnFocusTo={packsOrScreenHeading}
          onReadList={(fileKey, listKey, reading) => void library().readListAs(fileKey, listKey, reading)}
        />
      ) : null}

      {empty ? (
        <>
          <EmptyState icon="library" title="Import a checklist or a flowchart">
            <p>
              Kata turns what your team wrote down into daily drills and scenario simulations. Files are read on this
              computer; nothing leaves it. Drop files anywhere on this window, or:
            </p>
            <ul className="format-list" aria-label="Formats Kata imports">
              {IMPORT_FORMATS.map((format) => (
                <li key={format.label}>
                  <span className="format-name">{format.label}</span>
                  <span className="format-ext">{format.extensions.join(' ')}</span>
                  <span className="format-becomes">{format.becomes}</span>
                </li>
              ))}
            </ul>
            {buttons}
          </EmptyState>
          <section className="panel" aria-labelledby="first-samples-heading">
            <div className="panel-intro">
              <h2 id="first-samples-heading">Start with a sample pack</h2>
              <p className="muted">No file at hand? These show what Kata makes of each format.</p>
            </div>
            <SampleList samples={SAMPLE_PACKS} onChoose={(sample) => chooseSamples([sample])} onChooseAll={() => chooseSamples(SAMPLE_PACKS)} />
          </section>
        </>
      ) : (
        <div ref={packsHeading} className="library-packs">
          <PackList active={active} archived={archived} now={now} actions={actions} />
        </div>
      )}

      <FoldersPanel packs={allPacks} onImport={(files) => void startImport(files)} />

      {dialog?.kind === 'paste' ? (
        <PasteDialog
          onClose={closeDialog}
          onImport={(file) => {
            setDialog(null);
            void startImport([file]);
          }}
        />
      ) : null}
      {dialog?.kind === 'samples' ? <SamplesDialog samples={SAMPLE_PACKS} onChoose={chooseSamples} onClose={closeDialog} /> : null}
      {dialog?.kind === 'delete' ? (
        <DeletePackDialog
          pack={dialog.pack}
          countHistory={library().countHistory}
          onClose={closeDialog}
          onArchive={() => {
            setDialog(null);
            actions.onArchive(dialog.pack);
          }}
          onDelete={() => deletePack(dialog.pack)}
        />
      ) : null}
    </>
  );
}
