import type { AssistedRequest, CONTACT_METHODS, Tristate } from '@mnpddh/shared';

/*
 * What the caseworker has typed so far, as plain strings and lists; turned
 * into the shared AssistedRequest shape only to validate and send. Nothing
 * of it is ever stored on the device.
 */

export type Channel = AssistedRequest['channel'];
export type ContactMethod = (typeof CONTACT_METHODS)[number];
export type Gender = NonNullable<NonNullable<AssistedRequest['request']['defender']>['gender']>;

export interface IncidentDraft {
  /** Stable React key: incidents can be removed from the middle. */
  key: string;
  types: string[];
  date: string;
  approximate: boolean;
  place: string;
  perpetrators: string[];
  lastSeenPlace: string;
  takenBy: string;
  believedHeldAt: string;
  description: string;
}

export interface Draft {
  channel: Channel | '';
  withholdReceipt: boolean;
  summary: string;
  detainedOrMissing: Tristate | '';
  lifeInDanger: Tristate | '';
  submitterKind: 'self' | 'third_party' | '';
  relationship: string;
  methods: ContactMethod[];
  phone: string;
  email: string;
  trustedPerson: string;
  safeTimes: string;
  mayLeaveMessage: Tristate | '';
  callbackLanguage: string;
  consentProcessing: boolean;
  sharingWithPartners: boolean;
  name: string;
  organisation: string;
  profiles: string[];
  gender: Gender | '';
  languages: string[];
  region: string;
  locality: string;
  incidents: IncidentDraft[];
  helpMeasures: string[];
  helpOther: string;
}

export const emptyDraft: Draft = {
  channel: '',
  withholdReceipt: false,
  summary: '',
  detainedOrMissing: '',
  lifeInDanger: '',
  submitterKind: '',
  relationship: '',
  methods: [],
  phone: '',
  email: '',
  trustedPerson: '',
  safeTimes: '',
  mayLeaveMessage: '',
  callbackLanguage: '',
  consentProcessing: false,
  sharingWithPartners: false,
  name: '',
  organisation: '',
  profiles: [],
  gender: '',
  languages: [],
  region: '',
  locality: '',
  incidents: [],
  helpMeasures: [],
  helpOther: '',
};

export function newIncident(): IncidentDraft {
  return {
    key: crypto.randomUUID(),
    types: [],
    date: '',
    approximate: false,
    place: '',
    perpetrators: [],
    lastSeenPlace: '',
    takenBy: '',
    believedHeldAt: '',
    description: '',
  };
}

/** An unanswered choice or an empty text is no answer at all (the schema's optional fields). */
const answer = <T extends string>(value: T | ''): T | undefined => (value === '' ? undefined : value);
const text = (value: string): string | undefined => (value.trim() === '' ? undefined : value);

/** Drops the keys whose value is undefined, and the whole object when nothing is left. */
function compact<T extends object>(value: T): T | undefined {
  const kept = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));
  return Object.keys(kept).length > 0 ? (kept as T) : undefined;
}

function incidentOf(incident: IncidentDraft) {
  return (
    compact({
      types: incident.types,
      when: incident.date ? { date: incident.date, approximate: incident.approximate } : undefined,
      place: text(incident.place),
      perpetrators: incident.perpetrators,
      lastSeenPlace: text(incident.lastSeenPlace),
      takenBy: text(incident.takenBy),
      believedHeldAt: text(incident.believedHeldAt),
      description: text(incident.description),
    }) ?? {}
  );
}

/** The body to validate with AssistedRequest and send (zod fills in the defaults). */
export function requestOf(draft: Draft): unknown {
  const incidents = draft.incidents.map(incidentOf);
  return {
    channel: answer(draft.channel),
    withholdReceipt: draft.withholdReceipt,
    request: {
      summary: draft.summary,
      rightNow: { detainedOrMissing: answer(draft.detainedOrMissing), lifeInDanger: answer(draft.lifeInDanger) },
      contact: {
        methods: draft.methods,
        ...compact({
          phone: text(draft.phone),
          email: text(draft.email),
          trustedPerson: text(draft.trustedPerson),
          safeTimes: text(draft.safeTimes),
          mayLeaveMessage: answer(draft.mayLeaveMessage),
          callbackLanguage: answer(draft.callbackLanguage),
        }),
      },
      consent: { processing: draft.consentProcessing, sharingWithPartners: draft.sharingWithPartners },
      submitter: draft.submitterKind
        ? compact({ kind: draft.submitterKind, relationship: draft.submitterKind === 'third_party' ? text(draft.relationship) : undefined })
        : undefined,
      defender: compact({
        name: text(draft.name),
        organisation: text(draft.organisation),
        profiles: draft.profiles,
        gender: answer(draft.gender),
        languages: draft.languages,
      }),
      location: compact({ region: answer(draft.region), locality: text(draft.locality) }),
      incidents: incidents.length > 0 ? incidents : undefined,
      help: compact({ measures: draft.helpMeasures, other: text(draft.helpOther) }),
    },
  };
}
