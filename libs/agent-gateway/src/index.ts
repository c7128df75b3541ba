// The real-time surfaces: the agents' `/agent` and the supervisors' `/wallboard` socket.io namespaces.
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
export {
  WallboardGateway,
  WallboardSubscribePayload,
  WallboardUnsubscribePayload,
  toWallboardDto,
  type WallboardPushTiming,
  type WallboardAck,
  type WallboardCampaignDto,
  type WallboardClientEvents,
  type WallboardServerEvents,
} from './wallboard.gateway';
export { AgentHoldPusher, AGENT_HOLD_INTERVAL_MS, type CampaignStatusDto } from './agent-hold-pusher';
