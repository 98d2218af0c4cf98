import { PendingIntermediates } from './pending-intermediates.js';
import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { VaultModule } from '../vault/vault.module.js';
import { CustodianController } from './custodian.controller.js';
import { CustodianLookupController } from './custodian-lookup.controller.js';
import { CustodianLookupRepository } from './custodian-lookup.repository.js';
import { CustodianLookupService } from './custodian-lookup.service.js';
import { CustodianDrillService } from './custodian-drill.service.js';
import { CustodianOperationsService } from './custodian-operations.service.js';
import { CustodianRepository } from './custodian.repository.js';
import { CustodianWork } from './custodian-work.js';
import { EscrowHealthController } from './escrow-health.controller.js';
import { EscrowGrants } from './escrow-grants.js';
import { EscrowRotation } from './escrow-rotation.js';
import { EscrowRotationRepository } from './escrow-rotation.repository.js';

/** Two-custodian operations on the escrow key, and the custodian drill. */
@Module({
  imports: [AuthModule, VaultModule],
  controllers: [CustodianController, CustodianLookupController, EscrowHealthController],
  providers: [
    PendingIntermediates,
    CustodianOperationsService,
    CustodianLookupService,
    CustodianLookupRepository,
    CustodianDrillService,
    CustodianRepository,
    CustodianWork,
    EscrowGrants,
    EscrowRotation,
    EscrowRotationRepository,
  ],
})
export class CustodianModule {}
