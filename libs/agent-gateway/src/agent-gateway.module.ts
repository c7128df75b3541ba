import { Module } from '@nestjs/common';
import { AgentGateway } from './agent.gateway';
import { OfferScriptService } from './offer-script.service';

/**
 * The `/agent` socket.io namespace. Needs the global AuthModule (TokenService), DialerEngineModule (agent sessions,
 * their events, the runner) and DatabaseModule.
 */
@Module({ providers: [AgentGateway, OfferScriptService], exports: [OfferScriptService] })
export class AgentGatewayModule {}
