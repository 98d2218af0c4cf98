import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type RequestHandler } from 'express';

/**
 * Serves the built web app from the API's origin: files as they are, and
 * index.html for any other GET outside /api so client-side routes load.
 */
export function webAssets(distDir: string): RequestHandler[] {
  const index = join(distDir, 'index.html');
  if (!existsSync(index)) return [];
  const files = express.static(distDir, { index: false, redirect: false, dotfiles: 'ignore' });
  const fallback: RequestHandler = (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(req.path)) return next();
    res.type('html').sendFile(index);
  };
  return [(req, res, next) => (isApiPath(req.path) ? next() : files(req, res, next)), fallback];
}

function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}
