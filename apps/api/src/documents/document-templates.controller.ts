import { Controller, Get, Put, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { z } from 'zod';
import { DocumentKind, DocumentLanguage, DocumentTemplateInput, DocumentTemplateList, DocumentTemplateView, negotiateLocale } from '@mnpddh/shared';
import { CurrentStaff, type CurrentStaffMember } from '../auth/current-staff.js';
import { Roles } from '../common/access.decorators.js';
import { ApiSchemas } from '../common/openapi.js';
import { parseInput, ValidBody } from '../common/valid-body.js';
import { DocumentTemplates } from './document-templates.service.js';

const TemplateParams = z.object({ kind: DocumentKind, language: DocumentLanguage });

/** The document templates: not case data; admins and supervisors edit them (audited). */
@ApiTags('documents')
@Controller('document-templates')
@Roles('admin', 'supervisor')
export class DocumentTemplatesController {
  constructor(private readonly templates: DocumentTemplates) {}

  @Get()
  @ApiSchemas({ responses: { 200: DocumentTemplateList } })
  async list(): Promise<DocumentTemplateList> {
    return { items: await this.templates.list() };
  }

  @Put(':kind/:language')
  @ApiSchemas({ body: DocumentTemplateInput, responses: { 200: DocumentTemplateView } })
  async save(@Req() request: Request, @CurrentStaff() staff: CurrentStaffMember, @ValidBody(DocumentTemplateInput) input: DocumentTemplateInput): Promise<DocumentTemplateView> {
    const { kind, language } = parseInput(TemplateParams, request.params, negotiateLocale(request.headers['accept-language']));
    return this.templates.save(staff, kind, language, input);
  }
}
