import { CaseSearchResult, type CaseSearchHit } from '@mnpddh/shared';
import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { LockIcon } from '../../ui/icons';
import { useAction } from '../case-work/use-action';
import { StatusBadge, UrgencyBadge } from '../cases/badges';
import { format } from '../format';
import { ErrorSummary } from '../forms/error-summary';
import { Field } from '../forms/field';
import { useStaffSession } from '../session';
import { takePendingQuery, usePendingQuery } from './pending-query';
import { useSearchT } from './i18n';
import './search.css';

const IDS = { q: 'search-q' };

/**
 * /personnel/recherche — the audited search across the cases I hold. The
 * words travel in a POST body only; the results (reference, status,
 * urgency, where it matched) live in this page's memory and go with it.
 */
export function SearchPage() {
  const t = useSearchT();
  const { api } = useStaffSession();
  const { busy, errors, run, refuse } = useAction();
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<CaseSearchResult | null>(null);
  const pending = usePendingQuery();

  const search = async (words: string) => {
    if (words.trim().length < 2) return void refuse({ q: t.required });
    setResult(null);
    await run(async () => setResult((await api.request('POST', '/api/cases/search', { body: { q: words }, schema: CaseSearchResult })).value));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void search(query);
  };

  // The menu's field hands its words over in memory: run them once, then forget them there.
  useEffect(() => {
    if (pending === null) return;
    const words = takePendingQuery() ?? '';
    setQuery(words);
    void search(words);
    // Only a new hand-over starts a search.
  }, [pending]);

  return (
    <div className="search-page">
      <h1>{t.title}</h1>
      <p className="lead">{t.lead}</p>
      <p className="case-logged">
        <LockIcon />
        <span>{t.logged}</span>
      </p>
      <form id="search-form" className="form action-form" onSubmit={submit} noValidate>
        <ErrorSummary errors={errors} fieldIds={IDS} />
        <Field
          id={IDS.q}
          type="search"
          label={t.field}
          hint={t.hint}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          error={errors.fields.q}
          autoComplete="off"
          spellCheck={false}
          maxLength={200}
        />
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? t.searching : t.submit}
        </button>
      </form>
      <section aria-labelledby="search-results" aria-live="polite" aria-busy={busy}>
        <h2 id="search-results" className={result ? undefined : 'visually-hidden'}>
          {t.resultsTitle}
        </h2>
        {result ? <Results result={result} /> : null}
      </section>
    </div>
  );
}

function Results({ result }: { result: CaseSearchResult }) {
  const t = useSearchT();
  return (
    <>
      <p>{format(t.summary, { matched: result.matched, examined: result.examined })}</p>
      {result.matched > result.items.length ? <p className="search-capped">{format(t.capped, { limit: result.limit })}</p> : null}
      {result.unreadable.map((item) => (
        <p key={item.caseId} className="search-warning">
          {format(t.unreadable, { reference: item.reference })}
        </p>
      ))}
      {result.items.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ul className="search-results">
          {result.items.map((hit) => (
            <Hit key={hit.caseId} hit={hit} />
          ))}
        </ul>
      )}
    </>
  );
}

function Hit({ hit }: { hit: CaseSearchHit }) {
  const t = useSearchT();
  return (
    <li className="search-hit">
      <Link to={`/personnel/dossiers/${hit.caseId}`} className="search-hit__case">
        {format(t.caseTitle, { reference: hit.reference })}
      </Link>
      <ul className="badges">
        {hit.urgent ? (
          <li>
            <UrgencyBadge urgent />
          </li>
        ) : null}
        <li>
          <StatusBadge status={hit.status} />
        </li>
      </ul>
      <span className="search-hit__where">{format(t.foundIn, { sources: hit.matchedIn.map((source) => t.sources[source]).join(', ') })}</span>
    </li>
  );
}
