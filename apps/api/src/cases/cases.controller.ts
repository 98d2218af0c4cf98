import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { CaseDetail, CaseList, CaseListQuery, JournalPage, JournalPageQuery } from '@mnpddh/shared';
import { staffSessionOf } from '../common/current-staff.js';
import { Roles } from '../common/access.decorators.js';
import { ApiFile, ApiSchemas } from '../common/openapi.js';
import { ValidParams, ValidQuery } from '../common/valid-body.js';
import { CaseListExport } from './case-list-export.js';
import { CasesService } from './cases.service.js';
import { OlderEntries } from './older-entries.js';

const CaseIdParams = z.object({ id: z.uuid() });

/**
 * Supervisors and caseworkers, on the cases they hold. Auditors and admins
 * never read a case (403); the vault refuses a case without a grant (403).
 * Responses go through the shared schemas: no ciphertext, key id or MAC out.
 */
@ApiTags('cases')
@Controller('cases')
@Roles('supervisor', 'caseworker')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly listExport: CaseListExport,
    private readonly olderEntries: OlderEntries,
  ) {}

  @ApiOperation({ description: 'Lists the cases the caller may see, filtered and paged.' })
  @Get()
  @ApiSchemas({ responses: { 200: CaseList } })
  async list(@Req() request: Request, @ValidQuery(CaseListQuery) query: CaseListQuery): Promise<CaseList> {
    const session = staffSessionOf(request);
    // Checked against CaseList once, by CheckedAnswers (the route's declared schema): not parsed twice.
    return this.cases.list(session.staff, session, query);
  }

  /** The list as CSV, same filters, supervisors only (declared before ':id', which would take "export" for an id). */
  @ApiOperation({ description: 'Exports the case list as CSV, with the same filters.' })
  @Get('export')
  @ApiFile('text/csv')
  @Roles('supervisor')
  async export(@Req() request: Request, @ValidQuery(CaseListQuery) query: CaseListQuery, @Res() response: Response): Promise<void> {
    const session = staffSessionOf(request);
    const csv = await this.listExport.csv(session.staff, session, query);
    response.status(200);
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="dossiers-${new Date().toISOString().slice(0, 10)}.csv"`);
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.send(csv);
  }

  @ApiOperation({ description: 'Reads a case, decrypted for the caller, with the latest page of its journal.' })
  @Get(':id')
  @ApiSchemas({ responses: { 200: CaseDetail } })
  async view(@Req() request: Request, @ValidParams(CaseIdParams) params: z.infer<typeof CaseIdParams>): Promise<CaseDetail> {
    const { id } = params;
    return this.cases.view(staffSessionOf(request).staff, id);
  }

  /** The journal entries before the case view's page (checked and audited as an open; only this page decrypted). */
  @ApiOperation({ description: 'Reads the journal entries older than the page the case view carries, one page at a time.' })
  @Get(':id/entries')
  @ApiSchemas({ responses: { 200: JournalPage } })
  async entries(
    @Req() request: Request,
    @ValidParams(CaseIdParams) params: z.infer<typeof CaseIdParams>,
    @ValidQuery(JournalPageQuery) query: JournalPageQuery,
  ): Promise<JournalPage> {
    return this.olderEntries.before(staffSessionOf(request).staff, params.id, query.before ?? null);
  }
}
