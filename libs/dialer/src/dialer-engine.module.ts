import {
  Inject,
  Injectable,
  Logger,
  Module,
  Optional,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { CampaignLifecycleService } from '@app/campaigns';
import type { DataSource } from 'typeorm';
import { TELEPHONY_PORT } from '@app/ari';
import { HealthService } from '@app/common';
import type { DialerConfig } from '@app/config';
import { AgentSessionEvents } from './agent-session.events';
import { AgentSessionService } from './agent-session.service';
import { CampaignLiveService } from './campaign-live.service';
import { CampaignRunner } from './campaign-runner';
import { DialerShutdown } from './dialer-shutdown';
import { AgentSessionController, CampaignLiveController } from './dialer.controller';
import { AgentDispositionsController } from './agent-dispositions.controller';
import { ASTERISK_SIM, createTelephony, type TelephonyBackend } from './telephony.provider';

export const DIALER_ENGINE_CONFIG = Symbol('DIALER_ENGINE_CONFIG');
const TELEPHONY_BACKEND = Symbol('TELEPHONY_BACKEND');

@Injectable()
class DialerEngineLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('dialer-engine');

  constructor(
    @Inject(DIALER_ENGINE_CONFIG) private readonly cfg: DialerConfig,
    @Inject(TELEPHONY_BACKEND) private readonly backend: TelephonyBackend,
    @Inject(CampaignRunner) private readonly runner: CampaignRunner,
    @Inject(AgentSessionService) private readonly sessions: AgentSessionService,
    @Inject(ModuleRef) private readonly moduleRef: ModuleRef,
    @Optional() @Inject(HealthService) private readonly health?: HealthService,
  ) {}

  /** The campaigns library's lifecycle service lives in its own (non-global) module: look it up app-wide. */
  private hookLifecycle(): void {
    let svc: CampaignLifecycleService;
    try {
      svc = this.moduleRef.get(CampaignLifecycleService, { strict: false });
    } catch {
      return;
    }
    this.runner.setLifecycle({
      complete: (id) =>
        svc.transition(null, id, 'completed').then(
          () => true,
          () => false,
        ),
      pilotDone: (id) => svc.onPilotProgress(id),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    this.health?.register({ name: 'ari', check: () => this.backend.port.status() });
    this.hookLifecycle();
    await this.sessions.init();
    if (this.cfg.DIALER_RUNNER) this.runner.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop().catch((e: unknown) => this.log.warn(`runner stop: ${(e as Error).message}`));
    this.sessions.close();
    await this.backend.port.stop();
    await this.backend.sim?.close();
  }
}

/**
 * The dialer engine runtime: telephony (ARI or the in-process simulator), the campaign runner, agent sessions and
 * their REST routes. Global: the socket gateway and the demo inject AgentSessionService, AgentSessionEvents,
 * CampaignRunner, CampaignLiveService, TELEPHONY_PORT and ASTERISK_SIM.
 */
@Module({})
export class DialerEngineModule {
  static forRoot(o: { config: DialerConfig }): DynamicModule {
    const logger = new Logger('dialer-engine');
    return {
      module: DialerEngineModule,
      global: true,
      controllers: [AgentSessionController, CampaignLiveController, AgentDispositionsController],
      providers: [
        { provide: DIALER_ENGINE_CONFIG, useValue: o.config },
        { provide: TELEPHONY_BACKEND, useFactory: () => createTelephony(o.config, logger) },
        { provide: TELEPHONY_PORT, useFactory: (b: TelephonyBackend) => b.port, inject: [TELEPHONY_BACKEND] },
        { provide: ASTERISK_SIM, useFactory: (b: TelephonyBackend) => b.sim, inject: [TELEPHONY_BACKEND] },
        {
          provide: CampaignRunner,
          useFactory: (ds: DataSource, b: TelephonyBackend) =>
            new CampaignRunner(ds, b.port, {
              instanceId: o.config.DIALER_INSTANCE_ID,
              tickMs: o.config.DIALER_TICK_MS,
              leaseSeconds: o.config.DIALER_LEASE_SECONDS,
              endpointTemplate: o.config.ARI_OUTBOUND_ENDPOINT,
              pollMs: Math.min(1000, Math.max(200, (o.config.DIALER_LEASE_SECONDS * 1000) / 3)),
              log: logger,
            }),
          inject: [getDataSourceToken(), TELEPHONY_BACKEND],
        },
        {
          provide: AgentSessionService,
          useFactory: (ds: DataSource, b: TelephonyBackend, runner: CampaignRunner) =>
            new AgentSessionService(ds, b.port, runner, { instanceId: o.config.DIALER_INSTANCE_ID, log: logger }),
          inject: [getDataSourceToken(), TELEPHONY_BACKEND, CampaignRunner],
        },
        {
          provide: AgentSessionEvents,
          useFactory: (s: AgentSessionService) => s.events,
          inject: [AgentSessionService],
        },
        {
          provide: CampaignLiveService,
          useFactory: (ds: DataSource, runner: CampaignRunner) => new CampaignLiveService(ds, runner),
          inject: [getDataSourceToken(), CampaignRunner],
        },
        {
          provide: DialerShutdown,
          useFactory: (runner: CampaignRunner, sessions: AgentSessionService) =>
            new DialerShutdown(runner, sessions, { drainSeconds: o.config.SHUTDOWN_DRAIN_SECONDS, log: logger }),
          inject: [CampaignRunner, AgentSessionService],
        },
        DialerEngineLifecycle,
      ],
      exports: [
        TELEPHONY_PORT,
        ASTERISK_SIM,
        CampaignRunner,
        AgentSessionService,
        AgentSessionEvents,
        CampaignLiveService,
        DialerShutdown,
      ],
    };
  }
}
