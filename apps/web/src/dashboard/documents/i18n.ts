import type { DocumentKind, DocumentLanguage, DocumentState } from '@mnpddh/shared';
import { useLocale } from '../../i18n/i18n-context';
import type { LocaleCode } from '../../i18n/catalogues';

/** Strings of the documents a case produces and of their templates (French first; plain words). */
const fr = {
  title: 'Documents',
  intro:
    'Dossier pour un avocat, un tribunal ou un organe de l’ONU, attestation de suivi, lettre d’intervention. Un superviseur qui ne l’a pas rédigé approuve chaque document ; il n’est délivré que si la personne a accepté de partager ces informations avec ce destinataire. Chaque page porte le nom du destinataire.',
  empty: 'Aucun document pour ce dossier.',
  draftTitle: 'Préparer un document',
  kind: 'Type de document',
  language: 'Langue du document',
  recipient: 'Type de destinataire',
  recipientName: 'Nom du destinataire du document',
  recipientNameHint: 'Il sera imprimé sur chaque page. Par exemple : Cabinet Maître Diallo, Ambassade du Canada.',
  note: 'Objet ou demande précise (facultatif)',
  noteHint: 'Imprimé dans le document. N’écrivez que ce que la personne a accepté de partager.',
  draft: 'Préparer le document',
  recipientNameRequired: 'Écrivez le nom du destinataire.',
  choose: 'Choisissez…',
  approve: 'Approuver',
  approveLabel: 'Approuver le document pour {recipient}',
  download: 'Télécharger le PDF',
  downloadLabel: 'Télécharger le PDF pour {recipient}',
  draftedOn: 'Préparé le {date} par {name}',
  approvedBy: 'Approuvé par {name}',
  issuedTimes: 'Délivré {count} fois',
  waitingApproval: 'En attente d’un superviseur qui ne l’a pas rédigé.',
  ownDraft: 'Vous l’avez préparé : un autre superviseur doit l’approuver.',
  noConsent:
    'Aucun accord en vigueur ne couvre ce destinataire et ces informations ({fields}) : le téléchargement sera refusé. Enregistrez d’abord l’accord de la personne.',
  templatesLink: 'Modèles de documents',
  states: { draft: 'Brouillon', approved: 'Approuvé', issued: 'Délivré' } satisfies Record<DocumentState, string>,
  kinds: { case_file: 'Dossier (avocat, tribunal, ONU)', attestation: 'Attestation de suivi', intervention_letter: 'Lettre d’intervention' } satisfies Record<
    DocumentKind,
    string
  >,
  languages: { fr: 'Français', en: 'Anglais' } satisfies Record<DocumentLanguage, string>,
  timeline: {
    document_drafted: 'Document préparé : {kind} pour {recipient}',
    document_approved: 'Document approuvé : {kind}',
    document_issued: 'Document délivré : {kind}',
    fingerprint: 'Empreinte SHA-256 du PDF : {sha256}',
  },
  templates: {
    title: 'Modèles de documents',
    lead: 'Le texte des documents que la CNDH délivre. Les champs entre doubles accolades sont remplacés à la délivrance ; une ligne qui commence par « # » devient un titre. Chaque enregistrement crée une nouvelle version : un document déjà préparé garde la version de son modèle.',
    placeholders: 'Champs possibles',
    placeholderHelp: {
      reference: 'référence du dossier',
      defender_name: 'nom de la personne',
      organisation: 'son organisation',
      recipient: 'nom du destinataire',
      date: 'date de délivrance',
      received_on: 'date de réception de la demande',
      note: 'objet écrit par la personne qui prépare',
      document_id: 'numéro court du document',
      chronology: 'seul sur sa ligne : la chronologie (dossier seulement)',
      statements: 'seul sur sa ligne : les déclarations de la personne (dossier seulement)',
      attachments: 'seul sur sa ligne : le tableau des pièces et de leurs empreintes (dossier seulement)',
    },
    titleField: 'Titre',
    body: 'Texte',
    save: 'Enregistrer une nouvelle version',
    version: 'Version {revision}, modifiée le {date}{by}',
    by: ' par {name}',
    loading: 'Chargement des modèles…',
    retry: 'Réessayer',
  },
};

type Catalogue = typeof fr;

const en: Catalogue = {
  title: 'Documents',
  intro:
    'A case file for a lawyer, a court or a UN body, an attestation of follow-up, a letter of intervention. A supervisor who did not draft it approves each document; it is issued only if the person agreed to share this information with this recipient. Every page carries the recipient’s name.',
  empty: 'No document for this case.',
  draftTitle: 'Prepare a document',
  kind: 'Kind of document',
  language: 'Language of the document',
  recipient: 'Kind of recipient',
  recipientName: 'Name of the document’s recipient',
  recipientNameHint: 'Printed on every page. For example: Diallo Law Chambers, Embassy of Canada.',
  note: 'Subject or specific request (optional)',
  noteHint: 'Printed in the document. Write only what the person agreed to share.',
  draft: 'Prepare the document',
  recipientNameRequired: 'Write the name of the recipient.',
  choose: 'Choose…',
  approve: 'Approve',
  approveLabel: 'Approve the document for {recipient}',
  download: 'Download the PDF',
  downloadLabel: 'Download the PDF for {recipient}',
  draftedOn: 'Prepared on {date} by {name}',
  approvedBy: 'Approved by {name}',
  issuedTimes: 'Issued {count} times',
  waitingApproval: 'Waiting for a supervisor who did not draft it.',
  ownDraft: 'You prepared it: another supervisor must approve it.',
  noConsent: 'No consent in force covers this recipient and this information ({fields}): the download will be refused. Record the person’s consent first.',
  templatesLink: 'Document templates',
  states: { draft: 'Draft', approved: 'Approved', issued: 'Issued' },
  kinds: { case_file: 'Case file (lawyer, court, UN)', attestation: 'Attestation of follow-up', intervention_letter: 'Letter of intervention' },
  languages: { fr: 'French', en: 'English' },
  timeline: {
    document_drafted: 'Document prepared: {kind} for {recipient}',
    document_approved: 'Document approved: {kind}',
    document_issued: 'Document issued: {kind}',
    fingerprint: 'SHA-256 fingerprint of the PDF: {sha256}',
  },
  templates: {
    title: 'Document templates',
    lead: 'The text of the documents the CNDH issues. Fields in double braces are replaced when a document is issued; a line starting with “#” becomes a heading. Each save creates a new version: a document already prepared keeps the version of its template.',
    placeholders: 'Possible fields',
    placeholderHelp: {
      reference: 'case reference',
      defender_name: 'name of the person',
      organisation: 'their organisation',
      recipient: 'name of the recipient',
      date: 'date of issue',
      received_on: 'date the request was received',
      note: 'subject written by whoever prepares it',
      document_id: 'short number of the document',
      chronology: 'alone on its line: the chronology (case file only)',
      statements: 'alone on its line: the person’s statements (case file only)',
      attachments: 'alone on its line: the table of attachments and fingerprints (case file only)',
    },
    titleField: 'Title',
    body: 'Text',
    save: 'Save a new version',
    version: 'Version {revision}, changed on {date}{by}',
    by: ' by {name}',
    loading: 'Loading the templates…',
    retry: 'Try again',
  },
};

const CATALOGUES: Record<LocaleCode, Catalogue> = { fr, en };

export function useDocumentsT(): Catalogue {
  const [locale] = useLocale();
  return CATALOGUES[locale];
}
