import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { IMPORT_LIMITS } from '../../../shared/import/limits';
import type { ImportFile } from '../../platform/platform';
import { formatBytes } from '../../platform/format-bytes';
import { ModalDialog } from './ModalDialog';

const PASTE_FORMATS = [
  { extension: '.md', label: 'Markdown checklist (.md)' },
  { extension: '.mmd', label: 'Mermaid flowchart (.mmd)' },
  { extension: '.yaml', label: 'YAML decision tree (.yaml)' },
  { extension: '.csv', label: 'CSV questions (.csv)' },
] as const;

/** A file name from what was typed: no folders, and no extension (the Format field gives it). */
function baseName(typed: string): string {
  const name = typed.trim().replace(/^.*[\\/]/, '');
  const known = PASTE_FORMATS.find((format) => name.toLowerCase().endsWith(format.extension));
  return (known ? name.slice(0, -known.extension.length) : name).trim() || 'pasted';
}

/** Paste a checklist or a chart as text: it becomes a file of the chosen format, previewed like any other. */
export function PasteDialog({ onImport, onClose }: { onImport: (file: ImportFile) => void; onClose: () => void }) {
  const [name, setName] = useState('pasted-checklist');
  const [extension, setExtension] = useState<string>('.md');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const ids = { name: useId(), format: useId(), text: useId(), hint: useId(), error: useId() };

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (text.trim() === '') {
      setError('Paste or type the text to import first.');
      return;
    }
    const bytes = new TextEncoder().encode(text).length;
    if (bytes > IMPORT_LIMITS.maxFileBytes) {
      setError(`The text is ${formatBytes(bytes)}; Kata imports up to ${formatBytes(IMPORT_LIMITS.maxFileBytes)}.`);
      return;
    }
    onImport({ name: `${baseName(name)}${extension}`, bytes, text });
  };

  return (
    <ModalDialog title="Paste text to import" onClose={onClose} className="paste-dialog" describedBy={ids.hint}>
      <form className="modal-body" onSubmit={submit} noValidate>
        <p id={ids.hint} className="muted">
          Paste a checklist, a Mermaid flowchart, a Kata YAML tree or CSV rows. You will see a preview before anything is
          saved.
        </p>
        <div className="field-grid">
          <div className="field">
            <label htmlFor={ids.name}>Name</label>
            <input id={ids.name} type="text" className="text-input" value={name} onChange={(e) => setName(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={ids.format}>Format</label>
            <select id={ids.format} value={extension} onChange={(e) => setExtension(e.target.value)}>
              {PASTE_FORMATS.map((format) => (
                <option key={format.extension} value={format.extension}>
                  {format.label}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="field">
          <label htmlFor={ids.text}>Text</label>
          <textarea
            id={ids.text}
            className="text-input paste-text"
            rows={14}
            spellCheck={false}
            value={text}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? ids.error : undefined}
            onChange={(e) => {
              setText(e.target.value);
              setError(undefined);
            }}
            data-autofocus
          />
          {error ? (
            <p id={ids.error} className="field-hint field-hint-error" role="alert">
              {error}
            </p>
          ) : null}
        </div>
        <div className="modal-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary">
            Preview
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
