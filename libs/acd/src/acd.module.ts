import {
  Inject,
  Injectable,
  Logger,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { TELEPHONY_PORT, type TelephonyPort } from '@app/ari';
import type { DialerConfig } from '@app/config';
import { AgentSessionService } from '@app/dialer';
import { AcdController } from './acd.controller';
import { AcdLiveService } from './acd-live.service';
import { AcdService } from './acd.service';

@Injectable()
class AcdLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('acd');
  constructor(@Inject(AcdService) private readonly acd: AcdService) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.acd.start().catch((e: unknown) => this.log.error(`acd start: ${(e as Error).message}`));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.acd.stop();
  }
}

/** The ACD: inbound queues over the dialer's telephony and agent sessions (DialerEngineModule is global). */
@Module({})
export class AcdModule {
  static forRoot(o: { config: DialerConfig }): DynamicModule {
    const logger = new Logger('acd');
    return {
      module: AcdModule,
      // Global: the /wallboard gateway shows the queues' live figures.
      global: true,
      controllers: [AcdController],
      providers: [
        {
          provide: AcdService,
          useFactory: (ds: DataSource, tel: TelephonyPort, sessions: AgentSessionService) =>
            new AcdService(ds, tel, sessions, { endpointTemplate: o.config.ARI_OUTBOUND_ENDPOINT, log: logger }),
          inject: [getDataSourceToken(), TELEPHONY_PORT, AgentSessionService],
        },
        {
          provide: AcdLiveService,
          useFactory: (ds: DataSource, acd: AcdService, sessions: AgentSessionService) =>
            new AcdLiveService(ds, acd, sessions),
          inject: [getDataSourceToken(), AcdService, AgentSessionService],
        },
        AcdLifecycle,
      ],
      exports: [AcdService, AcdLiveService],
    };
  }
}
