/** Shown instead of the app when start-up failed (most often: the database could not be opened). */
export function BootFailure({ error }: { error: unknown }) {
  const message = error instanceof Error ? error.message : String(error);
  return (
    <main className="boot-failure" id="main-content">
      <h1>Kata could not start</h1>
      <p>Your library could not be opened. Nothing was changed or deleted.</p>
      <p>
        If Kata is open in another window, close it and reload. If this keeps happening, the message below helps to
        find out why:
      </p>
      <pre className="boot-failure-detail">{message}</pre>
      <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
        Reload
      </button>
    </main>
  );
}
