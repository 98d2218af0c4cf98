import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { ReferenceModule } from '../reference/reference.module.js';
import { VaultModule } from '../vault/vault.module.js';
import { DocumentTemplatesController } from './document-templates.controller.js';
import { DocumentTemplates } from './document-templates.service.js';
import { DocumentTemplatesRepository } from './document-templates.repository.js';
import { DocumentsController } from './documents.controller.js';
import { DocumentsService } from './documents.service.js';

/** Documents the mechanism issues on a case: templates, drafts, approval, PDF. */
@Module({
  imports: [AuthModule, VaultModule, ReferenceModule],
  controllers: [DocumentsController, DocumentTemplatesController],
  providers: [DocumentsService, DocumentTemplates, DocumentTemplatesRepository],
})
export class DocumentsModule {}
