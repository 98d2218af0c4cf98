/*
 * The public site's words: French, the source, in the typed catalogues here;
 * every other language in locales/<code>.po, compiled into ./compiled and
 * laid over French message by message (docs/TRANSLATING.md). Read by the web
 * app and by the pages the server renders for browsers without JavaScript,
 * so a label or an error message has one source.
 */
export { fr as siteFr, type Catalogue as SiteCatalogue } from './site-fr.js';
export { intakeFirstFr, type IntakeFirstCatalogue } from './intake-first-fr.js';
export { intakeFr, type IntakeCatalogue } from './intake-fr.js';
export { uploadsFr, type UploadsCatalogue } from './uploads-fr.js';
export { plainFieldMessage, type FieldErrorWords } from './field-errors.js';
export { plainFr, type PlainCatalogue } from './plain-fr.js';
export { apiFr, type ApiCatalogue } from './api-fr.js';
export { staffFr, type StaffCatalogue } from './staff-fr.js';
export * from './languages.js';
export { frenchFallbacksOf, translateCatalogue, type CatalogueCounts, type Translations } from './translate.js';
export { fallbackMatcher, type FallbackMatcher } from './fallback-matcher.js';
export { formatMessage, type MessageValues } from './format-message.js';
export { COMPLETENESS, FORM_TRANSLATION_LOADERS, LATER_TRANSLATION_LOADERS, SITE_TRANSLATION_LOADERS, TRANSLATION_LOADERS } from './compiled/index.js';
export { STAFF_TRANSLATIONS } from './compiled/staff.js';
export { errorCodeMessage, fieldMessage } from './staff-messages.js';
