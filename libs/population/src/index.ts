export { Rng, hashString, mix32 } from './rng';
export type { Distribution } from './distribution';
export { sample, meanOf } from './distribution';
export type { PopulationModel, NonHumanShares, HourlyProbability } from './population-model';
export { defaultPopulation, humanAnswerProbability } from './population-model';
export type { Fate, FateKind, FateOptions, AmdVerdict } from './fate';
export { decideFate, fateForNumber, rngForNumber, expectedHumanShare, meanTalkSeconds } from './fate';
