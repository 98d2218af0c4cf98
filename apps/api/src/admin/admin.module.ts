import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { AdminController } from './admin.controller.js';
import { PasswordResetRepository } from './password-reset.repository.js';
import { PasswordResetService } from './password-reset.service.js';
import { StaffAccounts } from './staff-accounts.service.js';
import { StaffAdminService } from './staff-admin.service.js';

@Module({
  imports: [AuthModule],
  controllers: [AdminController],
  providers: [StaffAccounts, StaffAdminService, PasswordResetService, PasswordResetRepository],
  exports: [StaffAccounts, StaffAdminService],
})
export class AdminModule {}
