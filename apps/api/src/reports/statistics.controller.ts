import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import type { Response } from 'express';
import { ResponseTimes, ResponseTimesQuery, StatisticsExportQuery, StatisticsQuery, StatisticsTable } from '@mnpddh/shared';
import { AuditService } from '../audit/audit.service.js';
import { CurrentStaff, type CurrentStaffMember } from '../common/current-staff.js';
import { Roles } from '../common/access.decorators.js';
import { ApiFile, ApiSchemas } from '../common/openapi.js';
import { ValidQuery } from '../common/valid-body.js';
import { exportMeta, statisticsCsv, statisticsJson } from './statistics-export.js';
import { StatisticsService } from './statistics.service.js';

/**
 * Anonymised statistics: auditors and supervisors only (admins and
 * caseworkers: 403). Nothing here reads a case; every answer comes from the
 * aggregate counters, suppressed below k.
 */
@ApiTags('reports')
@Controller('reports')
@Roles('auditor', 'supervisor')
export class StatisticsController {
  constructor(
    private readonly statistics: StatisticsService,
    private readonly audit: AuditService,
  ) {}

  @ApiOperation({ description: 'Anonymised statistics over a period, by one or two dimensions, suppressed below k.' })
  @Get('statistics')
  @Roles('auditor', 'supervisor')
  @ApiSchemas({ responses: { 200: StatisticsTable } })
  async table(@ValidQuery(StatisticsQuery) query: StatisticsQuery): Promise<StatisticsTable> {
    return this.statistics.table(query);
  }

  /** A download with its metadata (period, k, when, by whom); audited by its shape, never its numbers. */
  @ApiOperation({ description: 'Downloads the anonymised statistics as CSV or JSON, with their metadata.' })
  @Get('statistics/export')
  @ApiFile('text/csv', 'application/json')
  @Roles('auditor', 'supervisor')
  async export(
    @ValidQuery(StatisticsExportQuery) { format, ...query }: StatisticsExportQuery,
    @Res() response: Response,
    @CurrentStaff() staff: CurrentStaffMember,
  ): Promise<void> {
    const table = StatisticsTable.parse(await this.statistics.table(query));
    const meta = exportMeta(table, staff);
    const body = format === 'csv' ? statisticsCsv(table, meta) : statisticsJson(table, meta);
    await this.audit.record({
      action: 'export.created',
      actorId: staff.id,
      targetType: 'export',
      details: { kind: 'statistics', format, dimension: query.dimension, cross: query.cross ?? null },
    });
    const name = `statistiques-${table.query.dimension}${table.query.cross ? `-${table.query.cross}` : ''}-${table.query.from}-${table.query.to}.${format}`;
    response.status(200);
    response.setHeader('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.send(body);
  }

  @ApiOperation({ description: 'Anonymised response times over a period (first contact, assessment), suppressed below k.' })
  @Get('response-times')
  @Roles('auditor', 'supervisor')
  @ApiSchemas({ responses: { 200: ResponseTimes } })
  async responseTimes(@ValidQuery(ResponseTimesQuery) { from, to }: ResponseTimesQuery): Promise<ResponseTimes> {
    return this.statistics.responseTimes(from, to);
  }
}
