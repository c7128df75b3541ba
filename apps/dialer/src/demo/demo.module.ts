import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { AgentGatewayModule } from '@app/agent-gateway';
import type { DialerConfig } from '@app/config';
import { DEMO_CONFIG, DemoService } from './demo.service';

/**
 * The dialer's real-time surface and its demo, added to the composition root in one line: the `/agent` socket
 * gateway always; the demo (seed + simulated agents) only when SEED_DEMO and DEMO_DIALING are on and no ARI_URL is
 * set (DemoService checks again at start: it also needs the in-process simulator).
 */
/** The demo runs on the simulator only, and only when asked to seed and dial. */
export const demoEnabled = (c: Pick<DialerConfig, 'SEED_DEMO' | 'DEMO_DIALING' | 'ARI_URL'>): boolean =>
  c.SEED_DEMO && c.DEMO_DIALING && !c.ARI_URL;

@Module({})
export class DemoModule {
  static forRoot(config: DialerConfig): DynamicModule {
    const demo = demoEnabled(config);
    const providers: Provider[] = demo ? [{ provide: DEMO_CONFIG, useValue: config }, DemoService] : [];
    return { module: DemoModule, imports: [AgentGatewayModule], providers, exports: demo ? [DemoService] : [] };
  }
}
