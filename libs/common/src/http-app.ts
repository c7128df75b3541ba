import { ConsoleLogger, INestApplication, LogLevel } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { JsonContentTypeInterceptor, largeJsonBodies } from './body-limits';
import { HttpExceptionFilter } from './http-exception.filter';
import { RequestInputPipe } from './input.pipe';
import { applySecurityHeaders } from './security-headers';
import { completeDocument } from './openapi/complete-document';
import { ErrorBodyDto, FieldProblemDto } from './openapi/error-body.dto';
import { applyValidatorSchemas } from './openapi/validator-schemas';
import { createValidationPipe } from './validation';

export const LOG_LEVELS: Record<string, LogLevel[]> = {
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  log: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
  verbose: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
};

export interface HttpAppOptions {
  /** Serve the OpenAPI document at /api/docs and /api/docs-json (setting API_DOCS). Default: true. */
  docs?: boolean;
  /** Express's `trust proxy` (setting TRUST_PROXY): whose X-Forwarded-* headers give the client's address. */
  trustProxy?: boolean | number | string[];
}

/** The app's OpenAPI document: DTO schemas derived from their validators, error answers and examples filled in. */
export function buildOpenApiDocument(app: INestApplication, title: string, description: string): OpenAPIObject {
  applyValidatorSchemas();
  const config = new DocumentBuilder()
    .setTitle(title)
    .setDescription(description)
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  return completeDocument(
    SwaggerModule.createDocument(app, config, {
      extraModels: [ErrorBodyDto, FieldProblemDto],
      // operation ids are what generated clients call the methods: `BriefsController_create` → `briefs.create`
      operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}`,
    }),
  );
}

/** What every HTTP app shares: /api prefix (health outside it), body limits, validation, errors, OpenAPI docs. */
export function configureHttpApp(
  app: INestApplication,
  title: string,
  description: string,
  options: HttpAppOptions = {},
): void {
  (app.getHttpAdapter().getInstance() as { set(k: string, v: unknown): void }).set(
    'trust proxy',
    options.trustProxy ?? false,
  );
  applySecurityHeaders(app);
  app.setGlobalPrefix('api', { exclude: ['health'] });
  // before Nest's own 100 kB JSON parser (registered at init): the routes that take inline rows read more
  app.use(largeJsonBodies);
  // RequestInputPipe first: ids, integers and text that no service or database should see (see input.pipe.ts).
  app.useGlobalPipes(new RequestInputPipe(), createValidationPipe());
  app.useGlobalInterceptors(new JsonContentTypeInterceptor(app.get(Reflector)));
  app.useGlobalFilters(new HttpExceptionFilter());
  if (options.docs ?? true)
    SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app, title, description), {
      jsonDocumentUrl: 'api/docs-json',
    });
}

/**
 * Nest's own start-up chatter (a line per module, controller, route and gateway: about a hundred) sits at debug, so
 * the banner a newcomer needs is what `npm start` shows; `LOG_LEVEL=debug` brings it back.
 */
const STARTUP_CONTEXTS = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'WebSocketsController',
  'NestFactory',
  'NestApplication',
]);

export class AppLogger extends ConsoleLogger {
  override log(message: unknown, ...rest: unknown[]): void {
    const context = rest.length > 0 ? rest[rest.length - 1] : this.context;
    if (typeof context === 'string' && STARTUP_CONTEXTS.has(context)) this.debug(message, ...rest);
    else super.log(message, ...rest);
  }
}

/** The logger of an app at `LOG_LEVEL`. */
export function appLogger(level: string): AppLogger {
  return new AppLogger({ logLevels: LOG_LEVELS[level] });
}
