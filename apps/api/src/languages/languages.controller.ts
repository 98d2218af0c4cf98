import { Controller, Get } from '@nestjs/common';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { COMPLETENESS, LanguageCompletenessList, languageOf, LANGUAGES } from '@mnpddh/shared';
import { Roles } from '../common/access.decorators.js';
import { ApiSchemas } from '../common/openapi.js';

@ApiTags('languages')
@Controller()
export class LanguagesController {
  /** Admins: how complete each public language is, so the mechanism knows what to give its translators. */
  @ApiOperation({ description: 'Shows how complete each public language is.' })
  @Get('admin/languages')
  @Roles('admin')
  @ApiSchemas({ responses: { 200: LanguageCompletenessList } })
  list(): LanguageCompletenessList {
    return LanguageCompletenessList.parse({ languages: LANGUAGES.map(({ code }) => completenessOf(code)) });
  }
}

function completenessOf(code: (typeof LANGUAGES)[number]['code']) {
  const { name, status, offered } = languageOf(code);
  const counts = COMPLETENESS.find((item) => item.code === code) ?? { total: 0, translated: 0, review: 0, missing: 0 };
  return { code, name, status, offered, total: counts.total, translated: counts.translated, review: counts.review, missing: counts.missing };
}
