import type { CaseDetail } from '@mnpddh/shared';
import { useEffect, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { useAgendaT } from '../agenda/i18n';
import { AgendaEventsForm } from '../case-work/agenda-events';
import { AssignForm } from '../case-work/assign-form';
import { ContactForm } from '../case-work/contact-form';
import { useCaseWorkT } from '../case-work/i18n';
import { LegalBasisForm } from '../case-work/legal-basis';
import { MeasureForm } from '../case-work/measures';
import { NoteForm } from '../case-work/note-form';
import { RiskForm } from '../case-work/risk-form';
import { StatusForm } from '../case-work/status-form';
import { useAssignees } from '../case-work/use-assignees';

export type ActionName = 'contact' | 'assign' | 'risk' | 'status' | 'legal' | 'measure' | 'agenda' | 'note';

/**
 * The actions on a case, each a panel that opens in place (a phone shows
 * one at a time comfortably). `#action-contact` in the address opens that
 * panel: the urgent view links straight to "Noter un appel".
 */
export function CaseActions({ detail, onDone }: { detail: CaseDetail; onDone: () => void }) {
  const t = useCaseWorkT();
  const at = useAgendaT();
  const { assignees, loaded } = useAssignees();
  const { hash } = useLocation();

  const panels: Array<[ActionName, string, ReactNode]> = [
    ['contact', t.contact.title, <ContactForm detail={detail} onDone={onDone} />],
    ['assign', t.assign.title, <AssignForm detail={detail} assignees={assignees} loaded={loaded} onDone={onDone} />],
    ['risk', t.risk.title, <RiskForm detail={detail} onDone={onDone} />],
    ['legal', t.legal.title, <LegalBasisForm detail={detail} onDone={onDone} />],
    ['measure', t.measures.title, <MeasureForm detail={detail} assignees={assignees} onDone={onDone} />],
    ['agenda', at.panel.title, <AgendaEventsForm detail={detail} onDone={onDone} />],
    ['status', t.status.title, <StatusForm detail={detail} onDone={onDone} />],
    ['note', t.note.title, <NoteForm detail={detail} onDone={onDone} />],
  ];
  const visible = panels.filter(([name]) => name !== 'assign' || detail.canAssign);

  return (
    <div className="case-actions">
      {visible.map(([name, title, form]) => (
        <ActionPanel key={name} name={name} title={title} openAtStart={hash === `#action-${name}` || (name === 'note' && Boolean(detail.draft))}>
          {form}
        </ActionPanel>
      ))}
    </div>
  );
}

function ActionPanel({ name, title, openAtStart, children }: { name: ActionName; title: string; openAtStart: boolean; children: ReactNode }) {
  const [open, setOpen] = useState(openAtStart);
  useEffect(() => {
    if (openAtStart) document.getElementById(`action-${name}`)?.scrollIntoView({ block: 'start' });
  }, [openAtStart, name]);
  return (
    <details id={`action-${name}`} className="action-panel" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="action-panel__summary">{title}</summary>
      {/* Closed panels keep their typed text: the form stays mounted. */}
      <div className="action-panel__body">{children}</div>
    </details>
  );
}
