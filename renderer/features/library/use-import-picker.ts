import { useCallback, useState } from 'react';
import type { ImportFile } from '../../platform/platform';
import { usePlatform } from '../../app/app-services';

export interface ImportPicker {
  /** Opens the platform's file dialog; the chosen files go to `onFiles` (nothing on cancel). */
  pick: (onFiles: (files: ImportFile[]) => void) => void;
  picking: boolean;
  error?: string;
}

/** Asks the platform for files to import. */
export function useImportPicker(): ImportPicker {
  const platform = usePlatform();
  const [picking, setPicking] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const pick = useCallback(
    (onFiles: (files: ImportFile[]) => void) => {
      setPicking(true);
      setError(undefined);
      // Called straight from the click handler: the browser opens its chooser only within that gesture.
      platform.pickImportFiles().then(
        (files) => {
          setPicking(false);
          if (files.length > 0) onFiles(files);
        },
        (cause: unknown) => {
          setPicking(false);
          setError(`The files could not be opened: ${cause instanceof Error ? cause.message : String(cause)}`);
        },
      );
    },
    [platform],
  );

  return { pick, picking, error };
}
