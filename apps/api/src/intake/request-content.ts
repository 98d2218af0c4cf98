import type { CallbackRequest, IntakeChannel, ProtectionRequest } from '@mnpddh/shared';
import type { CaseContent } from '../vault/case-content.js';

/** The public form (or assisted intake, by its channel), sorted into the vault's concerns (each encrypted on its own). */
export function requestContent(request: ProtectionRequest, channel: IntakeChannel = 'web'): CaseContent {
  const incidents = request.incidents ?? [];
  return {
    identity: { submitter: request.submitter, defender: request.defender, othersAtRisk: request.othersAtRisk ?? [] },
    contact: request.contact,
    narrative: request.summary,
    situation: {
      channel,
      rightNow: request.rightNow,
      location: request.location,
      incidents,
      help: request.help,
      alreadyContacted: request.alreadyContacted,
      consent: request.consent,
    },
    categories: {
      region: request.location?.region ?? 'unknown',
      threatTypes: [...new Set(incidents.flatMap((incident) => incident.types))],
      perpetratorTypes: [...new Set(incidents.flatMap((incident) => incident.perpetrators))],
      profiles: request.defender?.profiles ?? [],
      ...(request.defender?.gender ? { gender: request.defender.gender } : {}),
      languages: request.defender?.languages ?? [],
      channel,
      ...(request.defender?.ageGroup ? { ageGroup: request.defender.ageGroup } : {}),
      ...(request.defender?.disability ? { disability: request.defender.disability } : {}),
      measuresRequested: request.help?.measures ?? [],
      peopleAtRisk: 1 + (request.othersAtRisk?.length ?? 0),
    },
  };
}

/** A "call me back" request: a case with a phone number and little else, handled like any other. */
export function callbackContent(request: CallbackRequest): CaseContent {
  return {
    identity: {},
    contact: { methods: ['phone'], phone: request.phone, safeTimes: request.safeTimes, callbackLanguage: request.language },
    narrative: '',
    situation: { channel: 'callback_request', rightNow: { lifeInDanger: request.lifeInDanger }, consent: request.consent },
    categories: {
      region: 'unknown',
      threatTypes: [],
      perpetratorTypes: [],
      profiles: [],
      languages: request.language ? [request.language] : [],
      channel: 'callback_request',
      peopleAtRisk: 1,
    },
  };
}
