import { Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuditCheckpointView, AuditEventPage, AuditQuery, AuditVerification, AuditVerifyRequest } from '@mnpddh/shared';
import { CurrentStaff, type CurrentStaffMember } from '../common/current-staff.js';
import { Roles } from '../common/access.decorators.js';
import { AppError } from '../common/app-error.js';
import { ApiFile, ApiSchemas } from '../common/openapi.js';
import { ValidBody, ValidQuery } from '../common/valid-body.js';
import { AuditCheckpoints } from './audit-checkpoints.js';
import { AuditExporter } from './audit-exporter.js';
import { AuditExportQuery } from './audit-filter.js';
import { AuditLogService } from './audit-log.service.js';
import { AuditVerifier } from './audit-verifier.js';

/** The audit log, for auditors and admins only: read, export, verify, sign checkpoints. Never a case's content. */
@ApiTags('audit')
@Controller('audit')
@Roles('auditor', 'admin')
export class AuditLogController {
  constructor(
    private readonly log: AuditLogService,
    private readonly exporter: AuditExporter,
    private readonly verifier: AuditVerifier,
    private readonly checkpoints: AuditCheckpoints,
  ) {}

  @ApiOperation({ description: "Lists the audit log's events, filtered and paged." })
  @Get('events')
  @ApiSchemas({ responses: { 200: AuditEventPage } })
  async events(@ValidQuery(AuditQuery) query: AuditQuery): Promise<AuditEventPage> {
    return this.log.page(query);
  }

  /** A download (CSV or JSON), streamed. */
  @ApiOperation({ description: "Downloads the audit log's events as CSV or JSON." })
  @Get('events/export')
  @ApiFile('text/csv', 'application/json')
  async export(@CurrentStaff() staff: CurrentStaffMember, @ValidQuery(AuditExportQuery) query: AuditExportQuery, @Res() response: Response): Promise<void> {
    await this.exporter.send(staff, query, response);
  }

  @ApiOperation({ description: 'Recomputes the audit chain and compares it with the latest signed checkpoint.' })
  @Get('verify')
  @ApiSchemas({ responses: { 200: AuditVerification } })
  async verify(): Promise<AuditVerification> {
    return this.verifier.verify();
  }

  /** The same, also compared with a checkpoint the auditor exported earlier (the database's own may be gone). */
  @ApiOperation({ description: 'Recomputes the audit chain and compares it with a checkpoint exported earlier.' })
  @Post('verify')
  @HttpCode(200)
  @ApiSchemas({ body: AuditVerifyRequest, responses: { 200: AuditVerification } })
  async verifyAgainst(@ValidBody(AuditVerifyRequest) body: AuditVerifyRequest): Promise<AuditVerification> {
    return this.verifier.verify(body.checkpoint);
  }

  @ApiOperation({ description: 'Signs a new checkpoint of the audit chain.' })
  @Post('checkpoints')
  @HttpCode(201)
  @ApiSchemas({ responses: { 201: AuditCheckpointView } })
  async sign(@CurrentStaff() staff: CurrentStaffMember): Promise<AuditCheckpointView> {
    return this.checkpoints.signNow(staff.id);
  }

  /** For safekeeping off the server, with the public key that verifies it. */
  @ApiOperation({ description: 'Returns the latest signed checkpoint with its public key, for safekeeping off the server.' })
  @Get('checkpoints/latest')
  @ApiSchemas({ responses: { 200: AuditCheckpointView } })
  async latest(): Promise<AuditCheckpointView> {
    const latest = await this.checkpoints.exportLatest();
    if (!latest) throw new AppError('NOT_FOUND');
    return AuditCheckpointView.parse(latest);
  }
}
