import { NOT_MESSAGES, readSourceMessages } from './catalogue-source.js';
import { findMessageUses } from './catalogue-usage.js';

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
    for (const key of ['site.home.title', 'intake.common.minutes', 'uploads.file.chosen', 'intake.details.person.disabilityLegend', 'site.layout.reviewNotice']) {
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
