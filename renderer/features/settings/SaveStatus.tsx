import { useSettings } from '../../app/app-services';

/** One quiet line that confirms each save (politely announced) or says why it failed. */
export function SaveStatus() {
  const lastSaved = useSettings((state) => state.lastSaved);
  const saveError = useSettings((state) => state.saveError);
  const loadError = useSettings((state) => state.loadError);
  return (
    <>
      {loadError ? (
        <p className="error-line" role="alert">
          {loadError}
        </p>
      ) : null}
      <p className={saveError ? 'error-line' : 'status-line'} role="status">
        {saveError ?? (lastSaved ? 'Saved.' : 'Changes are saved as you make them.')}
      </p>
    </>
  );
}
