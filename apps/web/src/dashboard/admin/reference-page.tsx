import { REFERENCE_LISTS, ReferenceListName } from '@mnpddh/shared';
import { useSearchParams } from 'react-router';
import { WarningIcon } from '../icons';
import { format } from '../format';
import { Loading } from '../require-session';
import { useReference, useReferenceList } from '../reference/use-reference';
import { ReferenceAdd } from './reference-add';
import { ReferenceRow } from './reference-row';
import { useReferenceT } from './reference-strings';

/**
 * /personnel/admin/listes (admins): the reference lists as data. Labels and
 * flags are edited row by row; items are added, or retired (never deleted:
 * cases and statistics keep their codes). The chosen list stays in the
 * address, so a reload keeps it.
 */
export function ReferenceListsPage() {
  const t = useReferenceT();
  const { loaded, reload } = useReference();
  const [params, setParams] = useSearchParams();
  const parsed = ReferenceListName.safeParse(params.get('liste'));
  const list = parsed.success ? parsed.data : 'region';
  const { all } = useReferenceList(list);
  const retired = all.filter((item) => !item.active).length;
  const nextPosition = all.reduce((max, item) => Math.max(max, item.position + 1), 0);

  return (
    <>
      <h1>{t.title}</h1>
      <p className="lead">{t.lead}</p>
      <p className="muted ref-note">{t.codesNote}</p>

      <div className="field ref-chooser">
        <label htmlFor="ref-list" className="field__label">
          {t.listLabel}
        </label>
        <select
          id="ref-list"
          className="field__input"
          autoComplete="off"
          value={list}
          onChange={(event) => setParams({ liste: event.target.value }, { replace: true })}
        >
          {REFERENCE_LISTS.map((name) => (
            <option key={name} value={name}>
              {t.lists[name]}
            </option>
          ))}
        </select>
      </div>

      {list === 'legal_basis' ? (
        <section className="alert-banner ref-legal" aria-labelledby="ref-legal-title">
          <WarningIcon className="alert-banner__icon" />
          <div>
            <h2 id="ref-legal-title" className="alert-banner__title">
              {t.legalTitle}
            </h2>
            <p>{t.legal}</p>
          </div>
        </section>
      ) : null}

      <section aria-labelledby="ref-items-title">
        <h2 id="ref-items-title">{format(t.itemsTitle, { list: t.lists[list] })}</h2>
        {!loaded ? (
          <Loading label={t.loading} />
        ) : all.length === 0 ? (
          <p>{t.empty}</p>
        ) : (
          <>
            <p className="muted">{format(t.count, { count: all.length, inactive: retired })}</p>
            <table className="ref-table">
              <thead>
                <tr>
                  <th scope="col">{t.columns.code}</th>
                  <th scope="col">{t.columns.labelFr}</th>
                  <th scope="col">{t.columns.labelEn}</th>
                  <th scope="col">{t.columns.flags}</th>
                  <th scope="col">{t.columns.position}</th>
                  <th scope="col">{t.columns.action}</th>
                </tr>
              </thead>
              <tbody>
                {all.map((item) => (
                  <ReferenceRow key={`${item.list}:${item.code}`} item={item} onSaved={reload} />
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>

      <ReferenceAdd key={list} list={list} taken={all.map((item) => item.code)} nextPosition={nextPosition} onAdded={reload} />
    </>
  );
}
