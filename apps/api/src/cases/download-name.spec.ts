import { describe, expect, test } from '@jest/globals';
import { downloadName } from './download-name.js';

describe('downloadName', () => {
  test('reference, number and an extension from the decided type', () => {
    expect(downloadName('MNP-2026-0042', 3, 'image/jpeg')).toBe('MNP-2026-0042-piece-3.jpg');
    expect(downloadName('MNP-2026-0042', 1, 'application/pdf')).toBe('MNP-2026-0042-piece-1.pdf');
  });

  test('an unknown or hostile type gives .bin, and nothing of a reference outside letters, digits and dashes survives', () => {
    expect(downloadName('MNP-2026-0042', 2, 'text/html')).toBe('MNP-2026-0042-piece-2.bin');
    expect(downloadName('../"x"\r\n', 1, 'application/x-msdownload')).toBe('----x----piece-1.bin');
  });
});
