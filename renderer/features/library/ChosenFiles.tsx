import type { ImportFile } from '../../platform/platform';
import { formatBytes } from '../../platform/format-bytes';
import { Icon } from '../../app/ui/Icon';

/** The files of the last choice: name, size, and why a file was refused. Names are shown as text, never as HTML. */
export function ChosenFiles({ files }: { files: ImportFile[] }) {
  const refused = files.filter((file) => file.error !== undefined).length;
  return (
    <section className="panel" aria-labelledby="chosen-files-heading">
      <h2 id="chosen-files-heading">Chosen files</h2>
      <p className="muted">
        {files.length === 1 ? 'This file was' : `These ${files.length} files were`} read on this computer but not
        imported yet: the importer arrives in a coming version.
        {refused > 0 ? ` ${refused} could not be used.` : ''}
      </p>
      <ul className="file-list">
        {files.map((file, index) => (
          <li key={`${index}-${file.name}`} className={file.error === undefined ? 'file-ok' : 'file-refused'}>
            <Icon name={file.error === undefined ? 'file' : 'warning'} />
            <span className="file-name">{file.name}</span>
            <span className="file-size">{formatBytes(file.bytes)}</span>
            {file.error !== undefined ? <span className="file-error">{file.error}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
