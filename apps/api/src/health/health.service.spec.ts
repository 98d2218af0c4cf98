import { HealthService } from './health.service.js';
import type { HealthRepository } from './health.repository.js';

describe('HealthService', () => {
  it('reports the database up when it answers', async () => {
    const sut = new HealthService({ ping: () => Promise.resolve() } as HealthRepository);
    await expect(sut.check()).resolves.toEqual({ status: 'ok', database: 'up' });
  });

  it('reports the database down when the ping fails', async () => {
    const sut = new HealthService({ ping: () => Promise.reject(new Error('ECONNREFUSED')) } as HealthRepository);
    await expect(sut.check()).resolves.toEqual({ status: 'degraded', database: 'down' });
  });
});
