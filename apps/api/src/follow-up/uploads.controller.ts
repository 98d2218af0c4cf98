import { Controller, Delete, Head, HttpCode, Param, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiParam, ApiTags, ApiOperation } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { FollowUpView, UploadCreated, UploadStart } from '@mnpddh/shared';
import { Public } from '../common/access.decorators.js';
import { AppError } from '../common/app-error.js';
import { readCookie } from '../common/cookies.js';
import { ApiSchemas } from '../common/openapi.js';
import { ValidBody } from '../common/valid-body.js';
import { UploadOffsetConflict } from '../vault/thread-files.js';
import { FOLLOW_UP_COOKIE } from './follow-up.controller.js';
import { FollowUpService, type OpenFollowUp } from './follow-up.service.js';
import { UploadsService } from './uploads.service.js';
import { z } from 'zod';

export const UPLOAD_CONTENT_TYPE = 'application/offset+octet-stream';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Resumable uploads in follow-up (tus-like), authorised by the follow-up
 * session cookie: POST starts one, PATCH sends the bytes at the server's
 * offset, HEAD says where it stands, DELETE abandons it. Neither bodies nor
 * file names are ever logged.
 */
@ApiTags('follow-up')
@Controller('follow-up/uploads')
export class UploadsController {
  constructor(
    private readonly uploads: UploadsService,
    private readonly followUp: FollowUpService,
  ) {}

  @ApiOperation({ description: "Starts a resumable upload of a file for the defender's follow-up." })
  @Post()
  @Public()
  @HttpCode(201)
  @ApiSchemas({ body: UploadStart, responses: { 201: UploadCreated } })
  async start(@ValidBody(UploadStart) input: UploadStart, @Req() request: Request) {
    return this.within(request, async (session) => UploadCreated.parse(await this.uploads.start(session, input)));
  }

  /**
   * 204 + Upload-Offset while bytes are missing; 201 + FollowUpView when the last byte arrived; 409 + Upload-Offset on a wrong offset;
   * 413 for more bytes than the file still lacks. The body is read as it arrives (never whole), so its Content-Length is required.
   */
  @ApiOperation({ description: 'Appends bytes to a resumable follow-up upload at the given offset.' })
  @Patch(':id')
  @ApiParam({ name: 'id', required: true, schema: { type: 'string', format: 'uuid' } })
  @Public()
  @ApiSchemas({ responses: { 201: FollowUpView } })
  async append(@Param('id') id: string, @Req() request: Request, @Res() response: Response) {
    const uploadId = checkedId(id);
    await this.within(request, async (session) => {
      if (!request.is(UPLOAD_CONTENT_TYPE)) throw new AppError('VALIDATION_FAILED', [{ field: 'Content-Type', message: UPLOAD_CONTENT_TYPE }]);
      const header = request.get('upload-offset') ?? '';
      if (!/^\d{1,15}$/.test(header)) throw new AppError('VALIDATION_FAILED', [{ field: 'Upload-Offset', message: 'invalid' }]);
      const length = request.get('content-length') ?? '';
      if (!/^\d{1,15}$/.test(length)) throw new AppError('VALIDATION_FAILED', [{ field: 'Content-Length', message: 'invalid' }]);
      try {
        const result = await this.uploads.append(session, uploadId, Number(header), Number(length), request);
        response.set('Upload-Offset', String(result.offset));
        if (result.view) response.status(201).json(FollowUpView.parse(result.view));
        else response.status(204).end();
      } catch (error) {
        if (!(error instanceof UploadOffsetConflict)) throw error;
        response.set('Upload-Offset', String(error.offset));
        throw new AppError('CONFLICT');
      }
    });
  }

  @ApiOperation({ description: 'Tells how many bytes of a resumable follow-up upload arrived (Upload-Offset), to resume it.' })
  @Head(':id')
  @ApiSchemas({ responses: { 200: z.void() } })
  @ApiParam({ name: 'id', required: true, schema: { type: 'string', format: 'uuid' } })
  @Public()
  async progress(@Param('id') id: string, @Req() request: Request, @Res() response: Response) {
    const uploadId = checkedId(id);
    await this.within(request, async (session) => {
      const { offset, size } = await this.uploads.progress(session, uploadId);
      response
        .set({ 'Upload-Offset': String(offset), 'Upload-Length': String(size) })
        .status(200)
        .end();
    });
  }

  @ApiOperation({ description: 'Abandons a resumable follow-up upload and deletes what was received.' })
  @Delete(':id')
  @ApiParam({ name: 'id', required: true, schema: { type: 'string', format: 'uuid' } })
  @ApiSchemas({ responses: { 204: z.void() } })
  @Public()
  @HttpCode(204)
  async abandon(@Param('id') id: string, @Req() request: Request) {
    const uploadId = checkedId(id);
    await this.within(request, (session) => this.uploads.abandon(session, uploadId));
  }

  private within<T>(request: Request, work: (session: OpenFollowUp) => Promise<T>): Promise<T> {
    return this.followUp.within(readCookie(request, FOLLOW_UP_COOKIE), work);
  }
}

function checkedId(id: string): string {
  if (!UUID.test(id)) throw new AppError('NOT_FOUND');
  return id;
}
