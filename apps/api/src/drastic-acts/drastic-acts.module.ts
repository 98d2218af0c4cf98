import { Module } from '@nestjs/common';
import { AdminModule } from '../admin/admin.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { RekeyModule } from '../rekey/rekey.module.js';
import { DrasticActsController } from './drastic-acts.controller.js';
import { DrasticActs } from './drastic-acts.service.js';

/** Deactivating or revoking an admin, a custodian or an auditor, and reinstating anyone: two people. */
@Module({ imports: [AuthModule, AdminModule, RekeyModule], controllers: [DrasticActsController], providers: [DrasticActs] })
export class DrasticActsModule {}
