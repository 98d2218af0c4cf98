import type { ReferenceListName } from '@mnpddh/shared';

/**
 * The reference lists as first seeded (DOMAIN.md). Inserted when missing at
 * start, never overwritten: admins own the labels afterwards. Staff-facing
 * wording (the public form keeps its own plain-language phrasing of the same
 * codes).
 */
export interface SeedItem {
  code: string;
  fr: string;
  en: string;
  uncertain?: boolean;
}

export const REFERENCE_SEED: Record<ReferenceListName, SeedItem[]> = {
  region: [
    { code: 'bamako', fr: 'District de Bamako', en: 'Bamako District' },
    { code: 'kayes', fr: 'Kayes', en: 'Kayes' },
    { code: 'koulikoro', fr: 'Koulikoro', en: 'Koulikoro' },
    { code: 'sikasso', fr: 'Sikasso', en: 'Sikasso' },
    { code: 'segou', fr: 'Ségou', en: 'Ségou' },
    { code: 'mopti', fr: 'Mopti', en: 'Mopti' },
    { code: 'tombouctou', fr: 'Tombouctou', en: 'Timbuktu' },
    { code: 'gao', fr: 'Gao', en: 'Gao' },
    { code: 'kidal', fr: 'Kidal', en: 'Kidal' },
    { code: 'taoudenit', fr: 'Taoudénit', en: 'Taoudénit' },
    { code: 'menaka', fr: 'Ménaka', en: 'Ménaka' },
    { code: 'nioro', fr: 'Nioro', en: 'Nioro' },
    { code: 'kita', fr: 'Kita', en: 'Kita' },
    { code: 'dioila', fr: 'Dioïla', en: 'Dioïla' },
    { code: 'nara', fr: 'Nara', en: 'Nara' },
    { code: 'bougouni', fr: 'Bougouni', en: 'Bougouni' },
    { code: 'koutiala', fr: 'Koutiala', en: 'Koutiala' },
    { code: 'san', fr: 'San', en: 'San' },
    { code: 'douentza', fr: 'Douentza', en: 'Douentza' },
    { code: 'bandiagara', fr: 'Bandiagara', en: 'Bandiagara' },
    { code: 'outside_mali', fr: 'Hors du Mali', en: 'Outside Mali' },
    { code: 'unknown', fr: 'Non précisée', en: 'Not given' },
  ],
  threat_type: [
    { code: 'arrest', fr: 'Arrestation', en: 'Arrest' },
    { code: 'abduction_disappearance', fr: 'Enlèvement ou disparition forcée', en: 'Abduction or enforced disappearance' },
    { code: 'arbitrary_detention', fr: 'Détention arbitraire', en: 'Arbitrary detention' },
    { code: 'judicial_harassment', fr: 'Harcèlement judiciaire (poursuites, convocations)', en: 'Judicial harassment (prosecution, summons)' },
    { code: 'threats_intimidation', fr: 'Menaces et intimidation', en: 'Threats and intimidation' },
    { code: 'harassment', fr: 'Harcèlement', en: 'Harassment' },
    { code: 'surveillance', fr: 'Surveillance', en: 'Surveillance' },
    { code: 'physical_attack', fr: 'Agression physique', en: 'Physical attack' },
    { code: 'raid_search', fr: 'Perquisition ou descente au domicile ou au bureau', en: 'Raid or search of home or office' },
    {
      code: 'digital_attack',
      fr: 'Attaque numérique (compte piraté, téléphone saisi ou fouillé)',
      en: 'Digital attack (hacked account, phone seized or searched)',
    },
    { code: 'defamation', fr: 'Diffamation ou campagne de dénigrement', en: 'Defamation or smear campaign' },
    { code: 'travel_ban', fr: 'Interdiction de voyager', en: 'Travel ban' },
    { code: 'organisation_suspension', fr: "Suspension ou dissolution d'une organisation", en: 'Suspension or dissolution of an organisation' },
    { code: 'forced_exile', fr: 'Exil forcé', en: 'Forced exile' },
    { code: 'killing_of_relative', fr: "Meurtre d'un proche ou d'un collègue", en: 'Killing of a relative or colleague' },
    { code: 'other', fr: 'Autre', en: 'Other' },
  ],
  perpetrator_type: [
    {
      code: 'state_security',
      fr: 'Forces de sécurité (police, gendarmerie, armée, renseignement)',
      en: 'State security forces (police, gendarmerie, army, intelligence)',
    },
    { code: 'judicial_authorities', fr: 'Autorités judiciaires', en: 'Judicial authorities' },
    { code: 'administrative_authorities', fr: 'Autorités administratives', en: 'Administrative authorities' },
    { code: 'armed_groups', fr: 'Groupes armés', en: 'Armed groups' },
    { code: 'militias', fr: "Milices ou groupes d'autodéfense", en: 'Militias or self-defence groups' },
    { code: 'private_actors', fr: 'Particuliers ou entreprises', en: 'Private individuals or companies' },
    { code: 'community_religious_figures', fr: 'Personnalités communautaires ou religieuses', en: 'Community or religious figures' },
    { code: 'unknown', fr: 'Inconnu', en: 'Unknown' },
  ],
  defender_profile: [
    { code: 'journalist', fr: 'Journaliste ou professionnel des médias', en: 'Journalist or media worker' },
    { code: 'online_activist', fr: 'Blogueur ou activiste en ligne', en: 'Blogger or online activist' },
    { code: 'lawyer', fr: 'Avocat', en: 'Lawyer' },
    { code: 'trade_unionist', fr: 'Syndicaliste', en: 'Trade unionist' },
    { code: 'womens_rights', fr: 'Défenseure des droits des femmes', en: "Women's rights defender" },
    {
      code: 'land_environment_community',
      fr: 'Défenseur des droits fonciers, environnementaux ou communautaires',
      en: 'Land, environment or community rights defender',
    },
    { code: 'religious_traditional_leader', fr: 'Chef religieux ou traditionnel', en: 'Religious or traditional leader' },
    { code: 'student_leader', fr: 'Leader étudiant', en: 'Student leader' },
    { code: 'election_governance_watchdog', fr: 'Observateur électoral ou veille de la gouvernance', en: 'Election observer or governance watchdog' },
    { code: 'anti_slavery', fr: "Militant contre l'esclavage par ascendance", en: 'Anti-slavery activist (descent-based slavery)' },
    {
      code: 'disability_albinism_rights',
      fr: 'Droits des personnes handicapées ou atteintes d’albinisme',
      en: 'Rights of persons with disabilities or albinism',
    },
    { code: 'humanitarian_community_worker', fr: 'Travailleur humanitaire ou communautaire', en: 'Humanitarian or community worker' },
    { code: 'human_rights_organisation', fr: "Membre d'une organisation de droits de l'homme", en: 'Member of a human rights organisation' },
    { code: 'other', fr: 'Autre', en: 'Other' },
  ],
  protection_measure: [
    { code: 'urgent_contact_advice', fr: 'Contact urgent et conseils de sécurité', en: 'Urgent contact and safety advice' },
    { code: 'legal_assistance', fr: 'Assistance ou représentation juridique', en: 'Legal assistance or representation' },
    { code: 'accompaniment', fr: 'Accompagnement au tribunal ou au commissariat', en: 'Court or police-station accompaniment' },
    { code: 'detention_visit', fr: 'Visite du lieu de détention (pouvoir de la CNDH)', en: 'Visit to the place of detention (CNDH power)' },
    {
      code: 'authorities_intervention',
      fr: 'Intervention auprès des autorités (lettre, rencontre)',
      en: 'Intervention with the authorities (letter, meeting)',
    },
    { code: 'medical_care', fr: 'Soins médicaux', en: 'Medical care' },
    { code: 'psychosocial_support', fr: 'Soutien psychosocial', en: 'Psychosocial support' },
    { code: 'temporary_relocation', fr: 'Relocalisation temporaire (au Mali ou à l’étranger)', en: 'Temporary relocation (in Mali or abroad)' },
    { code: 'digital_security', fr: 'Soutien en sécurité numérique', en: 'Digital-security support' },
    { code: 'material_support', fr: 'Soutien matériel (téléphone, serrures, transport)', en: 'Material support (phone, locks, transport)' },
    { code: 'partner_referral', fr: 'Orientation vers une organisation partenaire', en: 'Referral to a partner organisation' },
    { code: 'advocacy', fr: 'Plaidoyer public ou privé', en: 'Public or private advocacy' },
    { code: 'follow_up_calls', fr: 'Appels de suivi réguliers', en: 'Periodic follow-up calls' },
  ],
  legal_basis: [
    { code: 'law_2018_003_art_2', fr: 'Loi n°2018-003, art. 2 — définition du défenseur', en: 'Law 2018-003, art. 2 — definition of a defender' },
    {
      code: 'law_2018_003_art_3',
      fr: 'Loi n°2018-003, art. 3 — libre exercice des activités de défense des droits',
      en: 'Law 2018-003, art. 3 — freedom to carry out human rights activities',
    },
    {
      code: 'law_2018_003_art_5',
      fr: 'Loi n°2018-003, art. 5 — pas de poursuite, perquisition, arrestation ou détention pour les opinions ou rapports',
      en: 'Law 2018-003, art. 5 — no prosecution, search, arrest or detention for opinions or reports',
    },
    {
      code: 'law_2018_003_art_6',
      fr: 'Loi n°2018-003, art. 6 — inviolabilité du domicile et des bureaux',
      en: 'Law 2018-003, art. 6 — inviolability of homes and offices',
    },
    {
      code: 'law_2018_003_art_7',
      fr: 'Loi n°2018-003, art. 7 — libre collaboration avec les organes internationaux',
      en: 'Law 2018-003, art. 7 — free engagement with international bodies',
    },
    { code: 'law_2018_003_art_8', fr: 'Loi n°2018-003, art. 8 — droit de recevoir des financements', en: 'Law 2018-003, art. 8 — right to receive funding' },
    {
      code: 'law_2018_003_art_15',
      fr: "Loi n°2018-003, art. 15 — protection par l'État des défenseurs, de leur famille et de leurs collaborateurs",
      en: 'Law 2018-003, art. 15 — State protection of defenders, their family and collaborators',
    },
    {
      code: 'law_2018_003_art_16',
      fr: 'Loi n°2018-003, art. 16 — probablement non-refoulement',
      en: 'Law 2018-003, art. 16 — probably non-refoulement',
      uncertain: true,
    },
    {
      code: 'law_2018_003_art_18',
      fr: 'Loi n°2018-003, art. 18 — protection spécifique des défenseures',
      en: 'Law 2018-003, art. 18 — specific protection of women defenders',
      uncertain: true,
    },
    {
      code: 'law_2018_003_art_19',
      fr: 'Loi n°2018-003, art. 19 — défenseurs en situation de handicap',
      en: 'Law 2018-003, art. 19 — defenders with disabilities',
      uncertain: true,
    },
    {
      code: 'un_declaration_art_1',
      fr: 'Déclaration de l’ONU sur les défenseurs, art. 1 — droit de promouvoir les droits de l’homme',
      en: 'UN Declaration on Defenders, art. 1 — right to promote human rights',
    },
    {
      code: 'un_declaration_art_5',
      fr: 'Déclaration de l’ONU sur les défenseurs, art. 5 — réunion et association',
      en: 'UN Declaration on Defenders, art. 5 — assembly and association',
    },
    {
      code: 'un_declaration_art_6',
      fr: 'Déclaration de l’ONU sur les défenseurs, art. 6 — information',
      en: 'UN Declaration on Defenders, art. 6 — information',
    },
    {
      code: 'un_declaration_art_9',
      fr: 'Déclaration de l’ONU sur les défenseurs, art. 9 — recours effectif, enquête rapide',
      en: 'UN Declaration on Defenders, art. 9 — effective remedy, prompt investigation',
    },
    {
      code: 'un_declaration_art_12',
      fr: 'Déclaration de l’ONU sur les défenseurs, art. 12 — protection par l’État contre les violences et représailles',
      en: 'UN Declaration on Defenders, art. 12 — State protection against violence and retaliation',
    },
  ],
  language: [
    { code: 'bm', fr: 'Bambara', en: 'Bambara' },
    { code: 'ff', fr: 'Peul (fulfulde)', en: 'Fula (Fulfulde)' },
    { code: 'son', fr: 'Songhaï', en: 'Songhay' },
    { code: 'tmh', fr: 'Tamasheq', en: 'Tamasheq' },
    { code: 'snk', fr: 'Soninké', en: 'Soninke' },
    { code: 'dgo', fr: 'Dogon', en: 'Dogon' },
    { code: 'ar', fr: 'Arabe', en: 'Arabic' },
    { code: 'fr', fr: 'Français', en: 'French' },
    { code: 'en', fr: 'Anglais', en: 'English' },
    { code: 'other', fr: 'Autre', en: 'Other' },
  ],
  closure_outcome: [
    { code: 'released', fr: 'Libéré', en: 'Released' },
    { code: 'located', fr: 'Localisé', en: 'Located' },
    { code: 'relocated', fr: 'Relocalisé', en: 'Relocated' },
    { code: 'measures_completed_risk_reduced', fr: 'Mesures réalisées, risque réduit', en: 'Measures completed, risk reduced' },
    { code: 'still_detained', fr: 'Toujours détenu', en: 'Still detained' },
    { code: 'still_missing', fr: 'Toujours disparu', en: 'Still missing' },
    { code: 'killed', fr: 'Tué', en: 'Killed' },
    { code: 'withdrew', fr: 'Demande retirée', en: 'Withdrew' },
    { code: 'contact_lost', fr: 'Contact perdu', en: 'Contact lost' },
  ],
};
