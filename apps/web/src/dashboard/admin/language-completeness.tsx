import type { LanguageCompletenessList } from '@mnpddh/shared';
import { useEffect, useState } from 'react';
import { useLocale } from '../../i18n/i18n-context';
import { useStaffSession } from '../session';

const STRINGS = {
  fr: {
    title: 'Langues du site public',
    lead: 'Ce que chaque catalogue traduit (locales/*.po). Un message manquant s’affiche en français ; un message « à relire » s’affiche seulement pour une langue en relecture, qui le dit sur chaque page.',
    language: 'Langue',
    state: 'État',
    translated: 'Traduits et relus',
    review: 'À relire',
    missing: 'Manquants (en français)',
    status: { source: 'Langue source', reviewed: 'Relue', review: 'En relecture', test: 'Catalogue de test, non proposé' },
    failed: 'La liste des langues n’a pas pu être chargée.',
  },
  en: {
    title: 'Public site languages',
    lead: 'What each catalogue translates (locales/*.po). A missing message shows in French; a message awaiting review shows only for a language in review, which says so on every page.',
    language: 'Language',
    state: 'State',
    translated: 'Translated and reviewed',
    review: 'Awaiting review',
    missing: 'Missing (in French)',
    status: { source: 'Source language', reviewed: 'Reviewed', review: 'In review', test: 'Test catalogue, not offered' },
    failed: 'The list of languages could not be loaded.',
  },
};

/** Admins: how complete each public language is, to know what to give the mechanism's translators. */
export function LanguageCompleteness() {
  const [locale] = useLocale();
  const t = STRINGS[locale];
  const { api } = useStaffSession();
  const [list, setList] = useState<LanguageCompletenessList | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    api.languageCompleteness().then(setList, () => setFailed(true));
  }, [api]);

  return (
    <section aria-labelledby="language-completeness-title">
      <h2 id="language-completeness-title">{t.title}</h2>
      <p className="muted">{t.lead}</p>
      {failed ? <p role="alert">{t.failed}</p> : null}
      {list ? (
        <table className="ref-table">
          <thead>
            <tr>
              <th scope="col">{t.language}</th>
              <th scope="col">{t.state}</th>
              <th scope="col">{t.translated}</th>
              <th scope="col">{t.review}</th>
              <th scope="col">{t.missing}</th>
            </tr>
          </thead>
          <tbody>
            {list.languages.map((language) => (
              <tr key={language.code}>
                <th scope="row">
                  <span lang={language.code}>{language.name}</span> ({language.code})
                </th>
                <td>{t.status[language.status]}</td>
                <td>{`${language.translated} / ${language.total}`}</td>
                <td>{language.review}</td>
                <td>{language.missing}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
