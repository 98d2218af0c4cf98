import { Module } from '@nestjs/common';
import { PublicWorkModule } from '../public-work/public-work.module.js';
import { VaultModule } from '../vault/vault.module.js';
import { FollowUpController } from './follow-up.controller.js';
import { FollowUpRepository } from './follow-up.repository.js';
import { FollowUpService } from './follow-up.service.js';
import { StoredFilesSweep } from './stored-files-sweep.js';
import { UploadsController } from './uploads.controller.js';
import { UploadsService } from './uploads.service.js';

/** The upload PATCH route reads its body itself, as a stream (uploads.controller.ts): no body parser here. */
@Module({
  imports: [VaultModule, PublicWorkModule],
  controllers: [FollowUpController, UploadsController],
  providers: [FollowUpService, FollowUpRepository, UploadsService, StoredFilesSweep],
})
export class FollowUpModule {}
