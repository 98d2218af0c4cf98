import { Global, Module } from '@nestjs/common';
import { DirectoryRepository } from './directory.repository.js';
import { DirectoryService } from './directory.service.js';

@Global()
@Module({ providers: [DirectoryService, DirectoryRepository], exports: [DirectoryService, DirectoryRepository] })
export class DirectoryModule {}
