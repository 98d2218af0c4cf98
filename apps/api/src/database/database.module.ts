import { Global, Module } from '@nestjs/common';
import { CommitHooks } from './commit-hooks.js';
import { PrismaService } from './prisma.service.js';

@Global()
@Module({ providers: [PrismaService, CommitHooks], exports: [PrismaService, CommitHooks] })
export class DatabaseModule {}
