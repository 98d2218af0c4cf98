import { LegalBasisCitation, LegalBasisWithdrawal, type CaseDetail, type LegalBasisView } from '@mnpddh/shared';
import { useState } from 'react';
import { format } from '../format';
import { useReferenceList } from '../reference/use-reference';
import { useStaffSession } from '../session';
import { ActionForm } from './action-form';
import { SelectField, TextAreaField } from './fields';
import { useCaseWorkT } from './i18n';
import { suggestionFor } from './request-facts';
import { useAction } from './use-action';

const IDS = { basis: 'legal-basis', note: 'legal-note' };

/** A legal basis by its label; an uncertain article always carries "(contenu non confirmé)", in the same text. */
export function useLegalBasisLabel() {
  const t = useCaseWorkT();
  const list = useReferenceList('legal_basis');
  return (code: string) => {
    const item = list.all.find((candidate) => candidate.code === code);
    return { text: list.label(code), uncertain: item?.uncertain ?? false, marker: t.legal.uncertain };
  };
}

export function LegalBasisName({ code }: { code: string }) {
  const labelOf = useLegalBasisLabel();
  const { text, uncertain, marker } = labelOf(code);
  return (
    <>
      {text}
      {uncertain ? <span className="uncertain"> {marker}</span> : null}
    </>
  );
}

/** Cite a basis from the editable reference list. */
export function LegalBasisForm({ detail, onDone }: { detail: CaseDetail; onDone: () => void }) {
  const t = useCaseWorkT();
  const { api } = useStaffSession();
  const list = useReferenceList('legal_basis');
  const labelOf = useLegalBasisLabel();
  const { busy, errors, saved, run, check } = useAction();
  const cited = new Set(detail.legalBases.map((item) => item.basis));
  // The articles the request points to that are not cited yet: the first is pre-selected, staff confirm by citing it.
  const suggested = suggestionFor(detail).legalBases.filter((code) => !cited.has(code));
  const [basis, setBasis] = useState(suggested[0] ?? '');
  const [note, setNote] = useState('');

  const submit = async () => {
    const citation = check(LegalBasisCitation, { basis, note }, { basis: t.legal.required });
    if (!citation) return;
    const ok = await run(() => api.citeLegalBasis(detail.id, citation));
    if (ok) {
      setBasis('');
      setNote('');
      onDone();
    }
  };

  return (
    <ActionForm id="legal-form" errors={errors} fieldIds={IDS} busy={busy} saved={saved} submitLabel={t.legal.submit} onSubmit={submit}>
      {suggested.length > 0 ? (
        <p className="form-help legal-suggestion">{format(t.legal.suggested, { bases: suggested.map((code) => labelOf(code).text).join(' ; ') })}</p>
      ) : null}
      <SelectField
        id={IDS.basis}
        label={t.legal.basis}
        hint={t.legal.uncertainHint}
        value={basis}
        onChange={(event) => setBasis(event.target.value)}
        error={errors.fields.basis}
      >
        <option value="">{t.legal.choose}</option>
        {list.items
          .filter((item) => !cited.has(item.code))
          .map((item) => {
            const { text, uncertain, marker } = labelOf(item.code);
            return (
              <option key={item.code} value={item.code}>
                {uncertain ? `${text} ${marker}` : text}
              </option>
            );
          })}
      </SelectField>
      <TextAreaField
        id={IDS.note}
        label={`${t.legal.note} ${t.optional}`}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        error={errors.fields.note}
      />
    </ActionForm>
  );
}

/** The bases cited on the case, each with a way to withdraw it (with a reason). */
export function LegalBasisList({ detail, onDone, emptyText }: { detail: CaseDetail; onDone: () => void; emptyText: string }) {
  if (detail.legalBases.length === 0) return <p className="muted">{emptyText}</p>;
  return (
    <ul className="work-list">
      {detail.legalBases.map((item) => (
        <CitedBasis key={item.citationId} caseId={detail.id} item={item} onDone={onDone} />
      ))}
    </ul>
  );
}

function CitedBasis({ caseId, item, onDone }: { caseId: string; item: LegalBasisView; onDone: () => void }) {
  const t = useCaseWorkT();
  const { api } = useStaffSession();
  const labelOf = useLegalBasisLabel();
  const { busy, errors, saved, run, check } = useAction();
  const [reason, setReason] = useState('');
  const id = `withdraw-${item.citationId}`;

  const submit = async () => {
    const withdrawal = check(LegalBasisWithdrawal, { citationId: item.citationId, reason });
    if (!withdrawal) return;
    if (await run(() => api.withdrawLegalBasis(caseId, withdrawal))) onDone();
  };

  return (
    <li className="work-list__item">
      <p className="work-list__title">
        <LegalBasisName code={item.basis} />
      </p>
      {item.note ? <p className="prewrap">{item.note}</p> : null}
      <details className="inline-details">
        <summary>{t.legal.withdraw}</summary>
        <ActionForm
          id={`${id}-form`}
          errors={errors}
          fieldIds={{ reason: id }}
          busy={busy}
          saved={saved}
          submitLabel={t.legal.withdrawSubmit}
          onSubmit={submit}
        >
          <TextAreaField
            id={id}
            label={format(t.legal.withdrawTitle, { basis: labelOf(item.basis).text })}
            hint={t.legal.withdrawReason}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            error={errors.fields.reason}
          />
        </ActionForm>
      </details>
    </li>
  );
}
