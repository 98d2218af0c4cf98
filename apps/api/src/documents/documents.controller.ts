import { Controller, Get, Post, Res } from '@nestjs/common';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { DocumentDraftInput, DocumentDraftWritten } from '@mnpddh/shared';
import { CurrentStaff, type CurrentStaffMember } from '../common/current-staff.js';
import { Roles } from '../common/access.decorators.js';
import { ApiFile, ApiSchemas } from '../common/openapi.js';
import { ValidBody, ValidParams } from '../common/valid-body.js';
import { CaseParams, Written, written } from '../cases/journal-written.js';
import { DocumentsService } from './documents.service.js';

const DocumentParams = z.object({ id: z.uuid(), documentId: z.uuid() });

/**
 * Documents on a case the caller holds (the vault refuses others): drafted by
 * caseworkers and supervisors, approved by a supervisor who did not draft it,
 * downloaded as a PDF once approved. The documents themselves are listed in
 * the case view's journal (foldDocuments).
 */
@ApiTags('documents')
@Controller()
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @ApiOperation({ description: 'Drafts a document for a case (letter, certificate) from its template.' })
  @Post('cases/:id/documents')
  @Roles('supervisor', 'caseworker')
  @ApiSchemas({ body: DocumentDraftInput, responses: { 201: DocumentDraftWritten } })
  async draft(
    @CurrentStaff() staff: CurrentStaffMember,
    @ValidBody(DocumentDraftInput) body: DocumentDraftInput,
    @ValidParams(CaseParams) params: z.infer<typeof CaseParams>,
  ): Promise<DocumentDraftWritten> {
    const { entry, documentId } = await this.documents.draft(staff, params.id, body);
    return { id: entry.id, seq: entry.seq, documentId };
  }

  @ApiOperation({ description: 'Approves a drafted document so it can be issued.' })
  @Post('cases/:id/documents/:documentId/approval')
  @Roles('supervisor')
  @ApiSchemas({ responses: { 201: Written } })
  async approve(@CurrentStaff() staff: CurrentStaffMember, @ValidParams(DocumentParams) params: z.infer<typeof DocumentParams>) {
    const { id, documentId } = params;
    const entry = await this.documents.approve(staff, id, documentId);
    return written(entry);
  }

  /** Rendered now, with the date and recipient on every page; a download never kept by a cache. Each issue is a journal entry. */
  @ApiOperation({ description: 'Issues a document of a case as PDF, dated and addressed on every page.' })
  @Get('cases/:id/documents/:documentId/pdf')
  @ApiFile('application/pdf')
  @Roles('supervisor', 'caseworker')
  async pdf(
    @Res() response: Response,
    @CurrentStaff() staff: CurrentStaffMember,
    @ValidParams(DocumentParams) params: z.infer<typeof DocumentParams>,
  ): Promise<void> {
    const { id, documentId } = params;
    const issued = await this.documents.issue(staff, id, documentId);
    response.status(200);
    response.setHeader('Content-Type', 'application/pdf');
    response.setHeader('Content-Disposition', `attachment; filename="${issued.fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`);
    response.setHeader('Content-Length', String(issued.bytes.byteLength));
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.end(Buffer.from(issued.bytes));
  }
}
