import { useT } from '../../i18n/i18n-context';

/** Where a later part of the form shows while its chunk arrives, or a way to fetch it again. */
export function PartStatus({ failed, onRetry }: { failed: boolean; onRetry: () => void }) {
  const t = useT();
  if (!failed) {
    return (
      <p className="loading" role="status">
        {t.layout.loading}
      </p>
    );
  }
  return (
    <div className="notice" role="alert">
      <div>
        <p>{t.layout.loadFailed}</p>
        <button type="button" className="button" onClick={onRetry}>
          {t.layout.retry}
        </button>
      </div>
    </div>
  );
}
