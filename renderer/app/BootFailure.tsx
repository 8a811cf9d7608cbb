import { MigrationFailedError, NewerDatabaseError } from '../storage/index';

/** What the start-up failure means for the person, by kind. */
function explain(error: unknown): { title: string; lead: string; advice?: string; retry: boolean } {
  if (error instanceof NewerDatabaseError) {
    // The message says it all; reloading this version cannot help.
    return { title: 'This library needs a newer Kata', lead: error.message, retry: false };
  }
  if (error instanceof MigrationFailedError) {
    return {
      title: 'Kata could not upgrade your library',
      lead: error.message,
      advice: 'Kata tries the upgrade again at every start. If it keeps failing, the message below helps to find out why:',
      retry: true,
    };
  }
  return {
    title: 'Kata could not start',
    lead: 'Your library could not be opened. Nothing was changed or deleted.',
    advice: 'If Kata is open in another window, close it and reload. If this keeps happening, the message below helps to find out why:',
    retry: true,
  };
}

/** Shown instead of the app when start-up failed (most often: the database could not be opened). */
export function BootFailure({ error }: { error: unknown }) {
  const message = error instanceof Error ? error.message : String(error);
  const { title, lead, advice, retry } = explain(error);
  return (
    <main className="boot-failure" id="main-content">
      <h1>{title}</h1>
      <p>{lead}</p>
      {advice ? (
        <>
          <p>{advice}</p>
          <pre className="boot-failure-detail">{message}</pre>
        </>
      ) : null}
      {retry ? (
        <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
          Reload
        </button>
      ) : null}
    </main>
  );
}
