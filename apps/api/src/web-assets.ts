import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import express, { type Request, type RequestHandler, type Response } from 'express';
import { formatSpokenHelp, SPOKEN_HELP_META, type SpokenPromptKey } from '@mnpddh/shared';
import { areaOf, isAppPage, sendNotFoundPage } from './common/host-separation.js';
import { pageLanguage, splitLanguagePrefix, type PageLanguage } from './page-language.js';

const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml' };

/**
 * Serves the built web app from the API's origin: the gzip copy of a JS or
 * CSS file when the browser accepts it (made at build time: 2G needs every
 * byte saved), files as they are otherwise, index.html for the app's own
 * pages, and a plain 404 for any other GET outside /api (an unknown path,
 * /favicon.ico, a probe) rather than the app with status 200. A public
 * page's HTML names its language and direction (page-language.ts).
 */
export function webAssets(distDir: string, spokenHelp: SpokenHelpSource = async () => []): RequestHandler[] {
  const index = join(distDir, 'index.html');
  if (!existsSync(index)) return [];
  const indexHtml = readFileSync(index, 'utf8');
  const files = express.static(distDir, { index: false, redirect: false, dotfiles: 'ignore' });
  const precompressed: RequestHandler = (req, res, next) => {
    const type = TYPES[extname(req.path)];
    const file = normalize(join(distDir, req.path));
    if (!type || !file.startsWith(distDir) || !/\bgzip\b/.test(req.headers['accept-encoding'] ?? '') || !existsSync(`${file}.gz`)) {
      return next();
    }
    res.setHeader('Content-Encoding', 'gzip');
    res.setHeader('Content-Type', type);
    res.setHeader('Vary', 'Accept-Encoding');
    res.sendFile(`${file}.gz`);
  };
  const fallback: RequestHandler = (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(req.path)) return next();
    if (!isAppPage(req.path)) return sendNotFoundPage(res);
    if (areaOf(req.path) === 'public') return void sendPublicPage(req, res, indexHtml, spokenHelp).catch(next);
    res.type('html').sendFile(index);
  };
  const outsideApi =
    (handler: RequestHandler): RequestHandler =>
    (req, res, next) =>
      isApiPath(req.path) ? next() : handler(req, res, next);
  return [outsideApi(precompressed), outsideApi(files), fallback];
}

/** The prompts that exist, for the public pages (a database away: none, the page still loads). */
export type SpokenHelpSource = () => Promise<SpokenPromptKey[]>;

/**
 * The list of spoken prompts travels in the page itself (a meta element of a
 * few dozen bytes): the "Écouter" buttons cost no request until pressed.
 */
async function withSpokenHelp(indexHtml: string, spokenHelp: SpokenHelpSource): Promise<string> {
  const available = await spokenHelp().catch(() => []);
  if (available.length === 0) return indexHtml;
  return indexHtml.replace('</head>', `<meta name="${SPOKEN_HELP_META}" content="${formatSpokenHelp(available)}"></head>`);
}

function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

/** One request, no redirect: an unprefixed page answers in the guessed language, so caches must key on the header. */
async function sendPublicPage(req: Request, res: Response, indexHtml: string, spokenHelp: SpokenHelpSource): Promise<void> {
  const language = pageLanguage(req.path, req.headers['accept-language']);
  const html = await withSpokenHelp(withPlainTarget(withLanguage(indexHtml, language), req.path, language), spokenHelp);
  if (!language.named) res.setHeader('Vary', 'Accept-Language');
  res.setHeader('Content-Language', language.code);
  res.type('html').send(html);
}

/** Only a known code and direction go into the markup, never the path as sent. */
function withLanguage(indexHtml: string, language: PageLanguage): string {
  return indexHtml.replace('<html lang="fr">', `<html lang="${language.code}" dir="${language.dir}">`);
}

/**
 * A browser without JavaScript follows index.html's <noscript> refresh to
 * the plain version of the page it asked for (/demande → /simple/demande,
 * /bm/demande → /simple/demande?lang=bm).
 */
function withPlainTarget(indexHtml: string, path: string, language: PageLanguage): string {
  const asked = (splitLanguagePrefix(path)?.page ?? path).toLowerCase().replace(/\/+$/, '');
  // Only a known page name goes into the markup, never the path as sent.
  const page = PLAIN_TWINS.find((twin) => twin === asked) ?? '/';
  const query = language.named ? `?lang=${language.code}` : '';
  return indexHtml.replace('url=/simple/"', `url=/simple${page}${query}"`);
}

const PLAIN_TWINS = ['/demande', '/suivi', '/rappel', '/aide'];
