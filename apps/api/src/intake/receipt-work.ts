import { Argon2Gate } from '../common/argon2-gate.js';

/**
 * Every receipt derivation (issuing one at submission, checking one at
 * follow-up) costs one Argon2id of 64 MiB: a fixed-size pool shared by the
 * public routes bounds memory under a flood (there are no IP addresses to
 * throttle on; Tor makes all clients look alike). Past the queue: 429.
 */
export class ReceiptWork extends Argon2Gate {
  constructor() {
    super({ concurrency: 2, queueLimit: 40 });
  }
}
