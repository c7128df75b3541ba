// The ACD runtime: inbound queues over ARI and PostgreSQL, with the pure routing core in @app/acd-core.
export { AcdModule } from './acd.module';
export { AcdService, type AcdOptions } from './acd.service';
export { AcdLiveService, type QueueLiveView } from './acd-live.service';
export { queueFigures, type QueueFigures } from './queue-figures';
export type { TransferTargetsResponse } from './acd.api';
