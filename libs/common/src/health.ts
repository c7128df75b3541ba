import {
  Controller,
  Get,
  Inject,
  Injectable,
  Module,
  Optional,
  Res,
  SetMetadata,
  type DynamicModule,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export type HealthState = 'up' | 'down' | 'disabled';

/** Something /health reports on besides the database (e.g. ARI). */
export interface HealthIndicator {
  name: string;
  check(): Promise<HealthState> | HealthState;
}

export const HEALTH_INDICATORS = Symbol('HEALTH_INDICATORS');

@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Optional() @Inject(HEALTH_INDICATORS) private indicators: HealthIndicator[] = [],
  ) {}

  /** Lets a feature module add its indicator at start (e.g. `ari`), when the app's composition root cannot inject it. */
  register(indicator: HealthIndicator): void {
    this.indicators = [...(this.indicators ?? []), indicator];
  }

  async report(): Promise<{ status: 'ok' | 'degraded'; database: HealthState } & Record<string, string>> {
    let database: HealthState;
    try {
      await Promise.race([
        this.ds.query('SELECT 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref()),
      ]);
      database = 'up';
    } catch {
      database = 'down';
    }
    const extra: Record<string, HealthState> = {};
    for (const i of this.indicators ?? []) {
      try {
        extra[i.name] = await i.check();
      } catch {
        extra[i.name] = 'down';
      }
    }
    const down = database === 'down' || Object.values(extra).includes('down');
    return { status: down ? 'degraded' : 'ok', database, ...extra };
  }
}

// Mirrors @Public() from @app/auth without importing it (auth depends on common, not the reverse).
const PublicRoute = (): MethodDecorator & ClassDecorator => SetMetadata('auth:public', true);

const HEALTH_SCHEMA = {
  type: 'object',
  required: ['status', 'database'],
  properties: {
    status: { type: 'string', enum: ['ok', 'degraded'] },
    database: { type: 'string', enum: ['up', 'down', 'disabled'] },
  },
  additionalProperties: { type: 'string', enum: ['up', 'down', 'disabled'] },
  example: { status: 'ok', database: 'up', ari: 'up' },
};

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** Unauthenticated on purpose: load balancers and the README's first check call it. 503 when degraded. */
  @ApiOperation({ summary: 'Is the server healthy (database, ARI)?' })
  @ApiOkResponse({ description: 'everything is up', schema: HEALTH_SCHEMA })
  @ApiServiceUnavailableResponse({ description: 'something is down', schema: HEALTH_SCHEMA })
  @PublicRoute()
  @Get()
  async get(@Res({ passthrough: true }) res: { status(n: number): void }): Promise<Record<string, string>> {
    const r = await this.health.report();
    if (r.status !== 'ok') res.status(503);
    return r;
  }
}

@Module({})
export class HealthModule {
  static forRoot(
    indicators: {
      useFactory: (...args: never[]) => HealthIndicator[];
      inject?: (string | symbol | (new (...a: never[]) => unknown))[];
    } = { useFactory: () => [] },
  ): DynamicModule {
    return {
      module: HealthModule,
      // Global so feature modules can register their indicators with HealthService.
      global: true,
      controllers: [HealthController],
      providers: [
        HealthService,
        { provide: HEALTH_INDICATORS, useFactory: indicators.useFactory, inject: indicators.inject ?? [] },
      ],
      exports: [HealthService],
    };
  }
}
