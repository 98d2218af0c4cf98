import { Controller, Get } from '@nestjs/common';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { PuzzleChallenge } from '@mnpddh/shared';
import { Public } from '../common/access.decorators.js';
import { ApiSchemas } from '../common/openapi.js';
import { ClientPuzzles } from './client-puzzles.service.js';

/** The header's documentation, on every route that takes it. */
export const PUZZLE_HEADER_DOC = {
  name: 'Puzzle-Solution',
  required: false,
  description: 'challenge.nonce solving GET /api/puzzle; without it the attempt waits behind those that carry one.',
};

@ApiTags('intake')
@Controller('puzzle')
export class PuzzleController {
  constructor(private readonly puzzles: ClientPuzzles) {}

  /** The puzzle to solve before a submission or a receipt check; `difficulty: 0` when calm. Answered from memory. */
  @ApiOperation({ description: 'Gives the puzzle to solve before a submission or a receipt check (difficulty 0 when calm).' })
  @Get()
  @Public()
  @ApiSchemas({ responses: { 200: PuzzleChallenge } })
  current(): PuzzleChallenge {
    return PuzzleChallenge.parse(this.puzzles.current());
  }
}
