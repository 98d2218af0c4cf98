import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { PartnersController } from './partners.controller.js';
import { PartnersRepository } from './partners.repository.js';
import { PartnersService } from './partners.service.js';

/** The partner directory: not case data. */
@Module({
  imports: [AuthModule],
  controllers: [PartnersController],
  providers: [PartnersService, PartnersRepository],
  exports: [PartnersService],
})
export class PartnersModule {}
