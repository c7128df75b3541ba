export { startAsteriskSim } from './asterisk-sim';
export type { AsteriskSim } from './asterisk-sim';
export { SimEngine, AriError } from './sim-engine';
export { SIMULATED_EVENT_TYPES, resourceListing, apiDeclaration } from './sim-swagger';
export type { SimEventType } from './sim-swagger';
export { OUTCOME_KINDS } from './sim-types';
export type {
  AsteriskSimOptions,
  Behaviour,
  FailMode,
  InboundCall,
  InboundGeneratorConfig,
  InboundGeneratorQueue,
  InboundPrompt,
  NumberBehaviour,
  OutcomeKind,
  SimRequestLogEntry,
  SimStats,
} from './sim-types';
export { InboundDriver, keepArrival, localHour, type InboundProfile } from './sim-inbound';
