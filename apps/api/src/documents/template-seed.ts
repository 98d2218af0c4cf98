import type { DocumentKind, DocumentLanguage } from '@mnpddh/shared';

/**
 * The templates as first seeded, in the CNDH's voice (Loi n°2018-003 du
 * 12 janvier 2018). Inserted as revision 1 when a kind and language has none;
 * never overwritten: admins and supervisors own the wording afterwards.
 * A line holding only {{chronology}}, {{statements}} or {{attachments}}
 * becomes that section of the case file; a line starting with "# " a heading.
 */
export const TEMPLATE_SEED: Record<DocumentKind, Record<DocumentLanguage, { title: string; body: string }>> = {
  case_file: {
    fr: {
      title: 'Dossier de protection — {{reference}}',
      body: `Bamako, le {{date}}

À l'attention de : {{recipient}}

La Commission Nationale des Droits de l'Homme (CNDH), qui assure la mission du Mécanisme national de protection des défenseurs des droits de l'homme (Loi n°2018-003 du 12 janvier 2018), transmet le dossier ci-dessous concernant {{defender_name}} ({{organisation}}), reçu le {{received_on}} sous la référence {{reference}}.

Ce dossier est communiqué avec l'accord de la personne concernée. Il ne peut être transmis à un tiers sans l'accord de la CNDH.

{{note}}

# Chronologie
{{chronology}}
# Déclarations de la personne
{{statements}}
# Pièces jointes et empreintes
Chaque pièce est identifiée par son empreinte SHA-256, calculée par la CNDH à sa réception. Une copie dont l'empreinte diffère n'est pas la pièce reçue.
{{attachments}}

Pour la Commission Nationale des Droits de l'Homme`,
    },
    en: {
      title: 'Protection case file — {{reference}}',
      body: `Bamako, {{date}}

For the attention of: {{recipient}}

The National Human Rights Commission of Mali (CNDH), which carries out the mission of the national mechanism for the protection of human rights defenders (Law n°2018-003 of 12 January 2018), hereby transmits the case file of {{defender_name}} ({{organisation}}), received on {{received_on}} under reference {{reference}}.

This file is shared with the consent of the person concerned. It may not be passed on to any third party without the CNDH's agreement.

{{note}}

# Chronology
{{chronology}}
# Statements of the person
{{statements}}
# Attachments and fingerprints
Each item is identified by its SHA-256 fingerprint, computed by the CNDH when it was received. A copy whose fingerprint differs is not the item received.
{{attachments}}

For the National Human Rights Commission`,
    },
  },
  attestation: {
    fr: {
      title: 'Attestation de suivi',
      body: `Bamako, le {{date}}

À l'attention de : {{recipient}}

La Commission Nationale des Droits de l'Homme (CNDH), chargée du Mécanisme national de protection des défenseurs des droits de l'homme par la Loi n°2018-003 du 12 janvier 2018, atteste que {{defender_name}} ({{organisation}}) fait l'objet d'un suivi par ses services depuis le {{received_on}}, sous la référence {{reference}}, en raison de risques liés à ses activités de défense des droits de l'homme.

{{note}}

La présente attestation est délivrée à la demande de l'intéressé(e), pour servir et valoir ce que de droit.

Pour la Commission Nationale des Droits de l'Homme`,
    },
    en: {
      title: 'Attestation of protection follow-up',
      body: `Bamako, {{date}}

For the attention of: {{recipient}}

The National Human Rights Commission of Mali (CNDH), entrusted with the national mechanism for the protection of human rights defenders by Law n°2018-003 of 12 January 2018, certifies that {{defender_name}} ({{organisation}}) has been followed by its services since {{received_on}}, under reference {{reference}}, because of risks linked to their work as a human rights defender.

{{note}}

This attestation is issued at the request of the person concerned, for whatever purpose it may serve.

For the National Human Rights Commission`,
    },
  },
  intervention_letter: {
    fr: {
      title: "Lettre d'intervention — {{reference}}",
      body: `Bamako, le {{date}}

À l'attention de : {{recipient}}

Objet : situation de {{defender_name}}, défenseur(e) des droits de l'homme

Madame, Monsieur,

La Commission Nationale des Droits de l'Homme (CNDH), en sa qualité de Mécanisme national de protection des défenseurs des droits de l'homme (Loi n°2018-003 du 12 janvier 2018), a été saisie le {{received_on}} de la situation de {{defender_name}} ({{organisation}}).

{{note}}

La Loi n°2018-003 fait obligation à l'État de protéger les défenseurs des droits de l'homme contre toute violence, menace, représaille ou pression dans l'exercice légitime de leurs activités. La CNDH vous prie de bien vouloir prendre les mesures nécessaires et de l'informer des suites réservées à la présente, sous la référence {{reference}}.

Veuillez agréer, Madame, Monsieur, l'expression de notre haute considération.

Pour la Commission Nationale des Droits de l'Homme`,
    },
    en: {
      title: 'Letter of intervention — {{reference}}',
      body: `Bamako, {{date}}

For the attention of: {{recipient}}

Subject: the situation of {{defender_name}}, human rights defender

Dear Sir or Madam,

The National Human Rights Commission of Mali (CNDH), as the national mechanism for the protection of human rights defenders (Law n°2018-003 of 12 January 2018), was seized on {{received_on}} of the situation of {{defender_name}} ({{organisation}}).

{{note}}

Law n°2018-003 requires the State to protect human rights defenders against any violence, threat, reprisal or pressure in the legitimate exercise of their activities. The CNDH respectfully asks you to take the necessary measures and to inform it of the action taken, quoting reference {{reference}}.

Yours faithfully,

For the National Human Rights Commission`,
    },
  },
};
