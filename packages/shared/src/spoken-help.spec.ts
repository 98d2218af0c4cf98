import { describe, expect, test } from '@jest/globals';
import { formatSpokenHelp, parseSpokenHelp } from './spoken-help-steps.js';
import { SpokenPromptUpload, SPOKEN_PROMPT_MAX_BYTES } from './spoken-help.js';

describe('the list of prompts carried in the page', () => {
  test('round-trips, and ignores whatever names no known step or language', () => {
    const listed = formatSpokenHelp([
      { language: 'bm', step: 'home' },
      { language: 'fr', step: 'receipt' },
    ]);
    expect(listed).toBe('bm:home fr:receipt');
    expect(parseSpokenHelp(`${listed} xx:home bm:nowhere <script> bm: :home`)).toEqual([
      { language: 'bm', step: 'home' },
      { language: 'fr', step: 'receipt' },
    ]);
    expect(parseSpokenHelp(null)).toEqual([]);
  });
});

describe('the upload schema', () => {
  test('names the field and the reason: empty, over the cap', () => {
    const empty = SpokenPromptUpload.safeParse({ step: 'home', language: 'bm', audio: new Uint8Array() });
    expect(empty.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['audio', 'prompt_not_audio']]);
    const big = SpokenPromptUpload.safeParse({ step: 'home', language: 'bm', audio: new Uint8Array(SPOKEN_PROMPT_MAX_BYTES + 1) });
    expect(big.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['audio', 'prompt_too_large']]);
    expect(SpokenPromptUpload.safeParse({ step: 'home', language: 'other', audio: new Uint8Array(1) }).success).toBe(false);
  });
});
