import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ExportFormat, negotiateLocale, ResponseTimes, StatisticsQuery, StatisticsTable } from '@mnpddh/shared';
import { AuditService } from '../audit/audit.service.js';
import { CurrentStaff, type CurrentStaffMember } from '../common/current-staff.js';
import { Roles } from '../common/access.decorators.js';
import { ApiFile, ApiSchemas } from '../common/openapi.js';
import { parseInput } from '../common/valid-body.js';
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

  @Get('statistics')
  @Roles('auditor', 'supervisor')
  @ApiSchemas({ responses: { 200: StatisticsTable } })
  async table(@Req() request: Request): Promise<StatisticsTable> {
    const query = parseInput(StatisticsQuery, request.query, localeOf(request));
    return this.statistics.table(query);
  }

  /** A download with its metadata (period, k, when, by whom); audited by its shape, never its numbers. */
  @Get('statistics/export')
  @ApiFile('text/csv', 'application/json')
  @Roles('auditor', 'supervisor')
  async export(@Req() request: Request, @Res() response: Response, @CurrentStaff() staff: CurrentStaffMember): Promise<void> {
    const { format: rawFormat, ...rest } = request.query;
    const format = parseInput(ExportFormat, rawFormat, localeOf(request));
    const query = parseInput(StatisticsQuery, rest, localeOf(request));
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

  @Get('response-times')
  @Roles('auditor', 'supervisor')
  @ApiSchemas({ responses: { 200: ResponseTimes } })
  async responseTimes(@Req() request: Request): Promise<ResponseTimes> {
    // The statistics query's own month and order checks (the dimension is a placeholder, not read).
    const { from, to } = parseInput(StatisticsQuery, { ...request.query, dimension: 'cases' }, localeOf(request));
    return this.statistics.responseTimes(from, to);
  }
}

function localeOf(request: Request) {
  return negotiateLocale(request.headers['accept-language']);
}
