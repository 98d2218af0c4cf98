import { z } from 'zod';
import { AppError } from './app-error.js';
import { parseInput } from './valid-body.js';

const Schema = z.strictObject({ email: z.email(), count: z.number().max(3) });

describe('parseInput', () => {
  it('returns the parsed value', () => {
    expect(parseInput(Schema, { email: 'a@b.ml', count: 2 }, 'fr')).toEqual({ email: 'a@b.ml', count: 2 });
  });

  it('names each bad field, in French by default', () => {
    let error: AppError | undefined;
    try {
      parseInput(Schema, { email: 'nope', count: 9, extra: true }, 'fr');
    } catch (caught) {
      error = caught as AppError;
    }
    expect(error?.code).toBe('VALIDATION_FAILED');
    const fields = Object.fromEntries((error?.fields ?? []).map((f) => [f.field, f.message]));
    expect(fields.email).toMatch(/invalide/);
    expect(fields.count).toMatch(/Trop grand/);
    expect(fields['']).toMatch(/extra/);
  });

  it('words the messages in English when asked', () => {
    expect(() => parseInput(Schema, { email: 'nope', count: 1 }, 'en')).toThrow(AppError);
    try {
      parseInput(Schema, { email: 'nope', count: 1 }, 'en');
    } catch (caught) {
      expect((caught as AppError).fields?.[0]?.message).toMatch(/Invalid/i);
    }
  });
});
