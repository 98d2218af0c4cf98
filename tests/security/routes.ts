/**
 * The API's routes as the running app serves them: read from the express
 * router (what answers requests), not from a list kept by hand, so a route
 * someone adds shows up here by itself.
 */
import { randomUUID } from 'node:crypto';
import type { RunningPortal } from '../../apps/api/src/boot.js';

export interface ApiRoute {
  /** Upper case; `ALL` for a route registered with `.all()` */
  readonly method: string;
  /** The pattern as registered, e.g. `/api/admin/staff/:id` */
  readonly path: string;
}

/** `POST /api/auth/login`: how routes are named in the matrix and in failure messages. */
export function routeKey(route: ApiRoute): string {
  return `${route.method} ${route.path}`;
}

interface RouterLayer {
  readonly rawPath?: unknown;
  readonly route?: { readonly path?: unknown; readonly methods?: Record<string, boolean> };
  readonly handle?: { readonly stack?: unknown };
}

/**
 * Every `/api/...` route with its methods, sub-routers included, and the
 * plain pages under `/simple` (forms for browsers without JavaScript: they
 * write through the same services, so they answer to the same matrix). The
 * web app's static files and fallback are middleware, not routes;
 * the Swagger UI pages under /api/docs are left out, the OpenAPI document
 * (/api/docs-json, /api/docs-yaml) is kept.
 */
export function listApiRoutes(portal: RunningPortal): ApiRoute[] {
  const express = portal.app.getHttpAdapter().getInstance() as { router?: { stack?: unknown } };
  const stack = express.router?.stack;
  if (!Array.isArray(stack)) throw new Error('cannot read the express router stack: has the HTTP adapter changed?');
  const found = new Map<string, ApiRoute>();
  for (const route of walk(stack as RouterLayer[], '')) {
    if (!isApiPath(route.path) || isSwaggerUi(route.path)) continue;
    found.set(routeKey(route), route);
  }
  return [...found.values()].sort((a, b) => routeKey(a).localeCompare(routeKey(b)));
}

function* walk(stack: RouterLayer[], prefix: string): Generator<ApiRoute> {
  for (const layer of stack) {
    const paths = pathsOf(layer.rawPath ?? layer.route?.path);
    if (layer.route) {
      const methods = Object.entries(layer.route.methods ?? {})
        .filter(([, on]) => on)
        .map(([method]) => (method === '_all' ? 'ALL' : method.toUpperCase()));
      for (const path of paths) for (const method of methods) yield { method, path: join(prefix, path) };
    } else if (Array.isArray(layer.handle?.stack)) {
      // A mounted router: its routes live under the mount path.
      for (const path of paths.length > 0 ? paths : ['/']) yield* walk(layer.handle.stack as RouterLayer[], join(prefix, path));
    }
  }
}

function pathsOf(raw: unknown): string[] {
  if (typeof raw === 'string') return [raw];
  if (raw instanceof RegExp) return [`<regexp ${raw.source}>`];
  if (Array.isArray(raw)) return raw.flatMap(pathsOf);
  return [];
}

function join(prefix: string, path: string): string {
  if (!prefix || prefix === '/') return path;
  return path === '/' ? prefix : `${prefix.replace(/\/$/, '')}${path}`;
}

function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/') || isPlainPath(path) || path.startsWith('<regexp');
}

/** The pages served without JavaScript: HTML forms, posted url-encoded or multipart with the form's token. */
export function isPlainPath(path: string): boolean {
  return path === '/simple' || path.startsWith('/simple/');
}

function isSwaggerUi(path: string): boolean {
  return path === '/api/docs' || path.startsWith('/api/docs/');
}

/** The methods a request must be tried with: an `.all()` route answers every one. */
export function probeMethods(method: string): string[] {
  return method === 'ALL' ? ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] : [method];
}

/**
 * A concrete URL path for a pattern: each `:param` from `params`, else a
 * fresh UUID (valid-looking, matching nothing); wildcards get one segment.
 */
export function fillPath(pattern: string, params: Readonly<Record<string, string>> = {}): string {
  return pattern
    .replace(/[{}]/g, '')
    .replace(/:(\w+)/g, (_match, name: string) => encodeURIComponent(params[name] ?? randomUUID()))
    .replace(/\*(\w*)/g, 'x');
}
