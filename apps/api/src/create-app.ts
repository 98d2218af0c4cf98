import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module.js';
import { ErrorFilter } from './common/error.filter.js';
import { hostSeparation } from './common/host-separation.js';
import { describeAccess } from './common/openapi-access.js';
import { hoistComponents } from './common/openapi-components.js';
import { createHttpLogger, NestPinoLogger } from './common/logger.js';
import { plainPages } from './plain/plain-pages.js';
import type { Runtime } from './config/runtime.js';
import { securityHeaders } from './security-headers.js';
import { siteFiles } from './site-files.js';
import { SpokenPromptsService } from './spoken-help/spoken-prompts.service.js';
import { webAssets } from './web-assets.js';

/** Builds the Nest application with everything every request goes through. */
export async function createApp(runtime: Runtime, webDist: string): Promise<NestExpressApplication> {
  const { config, logger } = runtime;
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(runtime), {
    logger: new NestPinoLogger(logger),
    bodyParser: false,
  });
  app.disable('x-powered-by');
  if (config.TRUST_PROXY) app.set('trust proxy', 1);
  app.use(createHttpLogger(logger));
  app.use(...securityHeaders());
  const separation = hostSeparation(config);
  if (separation.length > 0) app.use(...separation);
  app.useBodyParser('json', { limit: config.BODY_LIMIT_BYTES, strict: true });
  app.setGlobalPrefix('api');
  app.useGlobalFilters(new ErrorFilter(logger));
  setUpOpenApi(app);
  app.use(siteFiles(config.SECURITY_CONTACT));
  app.use(plainPages(app, runtime, webDist));
  const prompts = app.get(SpokenPromptsService);
  const assets = webAssets(webDist, () => prompts.available());
  if (assets.length > 0) app.use(...assets);
  return app;
}

function setUpOpenApi(app: NestExpressApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('MNPDDH protection portal API')
      .setDescription('Protection requests of human rights defenders in Mali (CNDH).')
      .setVersion('0.1.0')
      .setOpenAPIVersion('3.1.0')
      // The portal serves its API on its own origin, whichever host name it is reached by.
      .addServer('/')
      .build(),
  );
  hoistComponents(document);
  describeAccess(app, document);
  // Every tag the operations use is declared once, so a generated client groups them.
  const tags = new Set(Object.values(document.paths).flatMap((item) => Object.values(item).flatMap((operation: { tags?: string[] }) => operation.tags ?? [])));
  document.tags = [...tags].sort().map((name) => ({ name }));
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', useGlobalPrefix: false });
}
