// The agents' real-time surface: the `/agent` socket.io namespace and its wire contract.
export { AgentGatewayModule } from './agent-gateway.module';
export { AgentGateway, toSessionDto, type AgentSocket, type AgentNamespace } from './agent.gateway';
export { OfferScriptService } from './offer-script.service';
export * from './agent-gateway.events';
export {
  AnswersPayload,
  CallbackPayload,
  DispositionPayload,
  DncPayload,
  LoginPayload,
  PausePayload,
  SkipPayload,
  parsePayload,
} from './agent-commands.dto';
