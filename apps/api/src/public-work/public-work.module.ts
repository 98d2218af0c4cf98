import { Module } from '@nestjs/common';
import { ClientPuzzles } from './client-puzzles.service.js';
import { PublicWork } from './public-work.js';
import { PuzzleController } from './puzzle.controller.js';

/** The public side's work pool and the client puzzle that prices a place in its line. */
@Module({
  controllers: [PuzzleController],
  providers: [PublicWork, ClientPuzzles],
  exports: [PublicWork, ClientPuzzles],
})
export class PublicWorkModule {}
