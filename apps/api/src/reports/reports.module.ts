import { Module } from '@nestjs/common';
import { StatisticsModule } from './statistics.module.js';

/** Reports: anonymised statistics; the audit log lives in the audit module. */
@Module({ imports: [StatisticsModule] })
export class ReportsModule {}
