import type { CaseDetail, CaseEntryView, CaseThreadEntry } from '@mnpddh/shared';
import type { ReactNode } from 'react';
import { useLocale } from '../../i18n/i18n-context';
import { useAgendaT } from '../agenda/i18n';
import { useCaseWorkT } from '../case-work/i18n';
import { useCaseLinksT } from '../case-links/i18n';
import { useDataSubjectT } from '../data-subject/i18n';
import { LegalBasisName } from '../case-work/legal-basis';
import { useConsentEntryDescriber, useConsentThreadDescriber } from '../case-work/consent-timeline';
import { useDocumentEntryDescriber } from '../documents/document-timeline';
import { formatDateTime, format } from '../format';
import { useReferenceList } from '../reference/use-reference';
import { fill } from '../../ui/fill';
import { useDetailsDescriber } from './details-timeline';
import { ErrorSummary } from '../forms/error-summary';
import { useCasesT } from './i18n';
import { useOlderEntries } from './use-older-entries';
import { longDay } from './when';

interface Item {
  key: string;
  at: string;
  kind: string;
  title: ReactNode;
  who: string;
  lines: ReactNode[];
}

/**
 * Everything that happened, newest first: the staff journal (status, contact
 * attempts, assessments, legal bases, measures, assignments, notes), the
 * thread with the defender, and the reception. Every value is rendered as
 * text by React: nothing from the case is ever read as HTML. The case view
 * carries the latest journal entries; older ones come when asked.
 */
export function Timeline({ detail }: { detail: CaseDetail }) {
  const t = useCasesT();
  const [locale] = useLocale();
  const describe = useEntryDescriber(detail);
  const describeThread = useThreadDescriber();
  const older = useOlderEntries(detail);
  const entries = [...older.entries, ...detail.entries].map(describe);
  // While older entries are left to load, nothing older than those shown: the thread and the reception would sit among missing entries.
  const from = older.before === null ? Number.NEGATIVE_INFINITY : Math.min(...entries.map((item) => Date.parse(item.at)));
  const items: Item[] = [
    { key: 'reception', at: detail.index.arrivedAt ?? detail.index.receivedAt, kind: 'reception', title: t.timeline.reception, who: '', lines: [] },
    ...entries,
    // Details the defender added show as their own journal entry ('details_added'), labelled.
    ...detail.thread.filter((entry) => entry.kind !== 'details').map(describeThread),
  ]
    .filter((item) => Date.parse(item.at) >= from)
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at));

  return (
    <>
      <TimelineItems items={items} locale={locale} />
      {older.before !== null ? (
        <div className="timeline__older">
          <ErrorSummary errors={older.errors} fieldIds={{}} />
          <button type="button" className="button button--secondary" disabled={older.busy} onClick={() => void older.loadOlder()}>
            {older.busy ? t.timeline.loadingOlder : t.timeline.showOlder}
          </button>
        </div>
      ) : null}
    </>
  );
}

function TimelineItems({ items, locale }: { items: Item[]; locale: ReturnType<typeof useLocale>[0] }) {
  return (
    <ol className="timeline">
      {items.map((item) => (
        <li key={item.key} className={`timeline__item timeline__item--${item.kind}`}>
          <p className="timeline__meta">
            <time dateTime={item.at}>{formatDateTime(item.at, locale)}</time>
            {item.who ? <span> · {item.who}</span> : null}
          </p>
          <p className="timeline__title">{item.title}</p>
          {item.lines.map((line, index) => (
            <p key={index} className="timeline__line prewrap">
              {line}
            </p>
          ))}
        </li>
      ))}
    </ol>
  );
}

function useThreadDescriber() {
  const t = useCasesT();
  const consentThread = useConsentThreadDescriber();
  return (entry: CaseThreadEntry): Item => {
    const fromTeam = entry.from === 'protection_team';
    if (entry.kind === 'consent') {
      return {
        key: `thread-${entry.seq}`,
        at: entry.at,
        kind: fromTeam ? 'team' : 'defender',
        who: fromTeam ? t.timeline.team : t.timeline.defender,
        ...consentThread(entry),
      };
    }
    const titles = {
      message: fromTeam ? t.timeline.fromTeam : t.timeline.fromDefender,
      details: t.timeline.defenderDetails,
      consent: t.timeline.defenderConsent,
      file: t.timeline.defenderFile,
      voice: t.timeline.defenderVoice,
    };
    return {
      key: `thread-${entry.seq}`,
      at: entry.at,
      kind: fromTeam ? 'team' : 'defender',
      title: titles[entry.kind],
      who: fromTeam ? t.timeline.team : t.timeline.defender,
      lines: entry.body ? [entry.body] : [],
    };
  };
}

function useEntryDescriber(detail: CaseDetail) {
  const t = useCasesT();
  const w = useCaseWorkT();
  const ag = useAgendaT();
  const cl = useCaseLinksT();
  const ds = useDataSubjectT();
  const consents = useConsentEntryDescriber();
  const documents = useDocumentEntryDescriber(detail.documents);
  const addedDetails = useDetailsDescriber();
  const [locale] = useLocale();
  const measures = useReferenceList('protection_measure');
  const outcomes = useReferenceList('closure_outcome');
  const tl = t.timeline;

  return (entry: CaseEntryView): Item => {
    const base = { key: entry.id, at: entry.at, kind: entry.kind, who: format(tl.by, { name: entry.author.name }) };
    const labelled = (label: string, value: string) => `${label}${t.colon}${value}`;
    switch (entry.kind) {
      case 'status_changed': {
        const d = entry.data;
        return {
          ...base,
          title: format(tl.status_changed, { from: t.status[d.from], to: t.status[d.to] }),
          lines: [
            labelled(tl.reason, d.reason),
            ...(d.outcome ? [labelled(tl.outcome, outcomes.label(d.outcome))] : []),
            ...(d.defenderInformed ? [tl.defenderInformed] : []),
            ...(d.overrideReason ? [labelled(w.status.overrideReason, d.overrideReason)] : []),
          ],
        };
      }
      case 'contact_attempt': {
        const d = entry.data;
        return {
          ...base,
          at: d.at,
          title: format(tl.contact_attempt, { channel: w.contact.channels[d.channel], result: w.contact.results[d.result] }),
          lines: [...(d.note ? [d.note] : []), ...(d.nextContactOn ? [format(tl.nextContact, { date: longDay(d.nextContactOn, locale) })] : [])],
        };
      }
      case 'risk_assessed': {
        const d = entry.data;
        const factorNote = (label: string, note: string | undefined) => (note ? [labelled(label, note)] : []);
        return {
          ...base,
          title: format(tl.risk_assessed, { level: w.risk.levels[d.level] }),
          lines: [
            format(tl.scores, { t: d.threats.score, v: d.vulnerabilities.score, c: d.capacities.score, suggested: w.risk.levels[d.suggested] }),
            ...factorNote(w.risk.threats, d.threats.note),
            ...factorNote(w.risk.vulnerabilities, d.vulnerabilities.note),
            ...factorNote(w.risk.capacities, d.capacities.note),
            ...(d.overrideReason ? [labelled(tl.overrideReason, d.overrideReason)] : []),
            ...(d.urgentProcedure ? [tl.urgentProcedure] : []),
            format(tl.reassessmentDue, { date: longDay(d.reassessmentDue, locale) }),
          ],
        };
      }
      case 'legal_basis_cited':
        return {
          ...base,
          title: fill(tl.legal_basis_cited, { basis: <LegalBasisName code={entry.data.basis} /> }),
          lines: entry.data.note ? [entry.data.note] : [],
        };
      case 'legal_basis_withdrawn':
        return { ...base, title: tl.legal_basis_withdrawn, lines: [labelled(tl.reason, entry.data.reason)] };
      case 'agenda_event':
        return {
          ...base,
          title: format(ag.timeline, { kind: ag.kinds[entry.data.kind], date: longDay(entry.data.on, locale) }),
          lines: entry.data.note ? [entry.data.note] : [],
        };
      case 'agenda_event_cancelled': {
        // The event may be on an older page: the server folded every event of the journal.
        const event = detail.agendaEvents.find((other) => other.id === entry.data.eventId);
        const what = event ? format(ag.timeline, { kind: ag.kinds[event.kind], date: longDay(event.on, locale) }) : '';
        return { ...base, title: format(ag.cancelledTimeline, { event: what }), lines: [labelled(tl.reason, entry.data.reason)] };
      }
      case 'measure_added': {
        const d = entry.data;
        return {
          ...base,
          title: format(tl.measure_added, { measure: measures.label(d.measure) }),
          lines: [
            format(tl.measureStatus, { status: w.measures.statuses[d.status] }),
            ...(d.due ? [format(tl.due, { date: longDay(d.due, locale) })] : []),
            ...(d.notes ? [d.notes] : []),
          ],
        };
      }
      case 'measure_updated': {
        const d = entry.data;
        const measure = measureName(entry.data.measureId);
        return {
          ...base,
          title: format(tl.measure_updated, { measure }),
          lines: [
            ...(d.status ? [format(tl.measureStatus, { status: w.measures.statuses[d.status] })] : []),
            ...(d.due ? [format(tl.due, { date: longDay(d.due, locale) })] : []),
            ...(d.notes ? [d.notes] : []),
          ],
        };
      }
      case 'assigned':
        return { ...base, title: format(tl.assigned, { name: entry.data.assigneeName }), lines: [] };
      case 'note':
        return { ...base, title: tl.note, lines: [entry.data.body] };
      case 'consent_recorded':
      case 'consent_confirmed':
      case 'consent_withdrawn':
      case 'disclosure_exception':
      case 'referral_sent':
      case 'referral_answered':
        return { ...base, ...consents(entry) };
      case 'document_drafted':
      case 'document_approved':
      case 'document_issued':
        return { ...base, ...documents(entry) };
      case 'case_linked':
        return {
          ...base,
          title: format(cl.timeline.case_linked, { reference: entry.data.otherReference, relation: cl.relations[entry.data.relation] }),
          lines: [labelled(cl.reason, entry.data.reason)],
        };
      case 'case_unlinked':
        return { ...base, title: format(cl.timeline.case_unlinked, { reference: entry.data.otherReference }), lines: [labelled(cl.reason, entry.data.reason)] };
      case 'collective_subject':
        return {
          ...base,
          title: format(cl.timeline.collective_subject, { name: entry.data.name, kind: cl.collective.kinds[entry.data.kind] }),
          lines: entry.data.note ? [entry.data.note] : [],
        };
      case 'details_added':
        return { ...base, at: entry.data.addedAt, who: t.timeline.defender, ...addedDetails(entry.data) };
      case 'data_subject_request':
        return {
          ...base,
          title: format(ds.timeline, { right: ds.rightShort[entry.data.right] }),
          lines: [
            format(ds.checkedLine, { check: ds.checks[entry.data.verifiedBy] }),
            ...(entry.data.correction ? [entry.data.correction] : []),
            ...(entry.data.note ? [entry.data.note] : []),
          ],
        };
    }
  };

  // The update names its measure by id: find what it is.
  function measureName(measureId: string): string {
    const found = detail.measures.find((measure) => measure.id === measureId);
    return found ? measures.label(found.measure) : '';
  }
}
