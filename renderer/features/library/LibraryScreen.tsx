import { useState } from 'react';
import { IMPORT_FORMATS } from '../../platform/import-formats';
import { EmptyState } from '../../app/ui/EmptyState';
import { Icon } from '../../app/ui/Icon';
import { ScreenHeader } from '../../app/ui/ScreenHeader';
import { ChosenFiles } from './ChosenFiles';
import { useImportPicker } from './use-import-picker';

export function LibraryScreen() {
  const picker = useImportPicker();
  const [sampleNote, setSampleNote] = useState(false);

  return (
    <>
      <ScreenHeader title="Library" lead="The checklists, runbooks and decision trees you practise." />
      <EmptyState icon="library" title="Import a checklist or a flowchart">
        <p>
          Kata turns what your team wrote down into daily drills and scenario simulations. Files are read on this
          computer; nothing leaves it.
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
        <div className="actions">
          <button type="button" className="button button-primary" onClick={picker.pick}>
            <Icon name="import" size={18} />
            Import files…
          </button>
          <button type="button" className="button" onClick={() => setSampleNote(true)}>
            <Icon name="sample" size={18} />
            Try a sample pack
          </button>
        </div>
        <p className="status-line" role="status">
          {sampleNote ? 'Sample packs are on their way: they arrive together with the importer.' : ''}
        </p>
        {picker.error ? (
          <p className="error-line" role="alert">
            {picker.error}
          </p>
        ) : null}
      </EmptyState>
      {picker.files.length > 0 ? <ChosenFiles files={picker.files} /> : null}
    </>
  );
}
