import { PROMPT_LANGUAGES, SPOKEN_HELP_STEPS, type PromptLanguage, type SpokenPromptStatus } from '@mnpddh/shared';
import { useCallback, useEffect, useState } from 'react';
import { format } from '../format';
import { ErrorSummary } from '../forms/error-summary';
import { errorsFrom, type FormErrors } from '../forms/form-errors';
import { useStaffT } from '../i18n/use-staff-t';
import { Loading } from '../require-session';
import { useStaffSession } from '../session';
import { spokenHelpApi } from './spoken-help-api';
import { useSpokenHelpT } from './spoken-help-strings';
import { SpokenPromptRow } from './spoken-prompt-row';
import './spoken-help.css';

const MARKS = { missing: '—', ready: '✓', altered: '⚠' } as const;

/**
 * /personnel/admin/aide-parlee (admins): the spoken prompts the mechanism
 * recorded, per step and language. The overview shows every cell; one
 * language at a time is recorded below (Bambara first: most defenders speak it).
 */
export function SpokenHelpPage() {
  const t = useSpokenHelpT();
  const staffT = useStaffT();
  const { api } = useStaffSession();
  const [prompts, setPrompts] = useState<SpokenPromptStatus[] | null>(null);
  const [loadError, setLoadError] = useState<FormErrors | null>(null);
  const [language, setLanguage] = useState<PromptLanguage>('bm');

  const load = useCallback(async () => {
    try {
      setPrompts(await spokenHelpApi.list(api));
      setLoadError(null);
    } catch (error) {
      setLoadError(errorsFrom(error, staffT));
    }
    // `staffT` is left out on purpose: a language change must not reload the list.
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  const cell = (step: string, code: string) => prompts?.find((prompt) => prompt.step === step && prompt.language === code);

  return (
    <>
      <h1>{t.title}</h1>
      <p className="lead">{t.lead}</p>
      <p className="muted">{t.rules}</p>
      {loadError ? (
        <>
          <ErrorSummary errors={loadError} fieldIds={{}} />
          <button type="button" className="button" onClick={() => void load()}>
            {t.retry}
          </button>
        </>
      ) : !prompts ? (
        <Loading label={t.loading} />
      ) : (
        <>
          <section aria-labelledby="spoken-overview-title">
            <h2 id="spoken-overview-title">{t.overviewTitle}</h2>
            {/* Focusable so a keyboard can scroll it when a large text size makes it wider than the screen. */}
            <div className="spoken-grid__scroll" role="region" aria-label={t.overviewCaption} tabIndex={0}>
              <table className="spoken-grid">
                <caption className="visually-hidden">{t.overviewCaption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.step}</th>
                    {PROMPT_LANGUAGES.map((code) => (
                      <th key={code} scope="col">
                        <abbr title={t.languages[code]}>{code}</abbr>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {SPOKEN_HELP_STEPS.map((step) => (
                    <tr key={step}>
                      <th scope="row">{t.steps[step]}</th>
                      {PROMPT_LANGUAGES.map((code) => {
                        const state = cell(step, code)?.state ?? 'missing';
                        return (
                          <td key={code} className={`spoken-grid__cell spoken-grid__cell--${state}`}>
                            <span aria-hidden="true">{MARKS[state]}</span>
                            <span className="visually-hidden">{`${t.languages[code]} : ${t.marks[state]}`}</span>
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>

          <section aria-labelledby="spoken-detail-title">
            <div className="field">
              <label htmlFor="spoken-language" className="field__label">
                {t.languageLabel}
              </label>
              <select
                id="spoken-language"
                className="field__input"
                autoComplete="off"
                value={language}
                onChange={(event) => setLanguage(event.target.value as PromptLanguage)}
              >
                {PROMPT_LANGUAGES.map((code) => (
                  <option key={code} value={code}>
                    {t.languages[code]}
                  </option>
                ))}
              </select>
            </div>
            <h2 id="spoken-detail-title">{format(t.detailTitle, { language: t.languages[language] })}</h2>
            <ul className="spoken-list">
              {SPOKEN_HELP_STEPS.map((step) => {
                const prompt = cell(step, language) ?? { step, language, state: 'missing' as const };
                return <SpokenPromptRow key={`${step}:${language}`} prompt={prompt} onChanged={() => void load()} />;
              })}
            </ul>
          </section>
        </>
      )}
    </>
  );
}
