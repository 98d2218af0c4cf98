import { z } from 'zod';
import { SiteLocaleSchema } from './locale.js';

/*
 * How complete each public language's catalogue is, for the admin page:
 * counted by `npm run i18n:compile` from locales/*.po (docs/TRANSLATING.md).
 * Nothing about a person: words of the site only.
 */
export const LanguageCompleteness = z.strictObject({
  code: SiteLocaleSchema,
  /** The language's name in itself. */
  name: z.string(),
  status: z.enum(['source', 'reviewed', 'review', 'test']),
  /** Shown in the public site's language switcher. */
  offered: z.boolean(),
  total: z.number().int().nonnegative(),
  translated: z.number().int().nonnegative(),
  review: z.number().int().nonnegative(),
  missing: z.number().int().nonnegative(),
});
export type LanguageCompleteness = z.infer<typeof LanguageCompleteness>;

export const LanguageCompletenessList = z.strictObject({ languages: z.array(LanguageCompleteness) });
export type LanguageCompletenessList = z.infer<typeof LanguageCompletenessList>;
