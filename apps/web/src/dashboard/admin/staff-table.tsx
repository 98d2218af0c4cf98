import type { StaffSummary } from '@mnpddh/shared';
import { Fragment, useState, type ReactNode } from 'react';
import { CheckIcon } from '../../ui/icons';
import { format } from '../format';
import { CrossIcon } from '../icons';
import { useStaffT } from '../i18n/use-staff-t';
import { RoleBadges } from '../roles';
import { StaffManage } from './staff-manage';

interface Props {
  users: readonly StaffSummary[];
  selfId: string;
  onUpdated: (user: StaffSummary) => void;
  onChanged: () => void;
}

const COLUMNS = 8;

/** Long addresses wrap after "@" or a dot rather than in the middle of a name. */
function breakableEmail(email: string) {
  return email.split(/(?<=[@.])/).map((part, index) => (
    <Fragment key={index}>
      {index > 0 ? <wbr /> : null}
      {part}
    </Fragment>
  ));
}

/**
 * The directory: a dense table on a desktop, one card per person on a phone
 * (CSS only). The explicit ARIA roles keep it a table for screen readers even
 * when the cards change its display; each cell then carries its own label.
 */
export function StaffTable({ users, selfId, onUpdated, onChanged }: Props) {
  const t = useStaffT();
  const columns = t.admin.columns;
  const [openId, setOpenId] = useState<string | null>(null);

  if (users.length === 0) return <p>{t.admin.empty}</p>;

  const flag = (value: boolean) =>
    value ? (
      <span className="flag flag--yes">
        <CheckIcon />
        {t.values.yes}
      </span>
    ) : (
      <span className="flag flag--no">
        <CrossIcon />
        {t.values.no}
      </span>
    );

  const cell = (label: string, content: ReactNode, className = '') => (
    <td role="cell" className={`staff-table__cell ${className}`}>
      <span className="staff-table__label">{label}</span>
      <span className="staff-table__value">{content}</span>
    </td>
  );

  return (
    <table role="table" className="staff-table" aria-labelledby="staff-directory-title">
      <thead role="rowgroup">
        <tr role="row">
          <th role="columnheader" scope="col">
            {columns.name}
          </th>
          <th role="columnheader" scope="col">
            {columns.email}
          </th>
          <th role="columnheader" scope="col">
            {columns.roles}
          </th>
          <th role="columnheader" scope="col">
            {columns.onCall}
          </th>
          <th role="columnheader" scope="col">
            {columns.active}
          </th>
          <th role="columnheader" scope="col">
            {columns.keys}
          </th>
          <th role="columnheader" scope="col">
            {columns.secondFactor}
          </th>
          <th role="columnheader" scope="col">
            <span className="visually-hidden">{columns.actions}</span>
          </th>
        </tr>
      </thead>
      <tbody role="rowgroup">
        {users.map((user) => {
          const open = openId === user.id;
          const panelId = `manage-panel-${user.id}`;
          return (
            <Fragment key={user.id}>
              <tr role="row" className={user.active ? 'staff-table__row' : 'staff-table__row staff-table__row--inactive'}>
                <th role="rowheader" scope="row" className="staff-table__name">
                  {user.name}
                  {user.id === selfId ? <span className="muted"> {t.admin.you}</span> : null}
                </th>
                {cell(columns.email, breakableEmail(user.email), 'staff-table__email')}
                {cell(columns.roles, <RoleBadges roles={user.roles} />)}
                {cell(columns.onCall, flag(user.onCall))}
                {cell(columns.active, flag(user.active))}
                {cell(columns.keys, flag(user.hasKeys))}
                {cell(columns.secondFactor, flag(user.secondFactorEnrolled))}
                <td role="cell" className="staff-table__cell staff-table__actions">
                  {user.active ? (
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      aria-expanded={open}
                      aria-controls={panelId}
                      aria-label={format(t.admin.manageLabel, { name: user.name })}
                      onClick={() => setOpenId(open ? null : user.id)}
                    >
                      {open ? t.admin.closeManage : t.admin.manage}
                    </button>
                  ) : (
                    <span className="badge badge--inactive">{t.admin.inactiveBadge}</span>
                  )}
                </td>
              </tr>
              {open ? (
                <tr role="row" className="staff-table__panel-row">
                  <td role="cell" colSpan={COLUMNS} id={panelId}>
                    <StaffManage user={user} isSelf={user.id === selfId} onUpdated={onUpdated} onChanged={onChanged} />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
