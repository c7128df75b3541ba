export * from './ari.error';
export * from './telephony-event.types';
export * from './telephony.port';
export * from './outcome-classifier';
export { mapAriEvent, isInStasisApp, type RawAriEvent } from './ari-event.mapper';
export { AriHttpTransport, type AriRestRequest, type AriRestTransport } from './ari-http.transport';
export {
  ariClientEventStreamFactory,
  type AriEventStream,
  type AriEventStreamFactory,
  type AriEventStreamHandlers,
} from './ari-event.stream';
export { AriTelephonyAdapter, type AriTelephonyAdapterOptions, type AriLogger } from './ari-telephony.adapter';
export { ariTelephonyProvider } from './ari-telephony.provider';
