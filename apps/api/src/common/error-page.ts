import type { Request } from 'express';
import type { ErrorBody, Locale } from '@mnpddh/shared';

const BACK: Record<Locale, { title: string; back: string }> = {
  fr: { title: 'Action refusée', back: 'Revenir au portail' },
  en: { title: 'Action refused', back: 'Back to the portal' },
};

/**
 * A link followed in the browser (a download, a sheet) lands on the API's
 * answer itself: a refusal must read as a sentence there, never as raw JSON.
 * Only top-level navigations get the page; the app's own calls keep JSON.
 */
export function wantsPage(request: Request): boolean {
  return request.headers['sec-fetch-mode'] === 'navigate' || (request.accepts(['application/json', 'text/html']) === 'text/html' && !request.xhr);
}

/** Where "back" leads: the staff home for a staff session, the public home otherwise. */
export function homeOf(request: Request): string {
  return /(?:^|;\s*)mnpddh_session=/.test(request.headers.cookie ?? '') ? '/personnel/accueil' : '/';
}

/** A self-contained page (no script, no style, nothing from elsewhere: the CSP allows none inline) with the message and its reasons. */
export function errorPage(body: ErrorBody, locale: Locale, home: string): string {
  const words = BACK[locale];
  const reasons = (body.error.fields ?? []).map((f) => f.message).filter((message) => message !== body.error.message);
  return [
    '<!doctype html>',
    `<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(words.title)}</title></head>`,
    '<body><main>',
    `<h1>${escape(words.title)}</h1>`,
    `<p>${escape(body.error.message)}</p>`,
    ...reasons.map((reason) => `<p>${escape(reason)}</p>`),
    body.error.correlationId ? `<p><small>${escape(body.error.correlationId)}</small></p>` : '',
    `<p><a href="${escape(home)}">${escape(words.back)}</a></p>`,
    '</main></body></html>',
  ].join('\n');
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
