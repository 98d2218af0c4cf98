import { Component, lazy, Suspense, useState, type ReactNode } from 'react';
import { useT } from '../../i18n/i18n-context';
import { useIntakeT } from '../i18n/catalogues';
import type { UploadsPanelProps } from './uploads-panel';

/*
 * Files and voice load in their own chunk, only when this part of the page
 * shows (after the receipt, in follow-up): the form and the home page never
 * carry them. On a dropped connection, "Réessayer" loads the chunk again.
 */
const load = () => import('./uploads-panel');
let Panel = lazy(load);

class Boundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

export function UploadsSlot(props: UploadsPanelProps) {
  const t = useIntakeT();
  const site = useT();
  const [attempt, setAttempt] = useState(0);
  const retry = () => {
    Panel = lazy(load);
    setAttempt((n) => n + 1);
  };
  const failed = (
    <div className="notice follow-up-section" role="alert">
      <div>
        <p>{site.layout.loadFailed}</p>
        <button type="button" className="button button--secondary" onClick={retry}>
          {site.layout.retry}
        </button>
      </div>
    </div>
  );
  return (
    <Boundary key={attempt} fallback={failed}>
      <Suspense
        fallback={
          <p className="loading follow-up-section" role="status">
            {t.common.loading}
          </p>
        }
      >
        <Panel {...props} />
      </Suspense>
    </Boundary>
  );
}
