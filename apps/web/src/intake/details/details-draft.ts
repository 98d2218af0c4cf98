import type {
  AGE_GROUPS,
  DISCLOSING_MEASURE_CODES,
  DEFENDER_PROFILES,
  GENDERS,
  PERPETRATOR_TYPES,
  PROTECTION_MEASURES,
  REGIONS,
  SPOKEN_LANGUAGES,
  THREAT_TYPES,
  Tristate,
} from '@mnpddh/shared';

export type DefenderProfile = (typeof DEFENDER_PROFILES)[number];
export type Gender = (typeof GENDERS)[number] | 'prefer_not_to_say';
export type AgeGroup = (typeof AGE_GROUPS)[number] | 'unknown';
export type Disability = 'yes' | 'no' | 'prefer_not_to_say';
export type Language = (typeof SPOKEN_LANGUAGES)[number];
export type Region = (typeof REGIONS)[number];
export type ThreatType = (typeof THREAT_TYPES)[number];
export type Perpetrator = (typeof PERPETRATOR_TYPES)[number];
export type Measure = (typeof PROTECTION_MEASURES)[number];
export type DisclosingMeasure = (typeof DISCLOSING_MEASURE_CODES)[number];
export type OtherRelationship = 'family' | 'collaborator' | 'other';

export interface OtherPersonDraft {
  /** Stable React key: people can be removed from the middle of the list. */
  key: number;
  name: string;
  relationship: OtherRelationship | '';
  details: string;
}

export interface IncidentDraft {
  key: number;
  types: ThreatType[];
  date: string;
  time: string;
  approximate: boolean;
  region: Region | '';
  place: string;
  perpetrators: Perpetrator[];
  description: string;
  ongoing: Tristate | '';
  lastSeenPlace: string;
  takenBy: string;
  believedHeldAt: string;
}

/** The optional part of a request, as typed: sent later through follow-up. */
export interface DetailsDraft {
  submitterKind: 'self' | 'third_party' | '';
  relationship: string;
  name: string;
  organisation: string;
  profiles: DefenderProfile[];
  profileOther: string;
  gender: Gender | '';
  ageGroup: AgeGroup | '';
  disability: Disability | '';
  languages: Language[];
  professionalCard: Tristate | '';
  others: OtherPersonDraft[];
  region: Region | '';
  locality: string;
  incidents: IncidentDraft[];
  measures: Measure[];
  /** Of the measures that reveal the defender, those they agree to (a consent for each disclosure). */
  agreesToDisclose: DisclosingMeasure[];
  helpOther: string;
  lawyer: Tristate | '';
  police: Tristate | '';
  organisations: string;
}

let nextKey = 1;
const newKey = () => nextKey++;

export const emptyOther = (): OtherPersonDraft => ({ key: newKey(), name: '', relationship: '', details: '' });

export const emptyIncident = (): IncidentDraft => ({
  key: newKey(),
  types: [],
  date: '',
  time: '',
  approximate: false,
  region: '',
  place: '',
  perpetrators: [],
  description: '',
  ongoing: '',
  lastSeenPlace: '',
  takenBy: '',
  believedHeldAt: '',
});

export function emptyDetails(): DetailsDraft {
  return {
    submitterKind: '',
    relationship: '',
    name: '',
    organisation: '',
    profiles: [],
    profileOther: '',
    gender: '',
    ageGroup: '',
    disability: '',
    languages: [],
    professionalCard: '',
    others: [],
    region: '',
    locality: '',
    incidents: [emptyIncident()],
    measures: [],
    agreesToDisclose: [],
    helpOther: '',
    lawyer: '',
    police: '',
    organisations: '',
  };
}

/** Arrest, abduction or detention: the form asks where the person was last seen, who took them, where they are held. */
export const DETENTION_TYPES: readonly ThreatType[] = ['arrest', 'abduction_disappearance', 'arbitrary_detention'];
export const isDetention = (incident: IncidentDraft) => incident.types.some((type) => DETENTION_TYPES.includes(type));

const text = (value: string) => (value.trim() === '' ? undefined : value);
const choice = <T extends string>(value: T | '') => (value === '' ? undefined : value);
const list = <T>(values: readonly T[]) => (values.length > 0 ? values : undefined);

/** Drops keys whose value is undefined; an object left empty becomes undefined. */
function compact<T extends Record<string, unknown>>(object: T): Partial<T> | undefined {
  const kept = Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
  return Object.keys(kept).length > 0 ? (kept as Partial<T>) : undefined;
}

function incidentInput(incident: IncidentDraft) {
  const detention = isDetention(incident);
  const when = incident.date || incident.time ? { date: incident.date, time: text(incident.time), approximate: incident.approximate } : undefined;
  return compact({
    types: list(incident.types),
    when,
    region: choice(incident.region),
    place: text(incident.place),
    perpetrators: list(incident.perpetrators),
    description: text(incident.description),
    ongoing: choice(incident.ongoing),
    // Typed under a detention type and then un-chosen: not sent.
    lastSeenPlace: detention ? text(incident.lastSeenPlace) : undefined,
    takenBy: detention ? text(incident.takenBy) : undefined,
    believedHeldAt: detention ? text(incident.believedHeldAt) : undefined,
  });
}

/**
 * The object the shared `RequestDetails` schema checks: only what was
 * answered, so an untouched question sends nothing (not even an empty value).
 */
export function toDetailsInput(draft: DetailsDraft): Record<string, unknown> {
  const others = draft.others
    .map((other) => compact({ name: text(other.name), relationship: choice(other.relationship), details: text(other.details) }))
    .filter((other) => other !== undefined);
  const incidents = draft.incidents.map(incidentInput).filter((incident) => incident !== undefined);
  return (
    compact({
      submitter: draft.submitterKind
        ? { kind: draft.submitterKind, relationship: draft.submitterKind === 'third_party' ? text(draft.relationship) : undefined }
        : undefined,
      defender: compact({
        name: text(draft.name),
        organisation: text(draft.organisation),
        profiles: list(draft.profiles),
        profileOther: draft.profiles.includes('other') ? text(draft.profileOther) : undefined,
        gender: choice(draft.gender),
        ageGroup: choice(draft.ageGroup),
        disability: choice(draft.disability),
        languages: list(draft.languages),
        professionalCard: choice(draft.professionalCard),
      }),
      othersAtRisk: list(others),
      location: compact({ region: choice(draft.region), locality: text(draft.locality) }),
      incidents: list(incidents),
      help: compact({
        measures: list(draft.measures),
        other: text(draft.helpOther),
        agreesToDisclose: list(draft.agreesToDisclose.filter((measure) => draft.measures.includes(measure))),
      }),
      alreadyContacted: compact({ lawyer: choice(draft.lawyer), police: choice(draft.police), organisations: text(draft.organisations) }),
    }) ?? {}
  );
}

/**
 * The six short screens of "Ajouter des détails", and the schema paths each
 * one asks. What happened comes first: after an abduction, where the person
 * was last seen and who took them matter most, and a tired person may stop
 * after one screen.
 */
export const DETAIL_STEPS = [
  { name: 'incidents', paths: ['incidents'] },
  { name: 'where', paths: ['location'] },
  { name: 'who', paths: ['submitter', 'defender.name', 'defender.organisation', 'defender.profiles', 'defender.profileOther'] },
  { name: 'person', paths: ['defender.gender', 'defender.ageGroup', 'defender.disability', 'defender.languages'] },
  { name: 'others', paths: ['othersAtRisk'] },
  { name: 'help', paths: ['help', 'alreadyContacted', 'defender.professionalCard'] },
] as const;

export type DetailStepName = (typeof DETAIL_STEPS)[number]['name'];

/** The screen that holds a dotted path (errors from the schema or the server). */
export function detailStepOf(path: string): number {
  const index = DETAIL_STEPS.findIndex(({ paths }) => (paths as readonly string[]).some((prefix) => path === prefix || path.startsWith(`${prefix}.`)));
  return index < 0 ? 0 : index;
}

/** Which people and incidents of the draft `toDetailsInput` keeps (empty ones are left out), by their index in the draft. */
function keptIndexes(draft: DetailsDraft): Record<'othersAtRisk' | 'incidents', number[]> {
  const indexes = <T>(items: readonly T[], toInput: (item: T) => unknown) => items.flatMap((item, index) => (toInput(item) === undefined ? [] : [index]));
  return {
    othersAtRisk: indexes(draft.others, (other) => compact({ name: text(other.name), relationship: choice(other.relationship), details: text(other.details) })),
    incidents: indexes(draft.incidents, incidentInput),
  };
}

/**
 * Errors name items by their place in what was sent; the screen shows the
 * draft, empty items included: `incidents.0.when.date` may be the draft's
 * second incident.
 */
export function toDraftPaths<T extends Record<string, string>>(errors: T, draft: DetailsDraft): Record<string, string> {
  const kept = keptIndexes(draft);
  const mapped: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    const [top, index, ...rest] = path.split('.');
    const list = top === 'othersAtRisk' || top === 'incidents' ? kept[top] : undefined;
    const draftIndex = list && index !== undefined ? list[Number(index)] : undefined;
    mapped[draftIndex === undefined ? path : [top, draftIndex, ...rest].join('.')] = message;
  }
  return mapped;
}
