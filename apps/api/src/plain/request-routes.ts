import type { Request, Response } from 'express';
import { CallbackRequest, PRIVACY_NOTICE_VERSION, ProtectionRequest, toRequestInput } from '@mnpddh/shared';
import { CryptoError } from '../crypto/index.js';
import type { IntakeService } from '../intake/intake.service.js';
import type { FormGuard } from './form-guard.js';
import { one, ticked, type Posted } from './form-values.js';
import { refusedForLoad, sendPage } from './page-response.js';
import type { PlainContext } from './plain-context.js';
import { emptyDraft, parseDraft, readStep, REQUEST_STEPS, type PlainDraft } from './request-draft.js';
import { receiptPage, requestStepPage } from './request-pages.js';
import { callbackPage, callbackSentPage, emptyCallback } from './site-pages.js';
import { checkForm, errorsUnder } from './validate-form.js';
import type { FieldErrors } from './fields.js';
import { wellFormedOnce } from './submitted-once.js';

/** An unfinished request can wait this long between two pages. */
const DRAFT_LIFETIME_MS = 2 * 3600_000;
const PURPOSE = 'protection-request';

/** The protection request in three pages and the call-back request, through the same IntakeService as the API. */
export class RequestRoutes {
  constructor(
    private readonly guard: FormGuard,
    private readonly intake: IntakeService,
  ) {}

  showFirstStep(request: Request, response: Response): void {
    const context = this.guard.context(request, response);
    this.sendStep(response, context, 0, emptyDraft(), {});
  }

  async postStep(request: Request, response: Response): Promise<void> {
    const context = this.guard.context(request, response);
    const body = request.body as Posted;
    if (!this.guard.accepts(request)) return this.sendStep(response, context, 0, emptyDraft(), {}, context.plain.formRefused, 400);
    const opened = this.openDraft(one(body, '_draft'));
    if (!opened) return this.sendStep(response, context, 0, emptyDraft(), {}, context.plain.formExpired, 400);
    const step = Math.min(Math.max(Number.parseInt(one(body, '_step'), 10) || 0, 0), REQUEST_STEPS.length - 1);
    const draft = readStep(opened, step, body);
    const go = one(body, '_go');
    if (go === 'back') return this.sendStep(response, context, Math.max(step - 1, 0), draft, {});
    const checked = checkForm(ProtectionRequest, toRequestInput(draft), context);
    if (go === 'send' && step === REQUEST_STEPS.length - 1) {
      if (!checked.ok) return this.sendStep(response, context, stepOf(checked.errors), draft, stepErrors(checked.errors), undefined, 400);
      return this.submit(response, context, draft, checked.data);
    }
    const errors = checked.ok ? {} : errorsUnder(checked.errors, REQUEST_STEPS[step] ?? []);
    if (Object.keys(errors).length > 0) return this.sendStep(response, context, step, draft, errors, undefined, 400);
    this.sendStep(response, context, Math.min(step + 1, REQUEST_STEPS.length - 1), draft, {});
  }

  private async submit(response: Response, context: PlainContext, draft: PlainDraft, request: ProtectionRequest): Promise<void> {
    try {
      // The page's language is the form's, as the web form's Accept-Language is: staff see which one was filled in.
      const submitted = await this.intake.submit(request, draft.submissionKey, false, context.locale);
      sendPage(response, context, receiptPage(context, submitted), '/demande');
    } catch (error) {
      // Too many attempts or too busy: the answers stay in the page, to send again.
      const load = refusedForLoad(response, context, error);
      if (load) return this.sendStep(response, context, REQUEST_STEPS.length - 1, draft, {}, load.message, load.status);
      throw error;
    }
  }

  private sendStep(response: Response, context: PlainContext, step: number, draft: PlainDraft, errors: FieldErrors, message?: string, status = 200): void {
    const sealed = this.guard.key.sealDraft(JSON.stringify(draft), PURPOSE, Date.now() + DRAFT_LIFETIME_MS);
    sendPage(response, context, requestStepPage(context, { step, draft, sealed, errors, message }), '/demande', status);
  }

  /** A fresh draft for a first page with none; null for a tampered, foreign or expired one. */
  private openDraft(sealed: string): PlainDraft | null {
    if (sealed === '') return emptyDraft();
    try {
      return parseDraft(this.guard.key.openDraft(sealed, PURPOSE, Date.now()));
    } catch (error) {
      if (error instanceof CryptoError || error instanceof SyntaxError) return null;
      throw error;
    }
  }

  showCallback(request: Request, response: Response): void {
    const context = this.guard.context(request, response);
    sendPage(response, context, callbackPage(context, emptyCallback, {}), '/rappel');
  }

  async postCallback(request: Request, response: Response): Promise<void> {
    const context = this.guard.context(request, response);
    const body = request.body as Posted;
    const values = {
      phone: one(body, 'phone'),
      safeTimes: one(body, 'safeTimes'),
      language: one(body, 'language'),
      lifeInDanger: one(body, 'lifeInDanger'),
      consent: ticked(body, 'consent.processing'),
    };
    if (!this.guard.accepts(request)) return sendPage(response, context, callbackPage(context, values, {}, context.plain.formRefused), '/rappel', 400);
    const checked = checkForm(
      CallbackRequest,
      {
        phone: values.phone,
        safeTimes: values.safeTimes,
        language: values.language || undefined,
        lifeInDanger: values.lifeInDanger || undefined,
        consent: { processing: values.consent, noticeVersion: PRIVACY_NOTICE_VERSION },
      },
      context,
    );
    if (!checked.ok) return sendPage(response, context, callbackPage(context, values, checked.errors), '/rappel', 400);
    try {
      // The form's one-time key is the intake's Idempotency-Key: the same form posted twice is one request.
      const { reference } = await this.intake.requestCallback(checked.data, wellFormedOnce(one(body, '_once')));
      sendPage(response, context, callbackSentPage(context, reference), '/rappel');
    } catch (error) {
      const load = refusedForLoad(response, context, error);
      if (!load) throw error;
      sendPage(response, context, callbackPage(context, values, {}, load.message), '/rappel', load.status);
    }
  }
}

/** The first page holding an error, so "Envoyer" on the last page leads back to what must be corrected. */
function stepOf(errors: FieldErrors): number {
  const index = REQUEST_STEPS.findIndex((prefixes) => Object.keys(errorsUnder(errors, prefixes)).length > 0);
  return index < 0 ? 0 : index;
}

function stepErrors(errors: FieldErrors): FieldErrors {
  return errorsUnder(errors, REQUEST_STEPS[stepOf(errors)] ?? []);
}
