/**
 * Our own Swagger 1.2 description of the ARI subset the simulator serves. ari-client 2.2.0 (swagger-client 2.0.26)
 * builds its methods from these: resource names come from `path`, operations from `nickname`, and the events socket
 * looks every incoming event up in the `events` models, so every event type the simulator emits MUST be listed here.
 */

type ParamType = 'path' | 'query' | 'body';
interface Param {
  name: string;
  paramType: ParamType;
  dataType?: string;
  required?: boolean;
  allowMultiple?: boolean;
}
interface Operation {
  httpMethod: 'GET' | 'POST' | 'PUT' | 'DELETE';
  nickname: string;
  summary: string;
  responseClass: string;
  parameters: Param[];
}
interface Api {
  path: string;
  operations: Operation[];
}

const q = (name: string, dataType = 'string', required = false): Param => ({
  name,
  paramType: 'query',
  dataType,
  required,
  allowMultiple: false,
});
const p = (name: string): Param => ({
  name,
  paramType: 'path',
  dataType: 'string',
  required: true,
  allowMultiple: false,
});
const body = (name: string): Param => ({ name, paramType: 'body', dataType: 'containers', required: false });
const op = (
  httpMethod: Operation['httpMethod'],
  nickname: string,
  responseClass: string,
  parameters: Param[],
): Operation => ({ httpMethod, nickname, summary: nickname, responseClass, parameters });

const originateParams = (withIdInPath: boolean): Param[] => [
  ...(withIdInPath ? [p('channelId')] : []),
  q('endpoint', 'string', true),
  q('extension'),
  q('context'),
  q('priority', 'long'),
  q('label'),
  q('app'),
  q('appArgs'),
  q('callerId'),
  q('timeout', 'int'),
  body('variables'),
  ...(withIdInPath ? [] : [q('channelId')]),
  q('otherChannelId'),
  q('originator'),
  q('formats'),
];

const channelsApis: Api[] = [
  {
    path: '/channels',
    operations: [op('GET', 'list', 'List[Channel]', []), op('POST', 'originate', 'Channel', originateParams(false))],
  },
  {
    path: '/channels/create',
    operations: [
      op('POST', 'create', 'Channel', [
        q('endpoint', 'string', true),
        q('app', 'string', true),
        q('appArgs'),
        q('channelId'),
        q('otherChannelId'),
        q('originator'),
        q('formats'),
        body('variables'),
      ]),
    ],
  },
  {
    path: '/channels/{channelId}',
    operations: [
      op('GET', 'get', 'Channel', [p('channelId')]),
      op('POST', 'originateWithId', 'Channel', originateParams(true)),
      op('DELETE', 'hangup', 'void', [p('channelId'), q('reason_code'), q('reason')]),
    ],
  },
  {
    path: '/channels/{channelId}/continue',
    operations: [
      op('POST', 'continueInDialplan', 'void', [
        p('channelId'),
        q('context'),
        q('extension'),
        q('priority', 'int'),
        q('label'),
      ]),
    ],
  },
  { path: '/channels/{channelId}/answer', operations: [op('POST', 'answer', 'void', [p('channelId')])] },
  {
    path: '/channels/{channelId}/ring',
    operations: [op('POST', 'ring', 'void', [p('channelId')]), op('DELETE', 'ringStop', 'void', [p('channelId')])],
  },
  {
    path: '/channels/{channelId}/dtmf',
    operations: [
      op('POST', 'sendDTMF', 'void', [p('channelId'), q('dtmf'), q('between', 'int'), q('duration', 'int')]),
    ],
  },
  {
    path: '/channels/{channelId}/mute',
    operations: [
      op('POST', 'mute', 'void', [p('channelId'), q('direction')]),
      op('DELETE', 'unmute', 'void', [p('channelId'), q('direction')]),
    ],
  },
  {
    path: '/channels/{channelId}/hold',
    operations: [op('POST', 'hold', 'void', [p('channelId')]), op('DELETE', 'unhold', 'void', [p('channelId')])],
  },
  {
    path: '/channels/{channelId}/moh',
    operations: [
      op('POST', 'startMoh', 'void', [p('channelId'), q('mohClass')]),
      op('DELETE', 'stopMoh', 'void', [p('channelId')]),
    ],
  },
  {
    path: '/channels/{channelId}/silence',
    operations: [
      op('POST', 'startSilence', 'void', [p('channelId')]),
      op('DELETE', 'stopSilence', 'void', [p('channelId')]),
    ],
  },
  {
    path: '/channels/{channelId}/play',
    operations: [
      op('POST', 'play', 'Playback', [
        p('channelId'),
        q('media', 'string', true),
        q('lang'),
        q('offsetms', 'int'),
        q('skipms', 'int'),
        q('playbackId'),
      ]),
    ],
  },
  {
    path: '/channels/{channelId}/play/{playbackId}',
    operations: [
      op('POST', 'playWithId', 'Playback', [
        p('channelId'),
        p('playbackId'),
        q('media', 'string', true),
        q('lang'),
        q('offsetms', 'int'),
        q('skipms', 'int'),
      ]),
    ],
  },
  {
    path: '/channels/{channelId}/record',
    operations: [
      op('POST', 'record', 'LiveRecording', [
        p('channelId'),
        q('name', 'string', true),
        q('format', 'string', true),
        q('maxDurationSeconds', 'int'),
        q('maxSilenceSeconds', 'int'),
        q('ifExists'),
        q('beep', 'boolean'),
        q('terminateOn'),
      ]),
    ],
  },
  {
    path: '/channels/{channelId}/dial',
    operations: [op('POST', 'dial', 'void', [p('channelId'), q('caller'), q('timeout', 'int')])],
  },
  {
    path: '/channels/{channelId}/snoop',
    operations: [
      op('POST', 'snoopChannel', 'Channel', [
        p('channelId'),
        q('spy'),
        q('whisper'),
        q('app', 'string', true),
        q('appArgs'),
        q('snoopId'),
      ]),
    ],
  },
  {
    path: '/channels/{channelId}/snoop/{snoopId}',
    operations: [
      op('POST', 'snoopChannelWithId', 'Channel', [
        p('channelId'),
        p('snoopId'),
        q('spy'),
        q('whisper'),
        q('app', 'string', true),
        q('appArgs'),
      ]),
    ],
  },
  {
    path: '/channels/{channelId}/variable',
    operations: [
      op('GET', 'getChannelVar', 'Variable', [p('channelId'), q('variable', 'string', true)]),
      op('POST', 'setChannelVar', 'void', [p('channelId'), q('variable', 'string', true), q('value')]),
    ],
  },
];

const bridgesApis: Api[] = [
  {
    path: '/bridges',
    operations: [
      op('GET', 'list', 'List[Bridge]', []),
      op('POST', 'create', 'Bridge', [q('type'), q('bridgeId'), q('name')]),
    ],
  },
  {
    path: '/bridges/{bridgeId}',
    operations: [
      op('POST', 'createWithId', 'Bridge', [p('bridgeId'), q('type'), q('name')]),
      op('GET', 'get', 'Bridge', [p('bridgeId')]),
      op('DELETE', 'destroy', 'void', [p('bridgeId')]),
    ],
  },
  {
    path: '/bridges/{bridgeId}/addChannel',
    operations: [
      op('POST', 'addChannel', 'void', [
        p('bridgeId'),
        q('channel', 'string', true),
        q('role'),
        q('absorbDTMF', 'boolean'),
        q('mute', 'boolean'),
        q('inhibitConnectedLineUpdates', 'boolean'),
      ]),
    ],
  },
  {
    path: '/bridges/{bridgeId}/removeChannel',
    operations: [op('POST', 'removeChannel', 'void', [p('bridgeId'), q('channel', 'string', true)])],
  },
  {
    path: '/bridges/{bridgeId}/moh',
    operations: [
      op('POST', 'startMoh', 'void', [p('bridgeId'), q('mohClass')]),
      op('DELETE', 'stopMoh', 'void', [p('bridgeId')]),
    ],
  },
  {
    path: '/bridges/{bridgeId}/play',
    operations: [
      op('POST', 'play', 'Playback', [
        p('bridgeId'),
        q('media', 'string', true),
        q('lang'),
        q('offsetms', 'int'),
        q('skipms', 'int'),
        q('playbackId'),
      ]),
    ],
  },
  {
    path: '/bridges/{bridgeId}/play/{playbackId}',
    operations: [
      op('POST', 'playWithId', 'Playback', [
        p('bridgeId'),
        p('playbackId'),
        q('media', 'string', true),
        q('lang'),
        q('offsetms', 'int'),
        q('skipms', 'int'),
      ]),
    ],
  },
];

const playbacksApis: Api[] = [
  {
    path: '/playbacks/{playbackId}',
    operations: [op('GET', 'get', 'Playback', [p('playbackId')]), op('DELETE', 'stop', 'void', [p('playbackId')])],
  },
];

const recordingsApis: Api[] = [
  {
    path: '/recordings/live/{recordingName}',
    operations: [
      op('GET', 'getLive', 'LiveRecording', [p('recordingName')]),
      op('DELETE', 'cancel', 'void', [p('recordingName')]),
    ],
  },
  {
    path: '/recordings/live/{recordingName}/stop',
    operations: [op('POST', 'stop', 'void', [p('recordingName')])],
  },
];

const asteriskApis: Api[] = [
  { path: '/asterisk/info', operations: [op('GET', 'getInfo', 'AsteriskInfo', [q('only')])] },
  { path: '/asterisk/ping', operations: [op('GET', 'ping', 'AsteriskPing', [])] },
];

const applicationsApis: Api[] = [
  { path: '/applications', operations: [op('GET', 'list', 'List[Application]', [])] },
  { path: '/applications/{applicationName}', operations: [op('GET', 'get', 'Application', [p('applicationName')])] },
];

const endpointsApis: Api[] = [
  { path: '/endpoints', operations: [op('GET', 'list', 'List[Endpoint]', [])] },
  { path: '/endpoints/{tech}', operations: [op('GET', 'listByTech', 'List[Endpoint]', [p('tech')])] },
  { path: '/endpoints/{tech}/{resource}', operations: [op('GET', 'get', 'Endpoint', [p('tech'), p('resource')])] },
];

const eventsApis: Api[] = [
  {
    path: '/events',
    operations: [op('GET', 'eventWebsocket', 'Message', [q('app', 'string', true), q('subscribeAll', 'boolean')])],
  },
];

type Props = Record<string, { type: string; required?: boolean }>;
const model = (id: string, properties: Props): { id: string; properties: Props } => ({ id, properties });
const s = (type: string, required = false): { type: string; required?: boolean } => ({ type, required });

const callerModel = model('CallerID', { name: s('string', true), number: s('string', true) });
const dialplanModel = model('DialplanCEP', {
  context: s('string', true),
  exten: s('string', true),
  priority: s('long', true),
  app_name: s('string', true),
  app_data: s('string', true),
});
const channelModel = model('Channel', {
  id: s('string', true),
  name: s('string', true),
  state: s('string', true),
  protocol_id: s('string', true),
  caller: s('CallerID', true),
  connected: s('CallerID', true),
  accountcode: s('string', true),
  dialplan: s('DialplanCEP', true),
  creationtime: s('Date', true),
  language: s('string', true),
  channelvars: s('object'),
});
const bridgeModel = model('Bridge', {
  id: s('string', true),
  technology: s('string', true),
  bridge_type: s('string', true),
  bridge_class: s('string', true),
  creator: s('string', true),
  name: s('string', true),
  channels: s('List[string]', true),
  creationtime: s('Date', true),
  video_mode: s('string'),
});
const playbackModel = model('Playback', {
  id: s('string', true),
  media_uri: s('string', true),
  next_media_uri: s('string'),
  target_uri: s('string', true),
  language: s('string'),
  state: s('string', true),
});
const liveRecordingModel = model('LiveRecording', {
  name: s('string', true),
  format: s('string', true),
  target_uri: s('string', true),
  state: s('string', true),
  duration: s('int'),
  talking_duration: s('int'),
  silence_duration: s('int'),
  cause: s('string'),
});
const variableModel = model('Variable', { value: s('string', true) });
const applicationModel = model('Application', {
  name: s('string', true),
  channel_ids: s('List[string]', true),
  bridge_ids: s('List[string]', true),
  endpoint_ids: s('List[string]', true),
  device_names: s('List[string]', true),
  events_allowed: s('List[object]', true),
  events_disallowed: s('List[object]', true),
});
const endpointModel = model('Endpoint', {
  technology: s('string', true),
  resource: s('string', true),
  state: s('string'),
  channel_ids: s('List[string]', true),
});
const asteriskInfoModel = model('AsteriskInfo', {
  build: s('object'),
  system: s('object'),
  config: s('object'),
  status: s('object'),
});
const asteriskPingModel = model('AsteriskPing', {
  asterisk_id: s('string', true),
  ping: s('string', true),
  timestamp: s('string', true),
});

const eventBase: Props = {
  type: s('string', true),
  asterisk_id: s('string'),
  application: s('string', true),
  timestamp: s('Date', true),
};
const ev = (id: string, props: Props): { id: string; properties: Props } => model(id, { ...eventBase, ...props });

/** Every event type the simulator can emit (keep in sync with the engine). */
export const SIMULATED_EVENT_TYPES = [
  'StasisStart',
  'StasisEnd',
  'ChannelStateChange',
  'Dial',
  'ChannelHangupRequest',
  'ChannelDestroyed',
  'ChannelDtmfReceived',
  'ChannelVarset',
  'PlaybackStarted',
  'PlaybackFinished',
  'ChannelEnteredBridge',
  'ChannelLeftBridge',
  'BridgeCreated',
  'BridgeDestroyed',
  'RecordingStarted',
  'RecordingFinished',
  'ApplicationReplaced',
] as const;
export type SimEventType = (typeof SIMULATED_EVENT_TYPES)[number];

const eventModels = {
  Message: model('Message', { type: s('string', true), asterisk_id: s('string') }),
  Event: ev('Event', {}),
  StasisStart: ev('StasisStart', {
    args: s('List[string]', true),
    channel: s('Channel', true),
    replace_channel: s('Channel'),
  }),
  StasisEnd: ev('StasisEnd', { channel: s('Channel', true) }),
  ChannelStateChange: ev('ChannelStateChange', { channel: s('Channel', true) }),
  Dial: ev('Dial', {
    caller: s('Channel'),
    peer: s('Channel', true),
    forward: s('string'),
    forwarded: s('Channel'),
    dialstring: s('string'),
    dialstatus: s('string', true),
  }),
  ChannelHangupRequest: ev('ChannelHangupRequest', {
    cause: s('int'),
    tech_cause: s('int'),
    soft: s('boolean'),
    channel: s('Channel', true),
  }),
  ChannelDestroyed: ev('ChannelDestroyed', {
    cause: s('int', true),
    cause_txt: s('string', true),
    tech_cause: s('int'),
    channel: s('Channel', true),
  }),
  ChannelDtmfReceived: ev('ChannelDtmfReceived', {
    digit: s('string', true),
    duration_ms: s('int', true),
    channel: s('Channel', true),
  }),
  ChannelVarset: ev('ChannelVarset', {
    variable: s('string', true),
    value: s('string', true),
    channel: s('Channel'),
  }),
  PlaybackStarted: ev('PlaybackStarted', { playback: s('Playback', true) }),
  PlaybackFinished: ev('PlaybackFinished', { playback: s('Playback', true) }),
  ChannelEnteredBridge: ev('ChannelEnteredBridge', { bridge: s('Bridge', true), channel: s('Channel') }),
  ChannelLeftBridge: ev('ChannelLeftBridge', { bridge: s('Bridge', true), channel: s('Channel', true) }),
  BridgeCreated: ev('BridgeCreated', { bridge: s('Bridge', true) }),
  BridgeDestroyed: ev('BridgeDestroyed', { bridge: s('Bridge', true) }),
  RecordingStarted: ev('RecordingStarted', { recording: s('LiveRecording', true) }),
  RecordingFinished: ev('RecordingFinished', { recording: s('LiveRecording', true) }),
  ApplicationReplaced: ev('ApplicationReplaced', {}),
};

const resources: Record<string, { description: string; apis: Api[]; models: Record<string, unknown> }> = {
  asterisk: {
    description: 'Asterisk system information (simulated)',
    apis: asteriskApis,
    models: { AsteriskInfo: asteriskInfoModel, AsteriskPing: asteriskPingModel },
  },
  endpoints: { description: 'Endpoints (simulated)', apis: endpointsApis, models: { Endpoint: endpointModel } },
  channels: {
    description: 'Channels (simulated)',
    apis: channelsApis,
    models: {
      Channel: channelModel,
      CallerID: callerModel,
      DialplanCEP: dialplanModel,
      Variable: variableModel,
      Playback: playbackModel,
      LiveRecording: liveRecordingModel,
    },
  },
  bridges: {
    description: 'Bridges (simulated)',
    apis: bridgesApis,
    models: { Bridge: bridgeModel, Playback: playbackModel },
  },
  recordings: {
    description: 'Recordings (simulated)',
    apis: recordingsApis,
    models: { LiveRecording: liveRecordingModel },
  },
  playbacks: { description: 'Playbacks (simulated)', apis: playbacksApis, models: { Playback: playbackModel } },
  applications: {
    description: 'Stasis applications (simulated)',
    apis: applicationsApis,
    models: { Application: applicationModel },
  },
  events: {
    description: 'WebSocket resource (simulated)',
    apis: eventsApis,
    models: { ...eventModels, Channel: channelModel, Bridge: bridgeModel, Playback: playbackModel },
  },
};

export const SIM_API_VERSION = '10.0.0';

/** GET /ari/api-docs/resources.json */
export function resourceListing(baseUrl: string): unknown {
  return {
    _copyright: 'Description of the ARI subset served by the dialer project asterisk-sim',
    apiVersion: SIM_API_VERSION,
    swaggerVersion: '1.2',
    basePath: `${baseUrl}/ari`,
    apis: Object.entries(resources).map(([name, r]) => ({
      path: `/api-docs/${name}.{format}`,
      description: r.description,
    })),
  };
}

/** GET /ari/api-docs/<name>.json, or undefined when we do not describe that resource. */
export function apiDeclaration(name: string, baseUrl: string): unknown {
  const r = Object.prototype.hasOwnProperty.call(resources, name) ? resources[name] : undefined;
  if (!r) return undefined;
  return {
    apiVersion: SIM_API_VERSION,
    swaggerVersion: '1.2',
    basePath: `${baseUrl}/ari`,
    resourcePath: `/api-docs/${name}.{format}`,
    produces: ['application/json'],
    consumes: ['application/json'],
    apis: r.apis.map((a) => ({ ...a, description: a.path })),
    models: r.models,
  };
}
