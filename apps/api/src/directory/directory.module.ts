import { Global, Module } from '@nestjs/common';
import { DirectoryRepository } from './directory.repository.js';
import { DirectoryService } from './directory.service.js';
import { EscrowHealthRepository } from './escrow-health.repository.js';
import { EscrowHealthService } from './escrow-health.service.js';

@Global()
@Module({
  providers: [DirectoryService, DirectoryRepository, EscrowHealthService, EscrowHealthRepository],
  exports: [DirectoryService, DirectoryRepository, EscrowHealthService],
})
export class DirectoryModule {}
