import { Injectable } from '@nestjs/common';
import type { HealthResponse } from '@mnpddh/shared';
import { HealthRepository } from './health.repository.js';

const PING_TIMEOUT_MS = 3_000;

@Injectable()
export class HealthService {
  constructor(private readonly repository: HealthRepository) {}

  async check(): Promise<HealthResponse> {
    const up = await withTimeout(this.repository.ping(), PING_TIMEOUT_MS).then(
      () => true,
      () => false,
    );
    return up ? { status: 'ok', database: 'up' } : { status: 'degraded', database: 'down' };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
