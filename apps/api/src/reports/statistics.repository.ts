import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';

/** A stored counter, as read: never more than a month, codes and a count. */
export interface CounterRecord {
  readonly period: string;
  readonly value1: string;
  readonly value2: string;
  readonly count: number;
}

/** The statistics read stat_counter and nothing else: no case table, no key, no decryption. */
@Injectable()
export class StatisticsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** One dimension alone (dimension2 '') or a pair (dimension1 < dimension2), months from..to. */
  counters(dimension1: string, dimension2: string, from: string, to: string): Promise<CounterRecord[]> {
    return this.prisma.statCounter.findMany({
      where: { dimension1, dimension2, period: { gte: from, lte: to } },
      select: { period: true, value1: true, value2: true, count: true },
    });
  }

  /** One dimension alone, every month before `before` (for stocks such as the cases carried over). */
  countersBefore(dimension1: string, before: string): Promise<CounterRecord[]> {
    return this.prisma.statCounter.findMany({
      where: { dimension1, dimension2: '', period: { lt: before } },
      select: { period: true, value1: true, value2: true, count: true },
    });
  }
}
