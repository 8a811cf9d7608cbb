import { useCallback, useState } from 'react';
import type { ImportFile } from '../../platform/platform';
import { usePlatform } from '../../app/app-services';

export interface ImportPickerState {
  /** The files of the last choice; empty before any (or after a cancelled one). */
  files: ImportFile[];
  picking: boolean;
  error?: string;
}

/**
 * Asks the platform for files to import. For now the chosen files are only
 * listed; the importer (shared/import) will take them from here.
 */
export function useImportPicker(): ImportPickerState & { pick: () => void } {
  const platform = usePlatform();
  const [state, setState] = useState<ImportPickerState>({ files: [], picking: false });

  const pick = useCallback(() => {
    setState((previous) => ({ ...previous, picking: true, error: undefined }));
    // Called straight from the click handler: the browser opens its chooser only within that gesture.
    platform.pickImportFiles().then(
      (files) => setState((previous) => ({ files: files.length > 0 ? files : previous.files, picking: false })),
      (error: unknown) =>
        setState((previous) => ({
          ...previous,
          picking: false,
          error: `The files could not be opened: ${error instanceof Error ? error.message : String(error)}`,
        })),
    );
  }, [platform]);

  return { ...state, pick };
}
