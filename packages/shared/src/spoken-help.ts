import { z } from 'zod';
import { PROMPT_LANGUAGES, SPOKEN_HELP_STEPS } from './spoken-help-steps.js';

/** Spoken help's schemas: the admin's upload and the list of prompts (the steps and languages: spoken-help-steps.ts). */

export const SpokenHelpStep = z.enum(SPOKEN_HELP_STEPS);
export type SpokenHelpStep = z.infer<typeof SpokenHelpStep>;
export const PromptLanguage = z.enum(PROMPT_LANGUAGES);
export type PromptLanguage = z.infer<typeof PromptLanguage>;

/** A prompt is a few seconds of speech: 512 KiB holds a minute of Opus or MP3 at phone quality. */
export const SPOKEN_PROMPT_MAX_BYTES = 512 * 1024;

/** What a phone (Ogg/Opus, MP3, M4A/AAC) or a browser (WebM/Opus) records; read from the bytes, never the declared type. */
export const SPOKEN_PROMPT_TYPES = ['audio/ogg', 'audio/mpeg', 'audio/mp4', 'audio/webm'] as const;
export type SpokenPromptType = (typeof SPOKEN_PROMPT_TYPES)[number];

/** The step and language a prompt is for (the upload's and the audio's path). */
export const SpokenPromptKey = z.object({ step: SpokenHelpStep, language: PromptLanguage });
export type SpokenPromptKey = z.infer<typeof SpokenPromptKey>;

/** An upload: the key and the recording's bytes (the body, sent as they are). */
export const SpokenPromptUpload = SpokenPromptKey.extend({
  audio: z
    .instanceof(Uint8Array)
    .refine((bytes) => bytes.byteLength > 0, 'prompt_not_audio')
    .refine((bytes) => bytes.byteLength <= SPOKEN_PROMPT_MAX_BYTES, 'prompt_too_large'),
});
export type SpokenPromptUpload = z.infer<typeof SpokenPromptUpload>;

/** `altered`: the stored prompt no longer carries the mechanism's signature; it is not served. */
export const SpokenPromptState = z.enum(['missing', 'ready', 'altered']);
export type SpokenPromptState = z.infer<typeof SpokenPromptState>;

export const SpokenPromptStatus = z.object({
  step: SpokenHelpStep,
  language: PromptLanguage,
  state: SpokenPromptState,
  contentType: z.enum(SPOKEN_PROMPT_TYPES).optional(),
  byteLength: z.number().int().nonnegative().optional(),
  /** Rounded to the hour, as every clear time the mechanism shows. */
  uploadedAt: z.iso.datetime().optional(),
});
export type SpokenPromptStatus = z.infer<typeof SpokenPromptStatus>;

export const SpokenPromptList = z.object({ prompts: z.array(SpokenPromptStatus) });
export type SpokenPromptList = z.infer<typeof SpokenPromptList>;
