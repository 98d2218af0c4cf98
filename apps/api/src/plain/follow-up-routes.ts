import type { CookieOptions, Request, Response } from 'express';
import { ConsentWithdrawal, FollowUpLogin, FollowUpMessage, RequestDetails, StreamedUploadStart } from '@mnpddh/shared';
import { AppError } from '../common/app-error.js';
import { readCookie } from '../common/cookies.js';
import { FOLLOW_UP_COOKIE } from '../follow-up/follow-up.controller.js';
import type { FollowUpService, OpenFollowUp } from '../follow-up/follow-up.service.js';
import type { UploadsService } from '../follow-up/uploads.service.js';
import type { FieldErrors } from './fields.js';
import type { FormGuard } from './form-guard.js';
import { many, one, ticked, type Posted } from './form-values.js';
import { finishedPage, followUpPage, signInPage, type FollowUpPageState } from './follow-up-pages.js';
import { refusedForLoad, sendPage, serviceFieldErrors } from './page-response.js';
import { PLAIN_ROOT, type PlainContext } from './plain-context.js';
import type { SubmittedOnce } from './submitted-once.js';
import { pendingFile } from './streamed-file.js';
import { checkForm } from './validate-form.js';

type FormName = NonNullable<FollowUpPageState['form']>;
const DONE: Record<string, FormName> = { message: 'message', details: 'details', fichier: 'file', accord: 'consent' };

/**
 * Follow-up with a receipt, as plain forms: the same FollowUpService and
 * UploadsService as the API (same session, same throttles, same checks),
 * the session cookie scoped to these pages' path.
 */
export class FollowUpRoutes {
  readonly #cookie: CookieOptions;

  constructor(
    private readonly guard: FormGuard,
    private readonly followUp: FollowUpService,
    private readonly uploads: UploadsService,
    private readonly once: SubmittedOnce,
    secure: boolean,
  ) {
    this.#cookie = { httpOnly: true, sameSite: 'strict', path: `${PLAIN_ROOT}/suivi`, secure };
  }

  async show(request: Request, response: Response): Promise<void> {
    const context = this.guard.context(request, response);
    const done = DONE[typeof request.query.fait === 'string' ? request.query.fait : ''];
    const message = done ? doneText(context, done) : undefined;
    await this.within(request, response, context, async (session) => {
      sendPage(response, context, followUpPage(context, await this.followUp.view(session), { errors: {}, message }), '/suivi');
    });
  }

  async signIn(request: Request, response: Response): Promise<void> {
    const context = this.guard.context(request, response);
    if (!this.guard.accepts(request)) return sendPage(response, context, signInPage(context, {}, context.plain.formRefused), '/suivi', 400);
    const checked = checkForm(FollowUpLogin, { receipt: one(request.body as Posted, 'receipt') }, context);
    if (!checked.ok) return sendPage(response, context, signInPage(context, checked.errors), '/suivi', 400);
    if (checked.data.receipt.replace(/[\s-]/g, '') === '')
      return sendPage(response, context, signInPage(context, { receipt: context.form.followUp.receiptEmpty }), '/suivi', 400);
    try {
      const { cookie } = await this.followUp.open(checked.data.receipt);
      response.cookie(FOLLOW_UP_COOKIE, cookie, this.#cookie);
      response.redirect(303, context.href('/suivi'));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const load = refusedForLoad(response, context, error);
      if (load)
        return sendPage(
          response,
          context,
          signInPage(context, {}, error.code === 'RATE_LIMITED' ? context.form.followUp.tooMany : load.message),
          '/suivi',
          load.status,
        );
      if (error.code === 'NOT_FOUND' || error.code === 'VALIDATION_FAILED') {
        return sendPage(response, context, signInPage(context, { receipt: context.form.followUp.notFound }), '/suivi', 400);
      }
      throw error;
    }
  }

  message(request: Request, response: Response): Promise<void> {
    return this.act(request, response, 'message', (session, body, context) => {
      const checked = checkForm(FollowUpMessage, { body: one(body, 'body') }, context);
      return checked.ok ? this.followUp.addMessage(session, checked.data.body) : checked.errors;
    });
  }

  details(request: Request, response: Response): Promise<void> {
    return this.act(request, response, 'details', (session, body, context) => {
      const input = detailsInput(body);
      if (Object.keys(input).length === 0) return { 'incidents.0.types': context.form.details.nothingToSend };
      const checked = checkForm(RequestDetails, input, context);
      return checked.ok ? this.followUp.addDetails(session, checked.data) : checked.errors;
    });
  }

  consent(request: Request, response: Response): Promise<void> {
    return this.act(request, response, 'consent', (session, body, context) => {
      const input = { sharingWithPartners: false, consentId: one(body, 'consentId') || undefined, note: one(body, 'note') || undefined };
      const checked = checkForm(ConsentWithdrawal, input, context);
      return checked.ok ? this.followUp.withdrawConsent(session, checked.data) : checked.errors;
    });
  }

  /**
   * One file, streamed as it arrives into the same encrypted format and
   * through the same content checks as the resumable upload; the token and
   * the one-time key, sent before it, are checked before any byte is stored.
   */
  file(request: Request, response: Response): Promise<void> {
    return this.act(request, response, 'file', async (session, body, context) => {
      const file = pendingFile(request);
      if (!file || file.name === '') return { file: context.plain.fileMissing };
      const input = { kind: 'file', name: file.name.slice(0, 200), type: file.type.slice(0, 100), keepOriginal: ticked(body, 'keepOriginal') };
      const checked = checkForm(StreamedUploadStart, input, context);
      if (!checked.ok) return { file: Object.values(checked.errors)[0] ?? context.form.errors.server };
      await this.uploads.receive(session, checked.data, file.bytes());
    });
  }

  async finish(request: Request, response: Response): Promise<void> {
    const context = this.guard.context(request, response);
    if (!this.guard.accepts(request)) {
      // Never "you have finished" while the session is still open: the defender must know it was not ended.
      return this.within(request, response, context, (session) =>
        this.sendThread(response, context, session, { errors: {}, message: context.plain.formRefused }, 400),
      );
    }
    const session = await this.followUp.resume(readCookie(request, FOLLOW_UP_COOKIE)).catch(() => null);
    if (session) {
      await this.followUp.close(session);
      session.threadKey.destroy();
    }
    response.clearCookie(FOLLOW_UP_COOKIE, this.#cookie);
    sendPage(response, context, finishedPage(context), '/suivi');
  }

  /**
   * A follow-up form: the token, the session, the work; back to the thread
   * (303) when done, or the thread with the form's errors beside its fields.
   */
  private async act(
    request: Request,
    response: Response,
    form: FormName,
    work: (session: OpenFollowUp, body: Posted, context: PlainContext) => Promise<unknown> | FieldErrors,
  ): Promise<void> {
    const context = this.guard.context(request, response);
    const body = (request.body ?? {}) as Posted;
    await this.within(request, response, context, async (session) => {
      let errors: FieldErrors;
      // A file is stored as it arrives: its one-time key must have come before it, like the token.
      if (!this.guard.accepts(request) || (form === 'file' && one(body, '_once') === '')) {
        errors = {};
        return this.sendThread(response, context, session, { errors, form, message: context.plain.formRefused }, 400);
      }
      try {
        // A repeated post of this very form (back button, second tap) does not write twice.
        const outcome = await this.once.run(`${session.caseId}/${form}`, one(body, '_once'), async () => work(session, body, context));
        if (isFieldErrors(outcome)) return this.sendThread(response, context, session, { errors: outcome, form }, 400);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') throw error;
        errors = serviceFieldErrors(error, context);
        const tooLarge = error.fields?.some((field) => field.message === 'file_too_large') ?? false;
        return this.sendThread(
          response,
          context,
          session,
          { errors: form === 'file' ? { file: Object.values(errors)[0] ?? '' } : errors, form },
          tooLarge ? 413 : 400,
        );
      }
      const done = Object.entries(DONE).find(([, name]) => name === form)?.[0] ?? '';
      response.redirect(303, context.href(`/suivi?fait=${done}`));
    });
  }

  private async sendThread(response: Response, context: PlainContext, session: OpenFollowUp, state: FollowUpPageState, status: number): Promise<void> {
    sendPage(response, context, followUpPage(context, await this.followUp.view(session), state), '/suivi', status);
  }

  /** The work within the cookie's session; without one (expired, ended, revoked), the receipt form again. */
  private async within(request: Request, response: Response, context: PlainContext, work: (session: OpenFollowUp) => Promise<void>): Promise<void> {
    const cookie = readCookie(request, FOLLOW_UP_COOKIE);
    try {
      await this.followUp.within(cookie, work);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'UNAUTHENTICATED') throw error;
      if (cookie) response.clearCookie(FOLLOW_UP_COOKIE, this.#cookie);
      sendPage(response, context, signInPage(context, {}, cookie ? context.form.followUp.expired : undefined), '/suivi', request.method === 'GET' ? 200 : 401);
    }
  }
}

function isFieldErrors(value: unknown): value is FieldErrors {
  return typeof value === 'object' && value !== null && !('reference' in value) && Object.values(value).every((v) => typeof v === 'string');
}

function doneText(context: PlainContext, form: FormName): string {
  if (form === 'message') return context.plain.messageSent;
  if (form === 'details') return context.plain.detailsSent;
  if (form === 'file') return context.plain.fileSent;
  return context.plain.withdrawn;
}

/** The details page's fields as the shared RequestDetails object: only what was answered. */
function detailsInput(body: Posted): Record<string, unknown> {
  const types = many(body, 'incidents.0.types');
  const description = one(body, 'incidents.0.description');
  const region = one(body, 'location.region');
  const measures = many(body, 'help.measures');
  return {
    ...(types.length > 0 || description.trim() ? { incidents: [{ types, description }] } : {}),
    ...(region ? { location: { region } } : {}),
    ...(measures.length > 0 ? { help: { measures } } : {}),
  };
}
