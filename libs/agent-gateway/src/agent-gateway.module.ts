import { Module } from '@nestjs/common';
import { ScriptsModule } from '@app/scripts';
import { AgentGateway } from './agent.gateway';
import { AgentHoldPusher } from './agent-hold-pusher';
import { OfferScriptService } from './offer-script.service';
import { WallboardGateway } from './wallboard.gateway';

/**
 * The `/agent` socket.io namespace (script rendering from ScriptsModule) and the supervisors' `/wallboard`. Needs the global AuthModule (TokenService), DialerEngineModule (agent sessions,
 * their events, the runner) and DatabaseModule.
 */
@Module({
  imports: [ScriptsModule],
  providers: [AgentGateway, WallboardGateway, OfferScriptService, AgentHoldPusher],
  exports: [OfferScriptService],
})
export class AgentGatewayModule {}
