/*
 * The public site's words, in every interface language: read by the web app
 * and by the pages the server renders for browsers without JavaScript, so a
 * label or an error message has one source.
 */
export { fr as siteFr, type Catalogue as SiteCatalogue } from './site-fr.js';
export { en as siteEn } from './site-en.js';
export { intakeFr, type IntakeCatalogue } from './intake-fr.js';
export { intakeEn } from './intake-en.js';
export { uploadsFr, type UploadsCatalogue } from './uploads-fr.js';
export { uploadsEn } from './uploads-en.js';
export { fillPlaceholders, plainFieldMessage, type FieldErrorWords } from './field-errors.js';
export { plainFr, type PlainCatalogue } from './plain-fr.js';
export { plainEn } from './plain-en.js';
export * from './languages.js';
export { translateCatalogue, type Translations } from './translate.js';
