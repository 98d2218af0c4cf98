import 'reflect-metadata';
import { Controller, Get, HttpCode, Module, Post, Res } from '@nestjs/common';
import { APP_INTERCEPTOR, NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import type { Response } from 'express';
import pino from 'pino';
import { z } from 'zod';
import { AppModule } from '../app.module.js';
import type { Runtime } from '../config/runtime.js';
import { CheckedAnswers } from './checked-answers.js';
import { ErrorFilter } from './error.filter.js';
import { ApiFile, ApiSchemas } from './openapi.js';

const Person = z.object({ name: z.string() });

@Controller('api/planted')
class PlantedController {
  @Get('extra')
  @ApiSchemas({ responses: { 200: Person } })
  extra() {
    // A handler that leaks a field its schema does not name.
    return { name: 'Awa', internalKey: 'k3y' };
  }

  @Get('wrong')
  @ApiSchemas({ responses: { 200: Person } })
  wrong() {
    return { name: 987654321 };
  }

  @Post('created')
  @ApiSchemas({ responses: { 200: Person } })
  createdWithoutSchema() {
    return { name: 'Awa' };
  }

  @Post('nothing')
  @HttpCode(204)
  @ApiSchemas({ responses: { 204: z.void() } })
  nothing() {}

  @Get('file')
  @ApiFile('text/csv')
  file(@Res() response: Response) {
    response.type('text/csv').send('a,b\n1,2\n');
  }
}

@Module({ controllers: [PlantedController], providers: [{ provide: APP_INTERCEPTOR, useClass: CheckedAnswers }] })
class PlantedModule {}

describe('answers checked against their declared schema', () => {
  let app: INestApplication;
  let base: string;
  const logged: unknown[] = [];

  beforeAll(async () => {
    app = await NestFactory.create(PlantedModule, { logger: false });
    const logger = pino({ level: 'error' }, { write: (line: string) => void logged.push(JSON.parse(line)) });
    app.useGlobalFilters(new ErrorFilter(logger));
    await app.listen(0, '127.0.0.1');
    base = `${await app.getUrl()}/api/planted`;
  });
  afterAll(() => app.close());

  it('sends the parsed answer: a field the schema does not name never leaves', async () => {
    const response = await fetch(`${base}/extra`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ name: 'Awa' });
  });

  it('answers 500 with a correlation id, not the wrong answer, and logs where it differs without its values', async () => {
    const response = await fetch(`${base}/wrong`);
    expect(response.status).toBe(500);
    const body = (await response.json()) as { error: { code: string; correlationId?: string } };
    expect(body.error.code).toBe('INTERNAL');
    expect(JSON.stringify(body)).not.toContain('987654321');
    const line = JSON.stringify(logged.at(-1));
    expect(line).toContain('GET /api/planted/wrong');
    expect(line).not.toContain('987654321');
    expect(line).toContain('name invalid_type');
  });

  it('refuses an answer sent with a status the route does not declare', async () => {
    expect((await fetch(`${base}/created`, { method: 'POST' })).status).toBe(500);
  });

  it('lets an empty 204 and a file the handler streams itself through', async () => {
    expect((await fetch(`${base}/nothing`, { method: 'POST' })).status).toBe(204);
    const file = await fetch(`${base}/file`);
    expect(file.status).toBe(200);
    expect(await file.text()).toBe('a,b\n1,2\n');
  });

  it('is installed for the whole portal', () => {
    const providers = AppModule.forRoot({} as Runtime).providers ?? [];
    expect(providers).toContainEqual({ provide: APP_INTERCEPTOR, useClass: CheckedAnswers });
  });
});
