// The dialer engine runtime: the pure core (@app/dialer-core) over PostgreSQL and ARI.
export { DialerEngineModule, DIALER_ENGINE_CONFIG } from './dialer-engine.module';
export { ASTERISK_SIM, createTelephony, type TelephonyBackend } from './telephony.provider';
export {
  AgentSessionService,
  type AgentSessionView,
  type AgentSessionOptions,
  type DispositionCommand,
  type LoginCommand,
  type InboundDesk,
  INBOUND_REASON,
  INBOUND_WRAP_REASON,
} from './agent-session.service';
export {
  AgentSessionEvents,
  type AgentSessionEventMap,
  type AgentSessionEventName,
  type OfferContact,
} from './agent-session.events';
export {
  CampaignRunner,
  type CampaignHandle,
  type CampaignRunnerOptions,
  type RunnerSessions,
} from './campaign-runner';
export { CampaignLiveService, type CampaignLiveView } from './campaign-live.service';
export { dialingStatusOf } from './campaign-hold';
export { DialerShutdown, type ShutdownReport } from './dialer-shutdown';
export { AriCallPort, AMD_CONTEXT, type CallStateName, type LiveCallView } from './ari-call-port';
export { PgContactSource, sweepExpiredLeases, type PgLease, type SourceCampaign } from './pg-contact-source';
export { AttemptStore, PgAttemptSink, settleContact, type CallDetail } from './pg-attempt-sink';
export {
  callingRulesOf,
  retryPolicyOf,
  engineSettingsOf,
  pacerFor,
  ManualPacer,
  LineCapPacer,
  type EngineSettings,
} from './campaign-settings';
export { KillableClock, LatencyStats } from './clock';
export { AgentDispositionsController, type AgentDispositionView } from './agent-dispositions.controller';
