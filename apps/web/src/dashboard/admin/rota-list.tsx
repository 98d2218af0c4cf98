import type { StaffDirectory, StaffSummary } from '@mnpddh/shared';
import { useEffect, useState } from 'react';
import { ErrorSummary } from '../forms/error-summary';
import { errorsFrom, noErrors, type FormErrors } from '../forms/form-errors';
import { format } from '../format';
import { useStaffT } from '../i18n/use-staff-t';
import { RoleBadges } from '../roles';
import { useStaffSession } from '../session';
import { useRotaT } from './rota-strings';

/** Who can be on call: they hold every new case, so active caseworkers or supervisors with certified keys. */
export function canBeOnCall(member: StaffSummary): boolean {
  return member.active && member.hasKeys && member.roles.some((role) => role === 'supervisor' || role === 'caseworker');
}

const rotaOf = (directory: StaffDirectory) => directory.users.filter((member) => member.onCall).map((member) => member.id);

/** After a move, the button to give the focus back to (the moved person's, or its neighbour when at an end). */
interface FocusTarget {
  id: string;
  action: 'up' | 'down' | 'add';
}

/** The ordered rota: move up or down, remove, add at the end, then save it all at once. */
export function RotaList({ directory: initial }: { directory: StaffDirectory }) {
  const t = useRotaT();
  const staffT = useStaffT();
  const { api } = useStaffSession();
  const [directory, setDirectory] = useState(initial);
  const [order, setOrder] = useState<string[]>(() => rotaOf(initial));
  const [saved, setSaved] = useState<string[]>(() => rotaOf(initial));
  const [candidate, setCandidate] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const [focus, setFocus] = useState<FocusTarget | null>(null);
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(noErrors);

  const byId = new Map(directory.users.map((member) => [member.id, member]));
  const nameOf = (id: string) => byId.get(id)?.name ?? id;
  const addable = directory.users.filter((member) => canBeOnCall(member) && !order.includes(member.id));
  const changed = order.join(',') !== saved.join(',');

  useEffect(() => {
    if (!focus) return;
    const index = order.indexOf(focus.id);
    const wanted = focus.action === 'up' && index === 0 ? 'down' : focus.action === 'down' && index === order.length - 1 ? 'up' : focus.action;
    document.getElementById(wanted === 'add' ? 'rota-add' : `rota-${focus.id}-${wanted}`)?.focus();
  }, [focus, order]);

  const move = (id: string, by: -1 | 1) => {
    const from = order.indexOf(id);
    const to = from + by;
    if (to < 0 || to >= order.length) return;
    const next = [...order];
    [next[from], next[to]] = [next[to] as string, id];
    setOrder(next);
    setAnnouncement(format(t.moved, { name: nameOf(id), n: to + 1 }));
    setFocus({ id, action: by < 0 ? 'up' : 'down' });
  };

  const remove = (id: string) => {
    setOrder(order.filter((existing) => existing !== id));
    setAnnouncement(format(t.removed, { name: nameOf(id) }));
    setFocus({ id: '', action: 'add' });
  };

  const add = () => {
    if (!candidate) return;
    setOrder([...order, candidate]);
    setAnnouncement(format(t.addedOne, { name: nameOf(candidate) }));
    setCandidate('');
  };

  const save = async () => {
    setSaving(true);
    try {
      await api.saveRota({ staffIds: order });
      const fresh = await api.rota();
      setDirectory(fresh);
      setOrder(rotaOf(fresh));
      setSaved(rotaOf(fresh));
      setErrors(noErrors);
      setAnnouncement(t.saved);
    } catch (error) {
      setErrors(errorsFrom(error, staffT));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <ErrorSummary errors={errors} fieldIds={{}} />
      <section aria-labelledby="rota-title">
        <h2 id="rota-title">{t.listTitle}</h2>
        {order.length === 0 ? (
          <p className="notice rota-empty">{t.empty}</p>
        ) : (
          <ol className="rota-list">
            {order.map((id, index) => (
              <RotaMember
                key={id}
                member={byId.get(id)}
                id={id}
                position={index + 1}
                first={index === 0}
                last={index === order.length - 1}
                onMove={(by) => move(id, by)}
                onRemove={() => remove(id)}
              />
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="rota-add-title" className="rota-add">
        <h2 id="rota-add-title">{t.addTitle}</h2>
        {addable.length === 0 ? (
          <p className="muted">{t.nobodyToAdd}</p>
        ) : (
          <div className="rota-add__row">
            <div className="field">
              <label htmlFor="rota-add" className="field__label">
                {t.addLabel}
              </label>
              <p id="rota-add-hint" className="field__hint">
                {t.addHint}
              </p>
              <select
                id="rota-add"
                className="field__input"
                autoComplete="off"
                aria-describedby="rota-add-hint"
                value={candidate}
                onChange={(event) => setCandidate(event.target.value)}
              >
                <option value="">{t.choose}</option>
                {addable.map((member) => (
                  <option key={member.id} value={member.id}>
                    {member.name}
                  </option>
                ))}
              </select>
            </div>
            <button type="button" className="button button--secondary" onClick={add} disabled={!candidate}>
              {t.add}
            </button>
          </div>
        )}
      </section>

      <div className="rota-save">
        <button type="button" className="button" onClick={() => void save()} disabled={saving}>
          {saving ? t.saving : t.save}
        </button>
        {changed ? <p className="rota-save__unsaved">{t.unsaved}</p> : null}
      </div>
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      {announcement === t.saved && !changed ? <p className="success-box rota-saved">{t.saved}</p> : null}
    </>
  );
}

interface MemberProps {
  id: string;
  member: StaffSummary | undefined;
  position: number;
  first: boolean;
  last: boolean;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

function RotaMember({ id, member, position, first, last, onMove, onRemove }: MemberProps) {
  const t = useRotaT();
  const name = member?.name ?? id;
  return (
    <li className="rota-list__item">
      <span className="rota-list__position" aria-hidden="true">
        {position}
      </span>
      <span className="rota-list__who">
        <span className="rota-list__name">{name}</span>
        {member ? <RoleBadges roles={member.roles} /> : null}
      </span>
      <span className="rota-list__actions">
        <button
          id={`rota-${id}-up`}
          type="button"
          className="button button--small button--secondary"
          disabled={first}
          aria-label={format(t.upOf, { name })}
          onClick={() => onMove(-1)}
        >
          {t.up}
        </button>
        <button
          id={`rota-${id}-down`}
          type="button"
          className="button button--small button--secondary"
          disabled={last}
          aria-label={format(t.downOf, { name })}
          onClick={() => onMove(1)}
        >
          {t.down}
        </button>
        <button type="button" className="button button--small button--danger-outline" aria-label={format(t.removeOf, { name })} onClick={onRemove}>
          {t.remove}
        </button>
      </span>
    </li>
  );
}
