import type { CaseAttachment, DocumentDrafted, InlinePlaceholder } from '@mnpddh/shared';
import type { JournalEntry } from '../../vault/case-entries.js';
import type { ThreadMessage } from '../../vault/thread-messages.js';
import { documentStrings, longDate, type DocumentStrings } from './document-strings.js';
import { isolate } from './font-family.js';

/** One dated line of the chronology or one statement. */
export interface Dated {
  readonly at: Date;
  readonly label: string;
  readonly text?: string;
}

/** Everything a renderer prints, already decrypted and chosen: the renderers never see the case itself. */
export interface DocumentContext {
  readonly document: DocumentDrafted;
  readonly shortId: string;
  readonly issuedAt: Date;
  readonly template: { readonly title: string; readonly body: string };
  readonly values: Partial<Record<InlinePlaceholder, string>>;
  readonly strings: DocumentStrings;
  readonly chronology: readonly Dated[];
  readonly statements: readonly Dated[];
  readonly attachments: readonly CaseAttachment[];
}

export interface CaseSource {
  readonly reference: string;
  readonly receivedAt: Date;
  readonly identity: Record<string, unknown>;
  readonly narrative: string;
  readonly situation: Record<string, unknown>;
  readonly entries: readonly JournalEntry[];
  readonly messages: readonly ThreadMessage[];
  readonly attachments: readonly CaseAttachment[];
}

/** A reference list's label in the document's language (the code itself when unknown). */
export type LabelOf = (list: string, code: string) => string;

export function documentContext(
  document: DocumentDrafted,
  template: { title: string; body: string },
  source: CaseSource,
  issuedAt: Date,
  labelOf: LabelOf,
): DocumentContext {
  const strings = documentStrings(document.language);
  const defender = defenderOf(source.identity);
  const shortId = document.documentId.slice(0, 8);
  return {
    document,
    shortId,
    issuedAt,
    template,
    strings,
    values: {
      reference: source.reference,
      defender_name: isolate(defender.name),
      organisation: isolate(defender.organisation),
      recipient: isolate(document.recipientName),
      date: longDate(issuedAt, document.language),
      received_on: longDate(source.receivedAt, document.language),
      note: document.note,
      document_id: shortId,
    },
    chronology: chronologyOf(source, strings, labelOf),
    statements: statementsOf(source, strings, labelOf),
    attachments: source.attachments,
  };
}

/** The request (new form: identity.defender; older and assisted shapes: identity itself). */
function defenderOf(identity: Record<string, unknown>): { name?: string; organisation?: string } {
  const defender = (typeof identity.defender === 'object' && identity.defender ? identity.defender : identity) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
  return { name: text(defender.name), organisation: text(defender.organisation) };
}

interface Incident {
  types?: string[];
  when?: { date?: string };
  place?: string;
  description?: string;
}

function incidentsOf(situation: Record<string, unknown>): Incident[] {
  return Array.isArray(situation.incidents) ? (situation.incidents as Incident[]) : [];
}

/** What happened and what the mechanism did, dated: the incidents, the case's steps, the exchanges with the person. Internal notes stay out. */
function chronologyOf(source: CaseSource, s: DocumentStrings, labelOf: LabelOf): Dated[] {
  const lines: Dated[] = [{ at: source.receivedAt, label: s.requestReceived }];
  for (const incident of incidentsOf(source.situation)) {
    if (!incident.when?.date) continue;
    const what = (incident.types ?? []).map((type) => labelOf('threat_type', type)).join(', ');
    lines.push({ at: new Date(`${incident.when.date}T00:00:00Z`), label: s.incident, text: [what, incident.place].filter(Boolean).join(' — ') });
  }
  const measures = new Map<string, string>();
  for (const entry of source.entries) {
    const line = entryLine(entry, s, labelOf, measures);
    if (line) lines.push(line);
  }
  for (const message of source.messages) {
    if (message.kind === 'message') lines.push({ at: message.createdAt, label: message.sender === 'defender' ? s.defenderMessage : s.teamMessage });
    if (message.kind === 'file' || message.kind === 'voice') lines.push({ at: message.createdAt, label: s.fileReceived });
  }
  return lines.sort((a, b) => a.at.getTime() - b.at.getTime());
}

function entryLine(entry: JournalEntry, s: DocumentStrings, labelOf: LabelOf, measures: Map<string, string>): Dated | null {
  const data = entry.data as Record<string, string | undefined>;
  const label = (map: Record<string, string>, code: string | undefined) => (code ? (map[code] ?? code) : '');
  switch (entry.kind) {
    case 'status_changed':
      return { at: entry.at, label: s.status, text: `${label(s.statuses, data.from)} → ${label(s.statuses, data.to)}` };
    case 'contact_attempt':
      return { at: data.at ? new Date(data.at) : entry.at, label: s.contact, text: label(s.results, data.result) };
    case 'risk_assessed':
      return { at: entry.at, label: s.risk, text: label(s.riskLevels, data.level) };
    case 'measure_added':
      measures.set(data.measureId ?? '', labelOf('protection_measure', data.measure ?? ''));
      return { at: entry.at, label: s.measureDecided, text: measures.get(data.measureId ?? '') };
    case 'measure_updated':
      return data.status
        ? { at: entry.at, label: s.measureStatus, text: `${measures.get(data.measureId ?? '') ?? ''} — ${label(s.measureStatuses, data.status)}` }
        : null;
    case 'agenda_event':
      return { at: new Date(`${data.on}T00:00:00Z`), label: label(s.agendaKinds, data.kind) };
    default:
      return null;
  }
}

/** In the person's own words: the request's account, each incident's description, their messages. */
function statementsOf(source: CaseSource, s: DocumentStrings, labelOf: LabelOf): Dated[] {
  const statements: Dated[] = [];
  if (source.narrative.trim()) statements.push({ at: source.receivedAt, label: s.narrative, text: source.narrative });
  for (const incident of incidentsOf(source.situation)) {
    if (!incident.description?.trim()) continue;
    const what = (incident.types ?? []).map((type) => labelOf('threat_type', type)).join(', ');
    statements.push({ at: source.receivedAt, label: [s.incident, what].filter(Boolean).join(' — '), text: incident.description });
  }
  for (const message of source.messages) {
    if (message.sender === 'defender' && message.kind === 'message' && message.body.trim()) {
      statements.push({ at: message.createdAt, label: s.defenderMessage, text: message.body });
    }
  }
  return statements;
}
