import type { DisclosableField } from '@mnpddh/shared';
import type { CaseContent } from '../vault/case-content.js';
import type { JournalEntry } from '../vault/case-entries.js';

/*
 * The redacted sheet a partner receives: built field by field from the
 * decrypted request, each section present only when its field was consented
 * to and sent. Anything not named here never reaches the sheet.
 */

export interface SheetInput {
  reference: string;
  partnerName: string;
  sentAt: Date;
  fields: readonly DisclosableField[];
  note?: string;
  content: CaseContent;
  entries: readonly JournalEntry[];
  attachmentCount: number;
}

type Lines = string[];
type Dict = Record<string, unknown>;

const LABELS: Record<DisclosableField, string> = {
  identity: 'Identité',
  contact: 'Contact sûr',
  location: 'Lieu',
  narrative: 'Ce qui se passe (résumé)',
  incidents: 'Incidents',
  attachments: 'Pièces jointes',
  risk_assessment: 'Évaluation du risque',
};

const SECTIONS: Record<DisclosableField, (input: SheetInput) => Lines> = {
  identity: ({ content }) => identityLines(content.identity),
  contact: ({ content }) => contactLines(content.contact),
  location: ({ content }) => locationLines(content),
  narrative: ({ content }) => (content.narrative ? [content.narrative] : []),
  incidents: ({ content }) => incidentLines(content.situation),
  attachments: ({ attachmentCount }) => [`${attachmentCount} pièce(s) jointe(s), transmise(s) séparément si nécessaire.`],
  risk_assessment: ({ entries }) => riskLines(entries),
};

export function referralSheet(input: SheetInput): string {
  const lines: Lines = [
    'Fiche d’orientation — MNPDDH / CNDH Mali',
    'CONFIDENTIEL : informations partagées avec l’accord de la personne, pour cette orientation seulement.',
    '',
    `Référence : ${input.reference}`,
    `Partenaire : ${input.partnerName}`,
    `Envoyée le : ${input.sentAt.toISOString().slice(0, 10)}`,
    `Informations partagées : ${input.fields.map((field) => LABELS[field]).join(', ')}`,
  ];
  if (input.note) lines.push('', 'Message de l’équipe protection :', input.note);
  for (const field of input.fields) {
    const section = SECTIONS[field](input);
    lines.push('', `## ${LABELS[field]}`, ...(section.length ? section : ['(non renseigné)']));
  }
  return `${lines.join('\n')}\n`;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function line(label: string, value: unknown): Lines {
  const shown = Array.isArray(value) ? value.filter((v) => typeof v === 'string').join(', ') : text(value);
  return shown ? [`${label} : ${shown}`] : [];
}

function dict(value: unknown): Dict {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Dict) : {};
}

/** Names only: the defender (or the name typed in for them) and the others at risk. */
function identityLines(identity: Dict): Lines {
  const defender = dict(identity.defender);
  const others = Array.isArray(identity.othersAtRisk) ? identity.othersAtRisk.map(dict) : [];
  return [
    ...line('Nom', defender.name ?? identity.name),
    ...line('Organisation', defender.organisation ?? identity.organisation),
    ...others.flatMap((other) => line(`Autre personne en danger (${text(other.relationship) ?? 'autre'})`, other.name)),
  ];
}

function contactLines(contact: Dict): Lines {
  return [
    ...line('Moyens', contact.methods),
    ...line('Téléphone', contact.phone),
    ...line('E-mail', contact.email),
    ...line('Personne de confiance', contact.trustedPerson),
    ...line('Heures sûres', contact.safeTimes),
    ...line('Langue', contact.callbackLanguage),
  ];
}

function locationLines(content: CaseContent): Lines {
  const location = dict(dict(content.situation).location);
  return [...line('Région', location.region ?? content.categories.region), ...line('Localité', location.locality)];
}

function incidentLines(situation: Dict): Lines {
  const incidents = Array.isArray(situation.incidents) ? situation.incidents.map(dict) : [];
  return incidents.flatMap((incident, index) => [
    `Incident ${index + 1}`,
    ...line('  Types', incident.types),
    ...line('  Date', dict(incident.when).date),
    ...line('  Lieu', incident.place),
    ...line('  Auteurs', incident.perpetrators),
    ...line('  Description', incident.description),
    ...line('  Vu pour la dernière fois à', incident.lastSeenPlace),
    ...line('  Emmené par', incident.takenBy),
    ...line('  Détenu probablement à', incident.believedHeldAt),
  ]);
}

/** The latest level only, not the scores or notes. */
function riskLines(entries: readonly JournalEntry[]): Lines {
  const latest = entries.filter((entry) => entry.kind === 'risk_assessed').at(-1);
  if (!latest) return [];
  const data = latest.data as { level?: string; urgentProcedure?: boolean };
  return [
    ...line('Niveau', data.level),
    `Évaluée le : ${latest.at.toISOString().slice(0, 10)}`,
    ...(data.urgentProcedure ? ['Procédure d’urgence : oui'] : []),
  ];
}
