import { isUrgent, type CallbackRequest, type IntakeChannel, type Locale, type ProtectionRequest } from '@mnpddh/shared';
import type { CaseContent } from '../vault/case-content.js';
import { categoriesOf } from '../vault/request-categories.js';

/** The public form (or assisted intake, by its channel), sorted into the vault's concerns (each encrypted on its own). */
export function requestContent(request: ProtectionRequest, channel: IntakeChannel = 'web', formLanguage?: Locale): CaseContent {
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
      // The language of the form the defender filled in: staff answer in it.
      ...(formLanguage ? { formLanguage } : {}),
    },
    categories: { ...categoriesOf(request, channel), urgentAtIntake: isUrgent(request.rightNow) },
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
      urgentAtIntake: request.lifeInDanger === 'yes',
    },
  };
}
