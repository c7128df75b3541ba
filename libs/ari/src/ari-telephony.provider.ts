import { AriTelephonyAdapter, type AriTelephonyAdapterOptions } from './ari-telephony.adapter';
import { TELEPHONY_PORT } from './telephony.port';

/**
 * A Nest provider for the port without making libs/ari depend on Nest:
 *   providers: [ariTelephonyProvider(() => ({ url, username, password, app }))]
 * then inject `@Inject(TELEPHONY_PORT) telephony: TelephonyPort`, call `start()` in onModuleInit (it rejects with
 * `ari-auth-failed` on bad credentials and otherwise resolves once connected) and `stop()` on shutdown.
 */
export function ariTelephonyProvider(options: () => AriTelephonyAdapterOptions) {
  return { provide: TELEPHONY_PORT, useFactory: () => new AriTelephonyAdapter(options()) };
}
