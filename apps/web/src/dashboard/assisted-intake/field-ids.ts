import { optionId } from './choices';

/**
 * Where each problem of the AssistedRequest is on the page: the dotted path
 * of a schema field → the id of the input to focus (for a group, its first
 * option). Paths not listed are shown in the summary without a link.
 */
const FIXED: Record<string, string> = {
  channel: optionId('ai-channel', 'phone'),
  withholdReceipt: optionId('ai-receipt', 'read'),
  'request.summary': 'ai-summary',
  'request.rightNow.detainedOrMissing': optionId('ai-detained', 'yes'),
  'request.rightNow.lifeInDanger': optionId('ai-danger', 'yes'),
  'request.submitter.kind': optionId('ai-submitter', 'self'),
  'request.submitter.relationship': 'ai-relationship',
  'request.contact.methods': optionId('ai-methods', 'phone'),
  'request.contact.phone': 'ai-phone',
  'request.contact.email': 'ai-email',
  'request.contact.trustedPerson': 'ai-trusted-person',
  'request.contact.safeTimes': 'ai-safe-times',
  'request.contact.mayLeaveMessage': optionId('ai-leave-message', 'yes'),
  'request.contact.callbackLanguage': 'ai-callback-language',
  'request.consent.processing': 'ai-consent',
  'request.defender.name': 'ai-name',
  'request.defender.organisation': 'ai-organisation',
  'request.defender.gender': optionId('ai-gender', 'woman'),
  'request.location.region': 'ai-region',
  'request.location.locality': 'ai-locality',
  'request.help.other': 'ai-help-other',
};

/** Groups whose options come from a reference list: linked to their first option. */
const GROUPS: Record<string, string> = {
  'request.defender.profiles': 'ai-profiles',
  'request.defender.languages': 'ai-languages',
  'request.help.measures': 'ai-help',
};

export const incidentId = (index: number, field: string) => `ai-incident-${index}-${field}`;

const INCIDENT_FIELDS: Record<string, string> = {
  'when.date': 'date',
  place: 'place',
  lastSeenPlace: 'last-seen',
  takenBy: 'taken-by',
  believedHeldAt: 'held-at',
  description: 'description',
};

/** The id to focus for a problem at `path`, given the first option of each reference group. */
export function fieldIdOf(path: string, firstOption: (groupId: string) => string | undefined): string | undefined {
  const fixed = FIXED[path];
  if (fixed) return fixed;
  const group = Object.entries(GROUPS).find(([prefix]) => path === prefix || path.startsWith(`${prefix}.`))?.[1];
  if (group) return withFirst(group, firstOption);
  const incident = /^request\.incidents\.(\d+)\.(.+)$/.exec(path);
  if (!incident) return undefined;
  const index = Number(incident[1]);
  const rest = incident[2] ?? '';
  const single = INCIDENT_FIELDS[rest];
  if (single) return incidentId(index, single);
  const groupName = rest.startsWith('types') ? 'types' : rest.startsWith('perpetrators') ? 'perpetrators' : undefined;
  return groupName ? withFirst(incidentId(index, groupName), firstOption) : undefined;
}

function withFirst(groupId: string, firstOption: (groupId: string) => string | undefined): string | undefined {
  const first = firstOption(groupId);
  return first ? optionId(groupId, first) : undefined;
}

/** The message for a group or field: the first one at or under its path (`types.2` counts for `types`). */
export function errorAt(errors: Record<string, string>, path: string): string | undefined {
  if (errors[path]) return errors[path];
  const prefix = `${path}.`;
  return Object.entries(errors).find(([key]) => key.startsWith(prefix))?.[1];
}

/** Which problems an answer can fix: the schema paths under each answer of the draft. */
const PATHS_OF: Record<string, readonly string[]> = {
  channel: ['channel'],
  withholdReceipt: ['withholdReceipt'],
  summary: ['request.summary'],
  detainedOrMissing: ['request.rightNow.detainedOrMissing'],
  lifeInDanger: ['request.rightNow.lifeInDanger'],
  submitterKind: ['request.submitter'],
  relationship: ['request.submitter.relationship'],
  // Choosing methods can also make a phone, e-mail or trusted person no longer needed.
  methods: ['request.contact'],
  phone: ['request.contact.phone'],
  email: ['request.contact.email'],
  trustedPerson: ['request.contact.trustedPerson'],
  safeTimes: ['request.contact.safeTimes'],
  mayLeaveMessage: ['request.contact.mayLeaveMessage'],
  callbackLanguage: ['request.contact.callbackLanguage'],
  consentProcessing: ['request.consent.processing'],
  name: ['request.defender.name'],
  organisation: ['request.defender.organisation'],
  profiles: ['request.defender.profiles'],
  gender: ['request.defender.gender'],
  languages: ['request.defender.languages'],
  region: ['request.location.region'],
  locality: ['request.location.locality'],
  incidents: ['request.incidents'],
  helpMeasures: ['request.help.measures'],
  helpOther: ['request.help.other'],
};

/** The problems left once these answers changed: a corrected field stops showing its error at once. */
export function errorsAfterChange(errors: Record<string, string>, changed: readonly string[]): Record<string, string> {
  const prefixes = changed.flatMap((key) => PATHS_OF[key] ?? []);
  if (prefixes.length === 0) return errors;
  const kept = Object.entries(errors).filter(([path]) => !prefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}.`)));
  return kept.length === Object.keys(errors).length ? errors : Object.fromEntries(kept);
}
