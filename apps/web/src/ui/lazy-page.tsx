import { Component, lazy, Suspense, useState, type ComponentType, type ReactNode } from 'react';
import { useT } from '../i18n/i18n-context';

function Loading() {
  const t = useT();
  return (
    <p className="loading" role="status">
      {t.layout.loading}
    </p>
  );
}

function LoadFailed({ onRetry }: { onRetry: () => void }) {
  const t = useT();
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

class ChunkBoundary extends Component<{ onRetry: () => void; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? <LoadFailed onRetry={this.props.onRetry} /> : this.props.children;
  }
}

/**
 * A page in its own chunk (the form and follow-up carry zod; the home page
 * must not). On 2G the chunk can take seconds, so a plain "Chargement…"
 * shows meanwhile; if the connection drops, a "Réessayer" button loads it
 * again instead of leaving a blank page. The page keeps a screen's height
 * from the first paint (styles.css, .lazy-page), so the form arriving does
 * not push the footer about.
 */
export function lazyPage(load: () => Promise<{ default: ComponentType }>): ComponentType {
  let Page = lazy(load);
  return function LazyPage() {
    const [attempt, setAttempt] = useState(0);
    const retry = () => {
      Page = lazy(load);
      setAttempt((n) => n + 1);
    };
    return (
      <div className="lazy-page">
        <ChunkBoundary key={attempt} onRetry={retry}>
          <Suspense fallback={<Loading />}>
            <Page />
          </Suspense>
        </ChunkBoundary>
      </div>
    );
  };
}

/*
 * A part of a page in its own chunk (the request's and call-back's checks and
 * later screens), fetched ahead (while the person types
 * the first screen) and shown when needed. A failed download (a dropped 2G
 * connection) is forgotten, so the next attempt fetches it again.
 */
export interface LaterPart<T> {
  /** The part, if it has arrived. */
  readonly ready: () => T | null;
  /** Fetches it once (again after a failure). */
  readonly load: () => Promise<T>;
}

export function laterPart<T>(fetch: () => Promise<T>): LaterPart<T> {
  let arrived: T | null = null;
  let pending: Promise<T> | null = null;
  const load = () =>
    (pending ??= fetch().then(
      (part) => (arrived = part),
      (error: unknown) => {
        pending = null;
        throw error;
      },
    ));
  return { ready: () => arrived, load };
}
