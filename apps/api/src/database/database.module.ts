import { Global, Module } from '@nestjs/common';
import { fileStoreProvider } from '../file-store/file-store.provider.js';
import { FILE_STORE } from '../file-store/file-store.js';
import { CommitHooks } from './commit-hooks.js';
import { PrismaService } from './prisma.service.js';

@Global()
@Module({ providers: [PrismaService, CommitHooks, fileStoreProvider], exports: [PrismaService, CommitHooks, FILE_STORE] })
export class DatabaseModule {}
