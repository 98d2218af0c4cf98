import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { submitSearch } from './pending-query';
import { useSearchT } from './i18n';
import './search.css';

/** The menu's search field: the words go to the search page in memory, never in the address. */
export function NavSearch() {
  const t = useSearchT();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    submitSearch(query);
    setQuery('');
    void navigate('/personnel/recherche');
  };

  return (
    <form role="search" className="nav-search" aria-label={t.navLabel} onSubmit={submit}>
      <label htmlFor="nav-search-q" className="visually-hidden">
        {t.navLabel}
      </label>
      <input
        id="nav-search-q"
        type="search"
        className="nav-search__input"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        autoComplete="off"
        spellCheck={false}
        maxLength={200}
      />
      <button type="submit" className="button button--small nav-search__button">
        {t.navSubmit}
      </button>
    </form>
  );
}
