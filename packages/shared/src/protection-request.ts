import { z } from 'zod';
import {
  AGE_GROUPS,
  CONTACT_METHODS,
  DEFENDER_PROFILES,
  GENDERS,
  PERPETRATOR_TYPES,
  PROTECTION_MEASURES,
  REGIONS,
  SPOKEN_LANGUAGES,
  THREAT_TYPES,
} from './reference.js';
import { PRIVACY_NOTICE_VERSIONS } from './privacy-notice.js';

/*
 * The public protection request: one schema for the API's validation, the
 * form's validation and the OpenAPI document. Only what is needed to act is
 * required (what is happening, urgency, a safe way to reach the person or
 * "no contact", consent); everything else can come now or later through
 * follow-up. Every string is trimmed, NFC-normalised and bounded; lists are
 * bounded; unknown keys are refused.
 */

/** Trimmed, NFC, bounded text; control characters other than line breaks and tabs refused. */
export const boundedText = (max: number) =>
  z
    .string()
    .trim()
    .normalize('NFC')
    .max(max)
    .refine((value) => ![...value].some(isControlCharacter), { message: 'invalid_characters' })
    // A lone UTF-16 surrogate is no character: PostgreSQL refuses it (the hostile corpus found a 500).
    .refine((value) => ![...value].some(isLoneSurrogate), { message: 'invalid_characters' });

/** Half of a UTF-16 pair without its other half (a whole pair iterates as one code point). */
function isLoneSurrogate(character: string): boolean {
  const code = character.codePointAt(0) ?? 0;
  return code >= 0xd800 && code <= 0xdfff;
}

/** C0 controls and DEL, except tab and line breaks (which a long account needs). */
function isControlCharacter(character: string): boolean {
  const code = character.codePointAt(0) ?? 0;
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f;
}

/** Optional text: an empty field is the same as no answer. */
const optionalText = (max: number) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), boundedText(max).optional());

/** For questions a person may not know, or not want to answer. */
export const Tristate = z.enum(['yes', 'no', 'unknown']);
export type Tristate = z.infer<typeof Tristate>;

const list = <T extends readonly [string, ...string[]]>(values: T, max = values.length) => z.array(z.enum(values)).max(max).default([]);

/** A day (YYYY-MM-DD), never in the future (Bamako is UTC+0 all year). */
export const PastDate = z.iso.date().refine((value) => value <= new Date().toISOString().slice(0, 10), { message: 'date_in_future' });

export const IncidentDate = z.strictObject({
  date: PastDate,
  time: z.iso.time({ precision: -1 }).optional(),
  approximate: z.boolean().default(false),
});

export const Submitter = z.strictObject({
  kind: z.enum(['self', 'third_party']),
  /** For a third party: how they know the person at risk. */
  relationship: optionalText(120),
});

export const Defender = z.strictObject({
  /** A name or a pseudonym. */
  name: optionalText(120),
  organisation: optionalText(200),
  profiles: list(DEFENDER_PROFILES),
  profileOther: optionalText(200),
  gender: z.enum([...GENDERS, 'prefer_not_to_say']).optional(),
  ageGroup: z.enum([...AGE_GROUPS, 'unknown']).optional(),
  disability: z.enum(['yes', 'no', 'prefer_not_to_say']).optional(),
  languages: list(SPOKEN_LANGUAGES),
  /** The professional defender card: recorded, never required. */
  professionalCard: Tristate.optional(),
});

/** Family members and collaborators at risk in the same case (Loi 2018-003, art. 15). */
export const OtherPersonAtRisk = z.strictObject({
  name: optionalText(120),
  relationship: z.enum(['family', 'collaborator', 'other']),
  details: optionalText(500),
});

export const Location = z.strictObject({
  region: z.enum(REGIONS).optional(),
  locality: optionalText(120),
});

export const Incident = z.strictObject({
  types: list(THREAT_TYPES),
  when: IncidentDate.optional(),
  /** Where it happened, from the reference list ("outside Mali" included): may differ from where the defender is now. */
  region: z.enum(REGIONS).optional(),
  place: optionalText(200),
  perpetrators: list(PERPETRATOR_TYPES),
  description: optionalText(5000),
  ongoing: Tristate.optional(),
  /** For an arrest, abduction or detention: what lets the CNDH visit places of detention at once. */
  lastSeenPlace: optionalText(300),
  takenBy: optionalText(1000),
  believedHeldAt: optionalText(300),
});

/** These two answers set the urgent flag. */
export const RightNow = z.strictObject({
  detainedOrMissing: Tristate,
  lifeInDanger: Tristate,
});

/** The measures that reveal the defender to someone (consent.ts's DISCLOSING_MEASURES names to whom). */
export const DISCLOSING_MEASURE_CODES = ['detention_visit', 'authorities_intervention', 'partner_referral', 'advocacy'] as const;

export const HelpRequested = z
  .strictObject({
    measures: list(PROTECTION_MEASURES),
    other: optionalText(1000),
    /** Of the measures asked for that reveal the defender, those the defender agrees to: each a consent for that disclosure. */
    agreesToDisclose: list(DISCLOSING_MEASURE_CODES),
  })
  .superRefine((help, context) => {
    if (help.agreesToDisclose.some((measure) => !help.measures.includes(measure))) {
      context.addIssue({ code: 'custom', path: ['agreesToDisclose'], message: 'consent_for_measure_not_asked' });
    }
  });

export const SafeContact = z
  .strictObject({
    methods: z.array(z.enum(CONTACT_METHODS)).min(1).max(CONTACT_METHODS.length),
    phone: optionalText(40),
    email: optionalText(254).pipe(z.email().optional()),
    trustedPerson: optionalText(300),
    safeTimes: optionalText(200),
    mayLeaveMessage: Tristate.optional(),
    callbackLanguage: z.enum(SPOKEN_LANGUAGES).optional(),
  })
  .superRefine((contact, context) => {
    const needs = (field: 'phone' | 'email' | 'trustedPerson', when: boolean) => {
      if (when && !contact[field]) context.addIssue({ code: 'custom', path: [field], message: 'required_for_method' });
    };
    needs(
      'phone',
      contact.methods.some((m) => m === 'phone' || m === 'signal' || m === 'whatsapp'),
    );
    needs('email', contact.methods.includes('email'));
    needs('trustedPerson', contact.methods.includes('trusted_person'));
    if (contact.methods.includes('no_contact') && contact.methods.length > 1) {
      context.addIssue({ code: 'custom', path: ['methods'], message: 'no_contact_alone' });
    }
  });

export const AlreadyContacted = z.strictObject({
  lawyer: Tristate.optional(),
  police: Tristate.optional(),
  organisations: optionalText(500),
});

/** A version of the privacy notice (Loi 2013-015) that a form showed. */
const NoticeVersion = z.enum(PRIVACY_NOTICE_VERSIONS, { error: 'unknown_notice_version' });

export const Consent = z.strictObject({
  /** Required: without it the mechanism cannot process the request. */
  processing: z.literal(true),
  /** Separate, optional: sharing with partner organisations. */
  sharingWithPartners: z.boolean().default(false),
  /** The privacy notice the person saw (Loi 2013-015); stored with the request, encrypted. */
  noticeVersion: NoticeVersion.optional(),
});

/** What the request adds beyond the first step; also what follow-up may complete later. */
export const RequestDetails = z.strictObject({
  submitter: Submitter.optional(),
  defender: Defender.optional(),
  othersAtRisk: z.array(OtherPersonAtRisk).max(10).optional(),
  location: Location.optional(),
  incidents: z.array(Incident).max(10).optional(),
  help: HelpRequested.optional(),
  alreadyContacted: AlreadyContacted.optional(),
});
export type RequestDetails = z.infer<typeof RequestDetails>;

export const ProtectionRequest = z.strictObject({
  /** What is happening, in the requester's words (the only required text). */
  summary: boundedText(5000).pipe(z.string().min(1)),
  rightNow: RightNow,
  contact: SafeContact,
  consent: Consent,
  ...RequestDetails.shape,
});
export type ProtectionRequest = z.infer<typeof ProtectionRequest>;
export type ProtectionRequestInput = z.input<typeof ProtectionRequest>;

/** Someone detained or missing now, or a life in danger: the urgent procedure. */
export function isUrgent(rightNow: z.infer<typeof RightNow>): boolean {
  return rightNow.detainedOrMissing === 'yes' || rightNow.lifeInDanger === 'yes';
}

/** The minimal "call me back" request, reachable from every public page. */
export const CallbackRequest = z.strictObject({
  phone: boundedText(40).pipe(z.string().min(6)),
  safeTimes: optionalText(200),
  language: z.enum(SPOKEN_LANGUAGES).optional(),
  lifeInDanger: Tristate.default('unknown'),
  /** The call-back form shows the privacy notice too: its version is kept with the request, encrypted. */
  consent: z.strictObject({ processing: z.literal(true), noticeVersion: NoticeVersion.optional() }),
});
export type CallbackRequest = z.infer<typeof CallbackRequest>;

/** What the requester gets back: a short reference to quote by phone, and the receipt, shown once. */
export const SubmissionReceipt = z.object({
  reference: z.string(),
  receipt: z.string(),
  urgent: z.boolean(),
});
export type SubmissionReceipt = z.infer<typeof SubmissionReceipt>;

/**
 * How a request reached the mechanism: the public form, its call-me-back
 * form, or typed in by a caseworker (assisted intake) after a call, a letter,
 * a visit, a partner's referral, or on the CNDH's own initiative.
 */
export const INTAKE_CHANNELS = ['web', 'callback_request', 'phone', 'written', 'in_person', 'partner_referral', 'own_initiative'] as const;
export const IntakeChannel = z.enum(INTAKE_CHANNELS);
export type IntakeChannel = z.infer<typeof IntakeChannel>;

/** Assisted intake: the same request, the channel it came by, and whether the receipt is read out or withheld. */
export const AssistedRequest = z.strictObject({
  channel: z.enum(['phone', 'written', 'in_person', 'partner_referral', 'own_initiative']),
  /** Withheld: the receipt is not shown (e.g. nobody safe to give it to); a new one can be issued later. */
  withholdReceipt: z.boolean().default(false),
  request: ProtectionRequest,
});
export type AssistedRequest = z.infer<typeof AssistedRequest>;

export const AssistedReceipt = z.object({
  caseId: z.uuid(),
  reference: z.string(),
  receipt: z.string().nullable(),
  urgent: z.boolean(),
});
export type AssistedReceipt = z.infer<typeof AssistedReceipt>;
