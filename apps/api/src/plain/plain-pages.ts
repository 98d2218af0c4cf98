import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { Router, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { secureCookies } from '../auth/session-cookie.js';
import type { Runtime } from '../config/runtime.js';
import { PlainFormKey } from '../crypto/index.js';
import { FollowUpService } from '../follow-up/follow-up.service.js';
import { UploadsService } from '../follow-up/uploads.service.js';
import { IntakeService } from '../intake/intake.service.js';
import { FollowUpRoutes } from './follow-up-routes.js';
import { FormGuard } from './form-guard.js';
import { sendFailure, sendPage } from './page-response.js';
import { PLAIN_ROOT } from './plain-context.js';
import { RequestRoutes } from './request-routes.js';
import { helpPage, homePage } from './site-pages.js';
import { SpokenPromptsService } from '../spoken-help/spoken-prompts.service.js';
import { fieldsBeforeFile, pendingFile } from './streamed-file.js';
import { SubmittedOnce } from './submitted-once.js';

/** The web build's stylesheets for the public pages (main and form), found by their hashed names. */
function stylesheets(distDir: string): string[] {
  const assets = join(distDir, 'assets');
  if (!existsSync(assets)) return [];
  return readdirSync(assets)
    .filter((name) => /^(index|intake)-[\w-]+\.css$/.test(name))
    .sort((a, b) => (a.startsWith('index') ? -1 : 1) - (b.startsWith('index') ? -1 : 1))
    .map((name) => `/assets/${name}`);
}

/**
 * The defender's side without JavaScript, under /simple: plain HTML forms
 * posting to this origin, rendered from the shared catalogues and checked
 * with the shared schemas, handled by the same services as the API.
 */
export function plainPages(app: NestExpressApplication, runtime: Runtime, distDir: string): RequestHandler {
  const secure = secureCookies(runtime.config);
  const guard = new FormGuard(new PlainFormKey(), secure, stylesheets(distDir));
  const requests = new RequestRoutes(guard, app.get(IntakeService));
  const followUp = new FollowUpRoutes(guard, app.get(FollowUpService), app.get(UploadsService), new SubmittedOnce(), secure);
  const form = express.urlencoded({ extended: false, limit: runtime.config.BODY_LIMIT_BYTES, parameterLimit: 200 });
  const file = fieldsBeforeFile({ fileSize: runtime.config.MAX_UPLOAD_BYTES, fields: 10, fieldSize: 4096, parts: 12 });

  const safely =
    (handler: (request: Request, response: Response) => unknown): RequestHandler =>
    async (request, response) => {
      try {
        await handler(request, response);
      } catch (error) {
        sendFailure(response, guard.context(request, response), runtime.logger, error);
      }
    };
  const page = (render: typeof homePage, path: string) =>
    safely((request, response) => {
      const context = guard.context(request, response);
      sendPage(response, context, render(context), path);
    });

  const router = Router({ caseSensitive: false, strict: false });
  const prompts = app.get(SpokenPromptsService);
  // Which spoken prompts exist, for the pages' <audio> elements (none if the database is away: the page still works).
  router.use((_request, response, next) => {
    void prompts
      .available()
      .then(
        (available) => ((response.locals as { spokenHelp?: unknown }).spokenHelp = available),
        () => undefined,
      )
      .finally(next);
  });
  router.get('/', page(homePage, '/'));
  router.get('/aide', page(helpPage, '/aide'));
  router.get(
    '/demande',
    safely((q, s) => requests.showFirstStep(q, s)),
  );
  router.post(
    '/demande',
    form,
    safely((q, s) => requests.postStep(q, s)),
  );
  router.get(
    '/rappel',
    safely((q, s) => requests.showCallback(q, s)),
  );
  router.post(
    '/rappel',
    form,
    safely((q, s) => requests.postCallback(q, s)),
  );
  router.get(
    '/suivi',
    safely((q, s) => followUp.show(q, s)),
  );
  router.post(
    '/suivi',
    form,
    safely((q, s) => followUp.signIn(q, s)),
  );
  router.post(
    '/suivi/message',
    form,
    safely((q, s) => followUp.message(q, s)),
  );
  router.post(
    '/suivi/details',
    form,
    safely((q, s) => followUp.details(q, s)),
  );
  router.post(
    '/suivi/accord',
    form,
    safely((q, s) => followUp.consent(q, s)),
  );
  router.post(
    '/suivi/fin',
    form,
    safely((q, s) => followUp.finish(q, s)),
  );
  // Whatever the answer, the rest of the post is read and dropped, so that the browser receives it.
  router.post(
    '/suivi/fichier',
    file,
    safely((q, s) => followUp.file(q, s).finally(() => pendingFile(q)?.discard())),
  );

  // What the form parsers refuse (a body too large, malformed): a page of ours, in the visitor's language.
  router.use((error: unknown, request: Request, response: Response, _next: NextFunction) => {
    sendFailure(response, guard.context(request, response), runtime.logger, error);
  });

  const mounted = Router();
  mounted.use(PLAIN_ROOT, router);
  return mounted;
}
