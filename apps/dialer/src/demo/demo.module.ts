import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { AgentGatewayModule } from '@app/agent-gateway';
import type { DialerConfig } from '@app/config';
import { DEMO_CONFIG, DemoService } from './demo.service';

/**
 * The dialer's real-time surface and its demo, added to the composition root in one line: the `/agent` socket
 * gateway always; the demo (seed + simulated agents) only when SEED_DEMO and DEMO_DIALING are on and no ARI_URL is
 * set (DemoService checks again at start: it also needs the in-process simulator).
 */
@Module({})
export class DemoModule {
  static forRoot(config: DialerConfig): DynamicModule {
    const demo = config.SEED_DEMO && config.DEMO_DIALING && !config.ARI_URL;
    const providers: Provider[] = demo ? [{ provide: DEMO_CONFIG, useValue: config }, DemoService] : [];
    return { module: DemoModule, imports: [AgentGatewayModule], providers, exports: demo ? [DemoService] : [] };
  }
}
