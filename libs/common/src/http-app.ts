import { ConsoleLogger, INestApplication, LogLevel } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { HttpExceptionFilter } from './http-exception.filter';
import { RequestInputPipe } from './input.pipe';
import { applySecurityHeaders } from './security-headers';
import { createValidationPipe } from './validation';

export const LOG_LEVELS: Record<string, LogLevel[]> = {
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  log: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
  verbose: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
};

/** What every HTTP app shares: /api prefix (health outside it), validation, error rendering, OpenAPI at /api/docs. */
export function configureHttpApp(app: INestApplication, title: string, description: string): void {
  applySecurityHeaders(app);
  app.setGlobalPrefix('api', { exclude: ['health'] });
  // RequestInputPipe first: ids, integers and text that no service or database should see (see input.pipe.ts).
  app.useGlobalPipes(new RequestInputPipe(), createValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  const doc = new DocumentBuilder()
    .setTitle(title)
    .setDescription(description)
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, doc), {
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
