import { Inject, Injectable } from '@nestjs/common';
import { hourlyLoggerOf } from '../common/public-side-log.js';
import { RUNTIME, type Runtime } from '../config/runtime.js';
import { Dispatcher } from './dispatcher.js';
import { SchedulerLock } from './scheduler-lock.js';

/**
 * Sends pending alert deliveries now rather than at the next scheduler tick:
 * right after an urgent request commits, and from the tick itself (which
 * keeps retries and escalation). One run at a time in this process; a call
 * during a run asks for one more run after it, so a burst of requests costs a
 * couple of runs, not one each. Across instances the scheduler's advisory
 * lock keeps two from sending the same delivery.
 */
@Injectable()
export class PromptDelivery {
  #running: Promise<void> | null = null;
  #again = false;

  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly lock: SchedulerLock,
    private readonly dispatcher: Dispatcher,
  ) {}

  deliverNow(): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = this.runUntilSettled().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  /**
   * For the after-commit hook: never throws (a failed try is retried at the
   * next tick). It runs right after a defender's request, so its line carries
   * the hour only: a precise time would date the submission.
   */
  kick(): void {
    this.deliverNow().catch((error: unknown) => {
      hourlyLoggerOf(this.runtime.logger).warn({ reason: error instanceof Error ? error.name : 'unknown' }, 'prompt alert delivery failed');
    });
  }

  private async runUntilSettled(): Promise<void> {
    do {
      this.#again = false;
      await this.lock.whileHeld(async () => void (await this.dispatcher.deliverPending()));
    } while (this.#again);
  }
}
