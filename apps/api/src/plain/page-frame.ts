import { EMERGENCY_PHONE, EMERGENCY_PHONE_HREF, languageOf, QUICK_EXIT_URL } from '@mnpddh/shared';
import { fillHtml, html, type Html } from './html.js';
import type { PlainContext } from './plain-context.js';

/** A language whose translation awaits review says so on every page, in its own words. */
const reviewNotice = ({ language, site }: PlainContext) =>
  languageOf(language).status === 'review' ? html`<p class="review-notice">${site.layout.reviewNotice}</p>\n` : '';

const phoneLink = () => html`<a href="${EMERGENCY_PHONE_HREF}" class="phone-link">${EMERGENCY_PHONE}</a>`;

/**
 * The frame of every page served without JavaScript, with the app's own
 * classes and stylesheets: quick exit as a plain link (it cannot blank the
 * page or replace the history entry without script: the help page says so),
 * the emergency number and "Être rappelé" at the top and bottom, a language
 * link. No script, no inline style, nothing from another origin.
 */
export function pageFrame(context: PlainContext, main: Html, path: string): string {
  const { site, plain, language } = context;
  const other = plain.switchLanguageCode;
  const switchHref = `${context.href(path).split('?')[0]}${other === 'fr' ? '' : `?lang=${other}`}`;
  return html`<!doctype html>
<html lang="${language}" dir="${site.meta.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${site.meta.documentTitle}</title>
<meta name="referrer" content="no-referrer">
<meta name="description" content="${site.home.lead}">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
${context.styles.map((href) => html`<link rel="stylesheet" href="${href}">\n`)}
</head>
<body>
<a class="skip-link" href="#main">${site.layout.skipLink}</a>
<header class="site-header"><div class="site-header__bar container">
<a class="brand" href="${context.href('/')}"><span class="brand__text"><span class="brand__owner">${site.layout.brandOwner}</span><span class="brand__name">${site.layout.brandName}</span></span></a>
<a class="quick-exit" href="${QUICK_EXIT_URL}" rel="noreferrer" title="${plain.quickExitHint}"><span>${site.layout.quickExit}</span></a>
</div></header>
<aside class="emergency-band" aria-label="${site.layout.emergencyRegion}"><div class="emergency-band__inner container">
<p class="emergency-band__text"><span>${fillHtml(site.layout.emergencyShort, { phone: phoneLink() })}</span></p>
<a class="emergency-band__callback" href="${context.href('/rappel')}">${site.layout.callBack}</a>
<a class="emergency-band__callback" href="${switchHref}" lang="${other}" hreflang="${other}">${plain.switchLanguage}</a>
</div></aside>
<main id="main" class="site-main"><div class="container">
${reviewNotice(context)}${main}
</div></main>
<footer class="site-footer"><div class="container">
<p class="site-footer__emergency"><span>${fillHtml(site.layout.emergency, { phone: phoneLink() })}</span> <a class="site-footer__callback" href="${context.href('/rappel')}">${site.layout.callBack}</a></p>
<nav aria-label="${site.layout.footerNavLabel}"><ul class="site-footer__links">
<li><a href="${context.href('/')}">${site.nav.home}</a></li>
<li><a href="${context.href('/demande')}">${site.nav.request}</a></li>
<li><a href="${context.href('/suivi')}">${site.nav.followUp}</a></li>
<li><a href="${context.href('/aide')}">${site.nav.help}</a></li>
</ul></nav>
<p class="site-footer__about">${site.layout.footerAbout}</p>
<p class="site-footer__about">${site.layout.footerNoTrace}</p>
<p class="site-footer__about">${plain.simpleVersion} · <a href="${path === '/' ? '/' : path}">${plain.fullVersion}</a></p>
</div></footer>
</body>
</html>
`.markup;
}
