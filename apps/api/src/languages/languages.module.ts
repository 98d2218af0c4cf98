import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { LanguagesController } from './languages.controller.js';

/** The public languages' catalogues, as seen by admins. */
@Module({
  imports: [AuthModule],
  controllers: [LanguagesController],
})
export class LanguagesModule {}
