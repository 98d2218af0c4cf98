import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { RetentionModule } from '../retention/retention.module.js';
import { RegisterOfProcessingController } from './register-of-processing.controller.js';

/** Personal data law: the register of processing; the notice itself lives in @mnpddh/shared. */
@Module({
  imports: [AuthModule, RetentionModule],
  controllers: [RegisterOfProcessingController],
})
export class PrivacyModule {}
