import { Controller, Get, Put } from '@nestjs/common';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { z } from 'zod';
import { DocumentKind, DocumentLanguage, DocumentTemplateInput, DocumentTemplateList, DocumentTemplateView } from '@mnpddh/shared';
import { CurrentStaff, type CurrentStaffMember } from '../common/current-staff.js';
import { Roles } from '../common/access.decorators.js';
import { ApiSchemas } from '../common/openapi.js';
import { ValidBody, ValidParams } from '../common/valid-body.js';
import { DocumentTemplates } from './document-templates.service.js';

const TemplateParams = z.object({ kind: DocumentKind, language: DocumentLanguage });

/** The document templates: not case data; admins and supervisors edit them (audited). */
@ApiTags('documents')
@Controller('document-templates')
@Roles('admin', 'supervisor')
export class DocumentTemplatesController {
  constructor(private readonly templates: DocumentTemplates) {}

  @ApiOperation({ description: 'Lists the document templates, per kind and language.' })
  @Get()
  @ApiSchemas({ responses: { 200: DocumentTemplateList } })
  async list(): Promise<DocumentTemplateList> {
    return { items: await this.templates.list() };
  }

  @ApiOperation({ description: 'Saves a document template for one kind and language.' })
  @Put(':kind/:language')
  @ApiSchemas({ body: DocumentTemplateInput, responses: { 200: DocumentTemplateView } })
  async save(
    @CurrentStaff() staff: CurrentStaffMember,
    @ValidBody(DocumentTemplateInput) input: DocumentTemplateInput,
    @ValidParams(TemplateParams) params: z.infer<typeof TemplateParams>,
  ): Promise<DocumentTemplateView> {
    const { kind, language } = params;
    return this.templates.save(staff, kind, language, input);
  }
}
