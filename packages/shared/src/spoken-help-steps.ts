import type { SPOKEN_LANGUAGES } from './reference.js';

/**
 * Spoken help for defenders who do not read: a short prompt the mechanism
 * records itself (never synthesised), one per step and language, played only
 * when the defender presses "Écouter". Constants only here (no zod): the
 * public pages' first chunk imports them; the schemas are in spoken-help.ts.
 */

/** The steps a defender meets first, in the order they meet them. */
export const SPOKEN_HELP_STEPS = ['home', 'urgent-call', 'callback', 'request-first-step', 'receipt'] as const;
export type SpokenHelpStepId = (typeof SPOKEN_HELP_STEPS)[number];

/** Every spoken language the mechanism can record in (not "other": a prompt has one language). */
export const PROMPT_LANGUAGES = ['bm', 'ff', 'son', 'tmh', 'snk', 'dgo', 'ar', 'fr', 'en'] as const satisfies readonly Exclude<
  (typeof SPOKEN_LANGUAGES)[number],
  'other'
>[];
export type PromptLanguageCode = (typeof PROMPT_LANGUAGES)[number];

/** A prompt's step and language (the same shape as the SpokenPromptKey schema's). */
export interface SpokenPromptRef {
  step: SpokenHelpStepId;
  language: PromptLanguageCode;
}

/** Where the defender's browser fetches a prompt: this origin only. */
export function spokenPromptPath(language: PromptLanguageCode, step: SpokenHelpStepId): string {
  return `/api/spoken-prompts/${language}/${step}`;
}

/**
 * The prompts that exist, carried in the page the browser already loads (a
 * `<meta name="spoken-help">` in index.html), so knowing them costs no request:
 * `language:step` pairs separated by spaces.
 */
export const SPOKEN_HELP_META = 'spoken-help';

export function formatSpokenHelp(available: readonly SpokenPromptRef[]): string {
  return available.map(({ language, step }) => `${language}:${step}`).join(' ');
}

/** The pairs of a meta's content that name a known step and language; anything else is ignored. */
export function parseSpokenHelp(content: string | null | undefined): SpokenPromptRef[] {
  return (content ?? '').split(' ').flatMap((pair) => {
    const [language, step] = pair.split(':');
    const knownLanguage = PROMPT_LANGUAGES.find((known) => known === language);
    const knownStep = SPOKEN_HELP_STEPS.find((known) => known === step);
    return knownLanguage && knownStep ? [{ language: knownLanguage, step: knownStep }] : [];
  });
}
