import { Writable } from 'node:stream';
import { createLogger } from '../common/logger.js';
import type { Runtime } from '../config/runtime.js';
import type { Dispatcher } from './dispatcher.js';
import { PromptDelivery } from './prompt-delivery.js';
import type { SchedulerLock } from './scheduler-lock.js';

describe('PromptDelivery.kick', () => {
  it("logs a failed delivery with the hour, never the precise time (it follows a defender's request)", async () => {
    const lines: string[] = [];
    const destination = new Writable({ write: (chunk, _encoding, done) => void (lines.push(String(chunk)), done()) });
    const runtime = { logger: createLogger('warn', destination) } as unknown as Runtime;
    const lock = { whileHeld: () => Promise.reject(new TypeError('database unreachable')) } as unknown as SchedulerLock;
    const delivery = new PromptDelivery(runtime, lock, {} as Dispatcher);

    delivery.kick();
    await new Promise((resolve) => setImmediate(resolve));

    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(line).toMatchObject({ msg: 'prompt alert delivery failed', reason: 'TypeError' });
    expect(line.hour).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}$/);
    expect(line).not.toHaveProperty('time');
  });
});
