import { createLogger } from '../common/logger.js';
import type { Runtime } from '../config/runtime.js';
import type { SecurityEvents } from './security-events.js';
import type { AuditCheckpoints } from './audit-checkpoints.js';
import { CheckpointScheduler } from './checkpoint-scheduler.js';

describe('CheckpointScheduler', () => {
  it("signs again, rather than waiting for itself, when its own checkpoint's commit anchors a security event", async () => {
    let securityEvent: () => Promise<unknown> = () => Promise.resolve();
    const anchor: SecurityEvents = { whenSecurityEvent: (listener: () => Promise<unknown>) => void (securityEvent = listener) };
    let signatures = 0;
    const checkpoints = {
      // As the real commit does: the anchor's after-commit hook runs before the signature's transaction returns,
      // and the first time it folds another request's revocation committed meanwhile.
      signIfChanged: async () => {
        await new Promise((resolve) => setImmediate(resolve)); // the database's answer
        signatures += 1;
        if (signatures === 1) await securityEvent();
        return { rowCount: signatures };
      },
    } as unknown as AuditCheckpoints;
    const runtime = { logger: createLogger('silent'), config: { AUDIT_CHECKPOINT_MINUTES: 5 } } as unknown as Runtime;
    const scheduler = new CheckpointScheduler(runtime, checkpoints, anchor);

    const answered = await Promise.race([securityEvent().then(() => 'signed'), new Promise((resolve) => setTimeout(() => resolve('stuck'), 2_000))]);

    expect(answered).toBe('signed');
    expect(signatures).toBe(2);
    await scheduler.onModuleDestroy();
  });
});
