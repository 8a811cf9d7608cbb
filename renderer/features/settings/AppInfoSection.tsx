import { useAppInfo } from './use-app-info';

export function AppInfoSection() {
  const { info, error } = useAppInfo();
  return (
    <section className="panel" aria-labelledby="app-info-heading">
      <h2 id="app-info-heading">App info</h2>
      {error ? <p className="error-line">App info could not be read: {error}</p> : null}
      {info ? (
        <dl className="info-list">
          <div>
            <dt>Version</dt>
            <dd>
              {info.name} {info.version}
            </dd>
          </div>
          <div>
            <dt>Platform</dt>
            <dd>{info.platform}</dd>
          </div>
          {info.runtimes.map((runtime) => (
            <div key={runtime.name}>
              <dt>{runtime.name}</dt>
              <dd className="mono">{runtime.version}</dd>
            </div>
          ))}
          {info.dataLocation ? (
            <div>
              <dt>Data folder</dt>
              <dd className="mono">{info.dataLocation}</dd>
            </div>
          ) : null}
        </dl>
      ) : null}
    </section>
  );
}
