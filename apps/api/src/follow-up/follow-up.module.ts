import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import express from 'express';
import { PublicWorkModule } from '../public-work/public-work.module.js';
import { VaultModule } from '../vault/vault.module.js';
import { FollowUpController } from './follow-up.controller.js';
import { FollowUpRepository } from './follow-up.repository.js';
import { FollowUpService } from './follow-up.service.js';
import { StoredFilesSweep } from './stored-files-sweep.js';
import { UPLOAD_CONTENT_TYPE, UploadsController } from './uploads.controller.js';
import { UPLOAD_CHUNK_BYTES, UploadsService } from './uploads.service.js';

@Module({
  imports: [VaultModule, PublicWorkModule],
  controllers: [FollowUpController, UploadsController],
  providers: [FollowUpService, FollowUpRepository, UploadsService, StoredFilesSweep],
})
export class FollowUpModule implements NestModule {
  /** Raw bytes only on the upload PATCH route, at most one chunk (a larger body is 413). */
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(express.raw({ type: UPLOAD_CONTENT_TYPE, limit: UPLOAD_CHUNK_BYTES }))
      .forRoutes({ path: 'follow-up/uploads/:id', method: RequestMethod.PATCH });
  }
}
