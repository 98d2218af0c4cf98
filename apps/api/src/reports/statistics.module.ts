import { Module } from '@nestjs/common';
import { StatisticsBatchScheduler } from './statistics-batch-scheduler.js';
import { StatisticsBatchRepository } from './statistics-batch.repository.js';
import { StatisticsBatches } from './statistics-batches.js';
import { StatisticsController } from './statistics.controller.js';
import { StatisticsRepository } from './statistics.repository.js';
import { StatisticsService } from './statistics.service.js';

/** Anonymised statistics from the aggregate counters. */
@Module({
  controllers: [StatisticsController],
  providers: [StatisticsService, StatisticsRepository, StatisticsBatches, StatisticsBatchRepository, StatisticsBatchScheduler],
  exports: [StatisticsService, StatisticsBatches],
})
export class StatisticsModule {}
