import { Writable } from 'node:stream';
import { createLogger } from './logger.js';
import { hourOf, logPublicFailure } from './public-side-log.js';

function capture(): { lines: string[]; sink: Writable } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, sink };
}

describe('the public side log', () => {
  it('logs an error on a public route as a code and the error class with the hour: no time, no message, no path', async () => {
    const { lines, sink } = capture();
    const sut = createLogger('info', sink);
    logPublicFailure(sut, 'INTERNAL', new TypeError('SELECT * FROM receipt WHERE lookup_id = secret'), 'c0ffee');
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0] as string) as Record<string, unknown>;
    expect(line).toEqual({
      level: 50,
      hour: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}$/),
      code: 'INTERNAL',
      reason: 'TypeError',
      correlationId: 'c0ffee',
      msg: 'public request failed',
    });
    expect(lines[0]).not.toContain('SELECT');
  });

  it('names the hour in UTC', () => {
    expect(hourOf(new Date('2026-12-05T09:13:22.123Z'))).toBe('2026-12-05T09');
  });
});
