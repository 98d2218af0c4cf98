import { ErrorCode } from '../../packages/shared/src/errors.js';
import { NOT_MESSAGES, readSourceMessages } from './catalogue-source.js';
import { findMessageUses } from './catalogue-usage.js';
import { findRaisedCodes } from './raised-codes.js';

/** A key is there when it is a message or a group of messages (`t.home.who.map(…)`). */
function isInFrench(key: string, messages: readonly string[]): boolean {
  return messages.some((message) => message === key || message.startsWith(`${key}.`));
}

describe('every message the code reads is in the French catalogue', () => {
  // The French source's values: its messages, and the few values that are not words (a language's name, its direction).
  const messages = [...readSourceMessages().map((message) => message.key), ...NOT_MESSAGES];
  // Type-checking the readers takes a while on a busy machine.
  const uses = findMessageUses();

  it('finds the reads in the web app and in the pages without JavaScript', () => {
    const keys = new Set(uses.map((use) => use.key));
    for (const key of [
      'site.home.title',
      'intake.common.minutes',
      'uploads.file.chosen',
      'intake.details.person.disabilityLegend',
      'site.layout.reviewNotice',
    ]) {
      expect(keys).toContain(key);
    }
    // Pages without JavaScript, and a read through a variable key (`t.status[view.status]`).
    expect(uses.some((use) => use.where.startsWith('apps/api/src/plain/') && use.key.startsWith('intake.followUp.status.'))).toBe(true);
  });

  it('has no message read by the code that French lacks', () => {
    const missing = uses.filter((use) => !isInFrench(use.key, messages)).map((use) => `${use.key} (${use.where})`);
    expect(missing).toEqual([]);
  });
});

describe('every field code the API raises is worded in French', () => {
  const messages = readSourceMessages().map((message) => message.key);
  const raised = findRaisedCodes();

  it('finds the codes of the services, of the shared schemas and of the refusing helpers', () => {
    const codes = new Set(raised.map((use) => use.key));
    // A service's AppError, a zod refinement, a zod check's bare argument, a helper, a typed union (a transition's refusal).
    for (const code of ['unknown_consent', 'invalid_characters', 'phone_format', 'prompt_unreadable', 'not_a_next_step']) expect(codes).toContain(code);
  });

  it('has no code without its French message (api.fields for the public side, staff.fields for the staff side)', () => {
    const missing = raised
      .filter((use) => !messages.includes(`api.fields.${use.key}`) && !messages.includes(`staff.fields.${use.key}`))
      .map((use) => `${use.key} (${use.where})`);
    expect(missing).toEqual([]);
  });

  it('words every error code in French', () => {
    const missing = ErrorCode.options.filter((code) => !messages.includes(`api.errors.${code}`));
    expect(missing).toEqual([]);
  });
});
