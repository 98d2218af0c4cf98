import type { CaseSummary } from '@mnpddh/shared';
import { useState } from 'react';
import { SelectField } from '../case-work/fields';
import { useCasesT } from '../cases/i18n';
import { format } from '../format';
import { Checkbox } from '../forms/field';
import { useStaffT } from '../i18n/use-staff-t';
import { useReassignmentT } from './i18n';

export const ALL_OF_ID = 'reassign-all-of';
export const caseBoxId = (caseId: string) => `reassign-case-${caseId}`;

interface Props {
  cases: readonly CaseSummary[];
  chosen: readonly string[];
  onChange: (caseIds: string[]) => void;
  error?: string | undefined;
}

/** The cases to hand over: ticked one by one, or every case of one person at once (the crisis: they were arrested). */
export function CaseChoice({ cases, chosen, onChange, error }: Props) {
  const t = useReassignmentT();
  const caseT = useCasesT();
  const staffT = useStaffT();
  const [person, setPerson] = useState('');
  const people = responsiblePeople(cases);
  const allOf = (personId: string) => {
    setPerson(personId);
    if (personId) onChange(cases.filter((item) => item.assignedTo === personId).map((item) => item.id));
  };
  const toggle = (caseId: string, checked: boolean) => onChange(checked ? [...chosen, caseId] : chosen.filter((id) => id !== caseId));

  return (
    <fieldset
      className={error ? 'fieldset field--error reassign-cases' : 'fieldset reassign-cases'}
      aria-describedby={error ? 'reassign-cases-error' : undefined}
    >
      <legend className="field__label">{t.casesLegend}</legend>
      <SelectField id={ALL_OF_ID} label={t.allOf} hint={t.allOfHint} value={person} onChange={(event) => allOf(event.target.value)}>
        <option value="">{t.allOfChoose}</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {`${p.name} (${p.count})`}
          </option>
        ))}
      </SelectField>
      {error ? (
        <p id="reassign-cases-error" className="field__error">
          <span className="visually-hidden">{staffT.errors.fieldPrefix} </span>
          {error}
        </p>
      ) : null}
      <div className="checkboxes reassign-cases__list">
        {cases.map((item) => (
          <Checkbox
            key={item.id}
            id={caseBoxId(item.id)}
            name="caseIds"
            value={item.id}
            label={
              // One inline span: the label lays its children out as flex items, which would split the reference from the rest.
              <span>
                <strong className="reassign-cases__reference">{item.reference}</strong> — {caseT.status[item.status]} —{' '}
                {item.assignedToName ? format(t.responsible, { name: item.assignedToName }) : t.unassigned}
              </span>
            }
            checked={chosen.includes(item.id)}
            onChange={(event) => toggle(item.id, event.target.checked)}
          />
        ))}
      </div>
      <p className="reassign-cases__count" role="status">
        {format(chosen.length === 1 ? t.selectedOne : t.selectedMany, { n: chosen.length })}
      </p>
    </fieldset>
  );
}

/** The people responsible for at least one of the cases, with how many, by name. */
function responsiblePeople(cases: readonly CaseSummary[]): { id: string; name: string; count: number }[] {
  const people = new Map<string, { id: string; name: string; count: number }>();
  for (const item of cases) {
    if (!item.assignedTo) continue;
    const known = people.get(item.assignedTo);
    if (known) known.count += 1;
    else people.set(item.assignedTo, { id: item.assignedTo, name: item.assignedToName ?? item.assignedTo, count: 1 });
  }
  return [...people.values()].sort((a, b) => a.name.localeCompare(b.name));
}
