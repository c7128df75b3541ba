import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Socket } from 'socket.io-client';
import type {
  Ack,
  AgentClientEvents,
  AgentServerEvents,
  AgentSessionDto,
  InboundOfferDto,
  OfferDto,
} from '@app/agent-gateway';
import type { AgentProfileView } from '@app/auth';
import type { AgentDispositionView } from '@app/dialer';
import type { Section } from '@app/scripts';
import { ScriptSections, type Answers } from '../components/Script';
import { api, type ApiError, type SessionUser } from '../api';
import { messageText, reasonText } from '../errors';
import { useFormat, useNow, wallTimeToIso } from '../format';
import { openSocket } from '../socket';
import '../live/live.css';
import { useDialingText } from '../dialing';
import { InboundCall, type ConsultState, type InboundHeld } from '../live/InboundCall';
import { shortcutLabel, shortcutOf, type ShortcutAction } from '../live/shortcuts';
import { dayLabel, daysFrom, hourLabel, minuteLabel, wallTime } from '../live/callback-time';

type AgentSocket = Socket<AgentServerEvents, AgentClientEvents>;
type CampaignStatus = Parameters<AgentServerEvents['campaign-status']>[0];

const PAUSE_REASONS = ['break', 'lunch', 'training', 'meeting', 'technical'] as const;
/** The ACD pauses an agent with these reasons while on, and wrapping up, an inbound call. */
const INBOUND_REASONS = new Set(['inbound', 'inbound-wrap-up']);
const CALLBACK_DAYS = 60;
const MINUTES = Array.from({ length: 12 }, (_, i) => i * 5);
const HOURS = Array.from({ length: 24 }, (_, i) => i);
const SKIP_REASONS = ['not-now', 'wrong-contact', 'needs-research'] as const;

/** The offer shown for a session: the one pushed (with its script) when it is the same call, else one made from the session. */
function offerFor(x: AgentSessionDto, known: OfferDto | null): OfferDto | null {
  const id = x.call?.callId ?? x.offer?.attemptId;
  if (!id) return null;
  if (known?.attemptId === id) return known;
  const contact = x.contact ?? x.offer?.contact;
  if (!contact) return null;
  return {
    agentId: x.agentId,
    campaignId: x.campaignId ?? '',
    attemptId: id,
    contact,
    script: null,
    preview: !x.call && !!x.offer,
    autoDialAt: x.offer?.autoDialAt ?? null,
  };
}

// The offer and the typed answers are kept per tab, so a reload during a call shows the script and answers again.
const OFFER_KEY = 'dialer.offer';
const INBOUND_KEY = 'dialer.inbound';
const ANSWERS_KEY = 'dialer.answers';
function saved<T>(key: string, fallback: T): T {
  try {
    const raw = sessionStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : fallback;
  } catch {
    return fallback;
  }
}

export function AgentDesktop(_p: { user: SessionUser }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const now = useNow();
  const dialingText = useDialingText();
  const socketRef = useRef<AgentSocket | null>(null);
  const [connected, setConnected] = useState(false);
  const [session, setSession] = useState<AgentSessionDto | null>(null);
  const [offer, setOffer] = useState<OfferDto | null>(() => saved<OfferDto | null>(OFFER_KEY, null));
  const [callState, setCallState] = useState<string | null>(null);
  const [campaignStatus, setCampaignStatus] = useState<CampaignStatus | null>(null);
  const [profile, setProfile] = useState<AgentProfileView | null>(null);
  const [endpoint, setEndpoint] = useState('');
  const [dispositions, setDispositions] = useState<AgentDispositionView[]>([]);
  // Typed answers per attempt: they survive a reconnect (the socket is replaced, this state is not).
  const [answers, setAnswers] = useState<Record<string, Answers>>(() => saved(ANSWERS_KEY, {}));
  useEffect(() => {
    if (offer) sessionStorage.setItem(OFFER_KEY, JSON.stringify(offer));
    else sessionStorage.removeItem(OFFER_KEY);
  }, [offer]);
  useEffect(() => {
    const keep: Record<string, Answers> = offer ? { [offer.attemptId]: answers[offer.attemptId] ?? {} } : {};
    const inboundId = saved<InboundOfferDto | null>(INBOUND_KEY, null)?.inboundCallId;
    if (inboundId && answers[inboundId]) keep[inboundId] = answers[inboundId];
    sessionStorage.setItem(ANSWERS_KEY, JSON.stringify(keep));
  }, [answers, offer]);
  const [pauseReason, setPauseReason] = useState<string>(PAUSE_REASONS[0]);
  const [skipReason, setSkipReason] = useState<string>(SKIP_REASONS[0]);
  const [callbackDay, setCallbackDay] = useState('');
  const [callbackHour, setCallbackHour] = useState(10);
  const [callbackMinute, setCallbackMinute] = useState(0);
  const [callbackMine, setCallbackMine] = useState(true);
  const [message, setMessage] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const answerTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // The inbound call (kept per tab like the outbound offer), whether the caller is held, and a consultation.
  const [inbound, setInbound] = useState<InboundOfferDto | null>(() =>
    saved<InboundOfferDto | null>(INBOUND_KEY, null),
  );
  const inboundRef = useRef(inbound);
  inboundRef.current = inbound;
  const [held, setHeld] = useState(false);
  const [consult, setConsult] = useState<ConsultState | null>(null);
  useEffect(() => {
    if (inbound) sessionStorage.setItem(INBOUND_KEY, JSON.stringify(inbound));
    else sessionStorage.removeItem(INBOUND_KEY);
    setHeld(false);
    setConsult(null);
  }, [inbound]);

  useEffect(() => {
    const s = openSocket<AgentSocket>('/agent');
    socketRef.current = s;
    s.on('connect', () => setConnected(true));
    s.on('disconnect', () => setConnected(false));
    s.on('session', (x) => {
      setSession(x);
      setOffer((o) => offerFor(x, o));
      setCallState(x.call?.state ?? null);
      if (!(x.state === 'paused' && x.reason && INBOUND_REASONS.has(x.reason))) setInbound(null);
    });
    s.on('inbound-offer', (o) => {
      setInbound(o);
      setMessage(null);
    });
    // The ACD's call-control events (declared by the ACD's socket contract): read through an untyped view.
    const raw = s as unknown as Socket;
    raw.on('inbound-held', (x: InboundHeld) => {
      if (inboundRef.current?.inboundCallId === x.inboundCallId) setHeld(x.held);
    });
    raw.on('consult-state', (x: ConsultState) => {
      if (inboundRef.current?.inboundCallId === x.inboundCallId) setConsult(x);
    });
    s.on('offer', (o) => {
      setOffer(o);
      setCallState((c) => (o.preview ? null : (c ?? 'bridged')));
    });
    s.on('call-state', (c) => {
      setCallState(c.state);
      // A previewed contact being dialed (by the agent or the auto-dial) is a call now.
      setOffer((o) => (o?.preview && o.attemptId === c.callId ? { ...o, preview: false } : o));
    });
    s.on('campaign-status', (c) => setCampaignStatus(c));
    s.on('state', (x) => {
      setSession((prev) =>
        prev
          ? { ...prev, state: x.state, reason: x.reason, since: x.since, campaignId: x.campaignId ?? prev.campaignId }
          : prev,
      );
      if (x.state === 'ready' || x.state === 'paused' || x.state === 'offline') {
        setOffer(null);
        setCallState(null);
      }
      if (!(x.state === 'paused' && x.reason && INBOUND_REASONS.has(x.reason))) setInbound(null);
      if (x.state !== 'ready') setCampaignStatus(null);
    });
    return () => {
      s.close();
      socketRef.current = null;
    };
  }, []);

  const agentId = session?.agentId;
  useEffect(() => {
    if (!agentId) return;
    api<AgentProfileView>('GET', `/agents/${agentId}`)
      .then((pr) => {
        setProfile(pr);
        setEndpoint((e) => e || pr.endpoint || pr.endpoints[0] || '');
      })
      .catch(() => undefined);
  }, [agentId]);

  const campaignId = offer?.campaignId ?? session?.campaignId ?? null;
  useEffect(() => {
    if (!campaignId) return;
    api<AgentDispositionView[]>('GET', `/agent/campaigns/${campaignId}/dispositions`)
      .then(setDispositions)
      .catch(() => setDispositions([]));
  }, [campaignId]);

  const send = useCallback(
    async (what: string, run: (s: AgentSocket) => Promise<Ack>, okText?: string): Promise<boolean> => {
      const s = socketRef.current;
      if (!s) return false;
      try {
        const ack = await run(s);
        if (ack.ok) {
          setSession(ack.session);
          setMessage(okText ? { kind: 'info', text: okText } : null);
          return true;
        }
        const details = Array.isArray(ack.details) ? (ack.details as NonNullable<ApiError['details']>) : [];
        const said = details.map(reasonText).join('; ') || messageText({ status: 0, ...ack, details });
        setMessage({ kind: 'error', text: t('agent.refused', { what, message: said }) });
      } catch {
        setMessage({ kind: 'error', text: t('agent.noAnswer', { what }) });
      }
      return false;
    },
    [t],
  );
  const emit = (s: AgentSocket) => s.timeout(8000);

  const attemptId = offer?.attemptId ?? session?.call?.callId ?? null;
  const current = attemptId ? (answers[attemptId] ?? {}) : {};
  const setAnswer = (qid: string, v: unknown) => {
    if (!attemptId) return;
    const next = { ...current, [qid]: v };
    if (v === undefined || v === '') delete next[qid];
    setAnswers((a) => ({ ...a, [attemptId]: next }));
    if (answerTimer.current) clearTimeout(answerTimer.current);
    answerTimer.current = setTimeout(() => {
      const st = session?.state;
      if (st === 'talking' || st === 'wrap-up')
        void socketRef.current
          ?.timeout(8000)
          .emitWithAck('answers', { answers: next })
          .catch(() => undefined);
    }, 600);
  };

  const state = session?.state ?? 'offline';
  const loggedIn = session?.loggedIn ?? false;
  const onInbound = state === 'paused' && session?.reason === 'inbound';
  const inCall = state === 'talking' || state === 'reserved' || state === 'wrap-up' || onInbound;
  const canDispose = !!offer && !offer.preview && (state === 'talking' || state === 'wrap-up');

  const ready = () => void send(t('agent.ready'), (s) => emit(s).emitWithAck('ready'));
  const pause = () => void send(t('agent.pause'), (s) => emit(s).emitWithAck('pause', { reason: pauseReason }));
  const hangup = () => void send(t('agent.hangup'), (s) => emit(s).emitWithAck('hangup'));
  /** Callback and do-not-call close the call too: the answers typed so far are recorded first. */
  const withAnswers = async (s: AgentSocket, then: () => Promise<Ack>): Promise<Ack> => {
    if (Object.keys(current).length > 0) {
      const a = await emit(s).emitWithAck('answers', { answers: current });
      if (!a.ok) return a;
    }
    return then();
  };
  const dnc = () =>
    void send(t('agent.dnc'), (s) => withAnswers(s, () => emit(s).emitWithAck('dnc', {})), t('agent.dncDone'));
  const callback = (at: string, zone: string) =>
    void send(
      t('agent.callback'),
      (s) => withAnswers(s, () => emit(s).emitWithAck('callback', { at, mine: callbackMine })),
      t('agent.callbackDone', { at: f.dateTime(at, zone) }),
    );
  const dispose = (d: AgentDispositionView) => {
    if (!attemptId) return;
    void send(
      t('agent.disposition'),
      (s) => emit(s).emitWithAck('disposition', { code: d.code, answers: current }),
      t('agent.disposed', { code: labelOf(d) }),
    );
  };
  /**
   * A disposition's label in the page's language: the catalogue's for a code whose campaign label is the code itself
   * or the catalogue's English text (a default the planner did not reword); otherwise the planner's own label.
   */
  const labelOf = (d: AgentDispositionView): string => {
    const key = `dispositionCodes.${d.code}`;
    if (!i18n.exists(key)) return d.label;
    const english = i18n.getFixedT('en')(key);
    return d.label === d.code || d.label.toLowerCase() === english.toLowerCase() ? t(key) : d.label;
  };

  // Keyboard (live/shortcuts.ts): Alt+R ready, Alt+P pause, Alt+H hang up, Alt+1..9 the dispositions in order, and
  // on an inbound call Alt+O hold, Alt+T transfer, Alt+C consult, Alt+L complete, Alt+X cancel, Alt+N conference.
  // A shortcut does what its button does, only when that button is enabled.
  const inboundKeys = useRef<(a: ShortcutAction) => boolean>(() => false);
  const keys = useRef<(e: KeyboardEvent) => void>(() => undefined);
  keys.current = (e: KeyboardEvent) => {
    const action = shortcutOf(e);
    if (!action) return;
    e.preventDefault();
    const digit = /^disposition([1-9])$/.exec(action);
    if (action === 'ready') {
      if (loggedIn && !inCall && state !== 'ready') ready();
    } else if (action === 'pause') {
      if (loggedIn && !inCall && state !== 'paused') pause();
    } else if (action === 'hangup') {
      if (state === 'talking' || state === 'reserved') hangup();
    } else if (digit) {
      const d = dispositions[Number(digit[1]) - 1];
      if (d && canDispose) dispose(d);
    } else if (inbound) inboundKeys.current(action);
  };
  useEffect(() => {
    const on = (e: KeyboardEvent) => keys.current(e);
    addEventListener('keydown', on);
    return () => removeEventListener('keydown', on);
  }, []);

  const endpoints = useMemo(() => {
    const list = [profile?.endpoint, ...(profile?.endpoints ?? [])].filter((x): x is string => !!x);
    return [...new Set(list)];
  }, [profile]);

  const contact = offer?.contact ?? session?.contact ?? null;
  const contactZone = contact?.timeZone ?? 'UTC';
  const today = daysFrom(now, contactZone, 1)[0];
  const callbackDays = useMemo(() => daysFrom(Date.now(), contactZone, CALLBACK_DAYS), [contactZone, today]);
  const callbackIso = callbackDay
    ? wallTimeToIso(wallTime(callbackDay, callbackHour, callbackMinute), contactZone)
    : null;
  const sections = (offer?.script?.sections ?? []) as Section[];
  const hasScript = sections.length > 0;
  const inboundSections = (inbound?.script?.sections ?? []) as Section[];
  const inboundAnswers = inbound ? (answers[inbound.inboundCallId] ?? {}) : {};
  const autoDialIn = offer?.autoDialAt ? Math.max(0, new Date(offer.autoDialAt).getTime() - now) : null;

  return (
    <div className="desktop">
      <section className="card status" aria-labelledby="agent-state-title">
        <h1 id="agent-state-title">{t('agent.title')}</h1>
        <p className={`conn ${connected ? 'on' : 'off'}`} role="status">
          {connected ? t('agent.connected') : t('agent.reconnecting')}
        </p>
        <p className="state-line">
          <span className={`badge state-${state}`} data-testid="agent-state">
            {t(`states.${state}`)}
          </span>
          {session?.reason && (
            <span className="reason"> · {t(`pauseReasons.${session.reason}`, { defaultValue: session.reason })}</span>
          )}
          <span className="elapsed" data-testid="time-in-state" aria-label={t('agent.timeInState')}>
            {session ? f.duration(now - new Date(session.since).getTime()) : ''}
          </span>
        </p>
        {loggedIn && session?.endpoint && (
          <p className="muted">{t('agent.onEndpoint', { endpoint: session.endpoint })}</p>
        )}
        {!loggedIn && (
          <form
            className="row"
            onSubmit={(e) => {
              e.preventDefault();
              void send(t('agent.login'), (s) => emit(s).emitWithAck('login', endpoint ? { endpoint } : {}));
            }}
          >
            <label>
              {t('agent.endpoint')}
              <select value={endpoint} onChange={(e) => setEndpoint(e.target.value)} data-testid="endpoint">
                {endpoints.map((x) => (
                  <option key={x} value={x}>
                    {x}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="primary" disabled={!connected} data-testid="login">
              {t('agent.login')}
            </button>
          </form>
        )}
        {loggedIn && (
          <div className="row">
            <button
              type="button"
              className="primary"
              onClick={ready}
              disabled={inCall || state === 'ready'}
              data-testid="ready"
            >
              {t('agent.ready')} <kbd>{shortcutLabel('ready')}</kbd>
            </button>
            <label>
              {t('agent.pauseReason')}
              <select value={pauseReason} onChange={(e) => setPauseReason(e.target.value)} data-testid="pause-reason">
                {PAUSE_REASONS.map((r) => (
                  <option key={r} value={r}>
                    {t(`pauseReasons.${r}`)}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" onClick={pause} disabled={inCall || state === 'paused'} data-testid="pause">
              {t('agent.pause')} <kbd>{shortcutLabel('pause')}</kbd>
            </button>
            <button
              type="button"
              onClick={() => void send(t('agent.logout'), (s) => emit(s).emitWithAck('logout'))}
              disabled={inCall}
              data-testid="agent-logout"
            >
              {t('agent.logout')}
            </button>
          </div>
        )}
        {state === 'ready' && !offer && campaignStatus && (
          <p className="muted" data-testid="campaign-status">
            {campaignStatus.dialing ? t('agent.dialing') : dialingText(campaignStatus)}
          </p>
        )}
        {message && (
          <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind}>
            {message.text}
          </p>
        )}
      </section>

      {offer && contact && (
        <section
          className="card call"
          aria-labelledby="contact-title"
          data-testid="offer"
          data-attempt={offer.attemptId}
        >
          <h2 id="contact-title">
            {[contact.firstName, contact.lastName].filter(Boolean).join(' ') || t('agent.unnamed')}
          </h2>
          <dl className="contact">
            <dt>{t('agent.phone')}</dt>
            <dd data-testid="contact-phone">{contact.phone}</dd>
            <dt>{t('agent.localTime')}</dt>
            <dd>
              {f.time(now, contact.timeZone)} ({contact.timeZone})
            </dd>
            <dt>{t('agent.callState')}</dt>
            <dd data-testid="call-state">
              {callState ? t(`callStates.${callState}`, { defaultValue: callState }) : '—'}
            </dd>
            {Object.entries(contact.fields ?? {}).map(([k, v]) => (
              <div key={k} className="field">
                <dt>{k}</dt>
                <dd>{String(v)}</dd>
              </div>
            ))}
          </dl>

          {offer.preview && (
            <div className="row" data-testid="preview">
              <button
                type="button"
                className="primary"
                data-testid="preview-dial"
                onClick={() =>
                  void send(t('agent.dial'), (s) => emit(s).emitWithAck('preview-dial')).then(
                    (ok) => ok && setOffer((o) => (o ? { ...o, preview: false } : o)),
                  )
                }
              >
                {t('agent.dial')}
              </button>
              <label>
                {t('agent.skipReason')}
                <select value={skipReason} onChange={(e) => setSkipReason(e.target.value)}>
                  {SKIP_REASONS.map((r) => (
                    <option key={r} value={r}>
                      {t(`skipReasons.${r}`)}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                data-testid="preview-skip"
                onClick={() =>
                  void send(t('agent.skip'), (s) => emit(s).emitWithAck('preview-skip', { reason: skipReason }))
                }
              >
                {t('agent.skip')}
              </button>
              {autoDialIn !== null && (
                <span className="countdown">{t('agent.autoDialIn', { time: f.duration(autoDialIn) })}</span>
              )}
            </div>
          )}

          {hasScript && (
            <div className="script" data-testid="script">
              <h3>{t('agent.script')}</h3>
              <ScriptSections sections={sections} answers={current} onAnswer={setAnswer} />
            </div>
          )}

          {!offer.preview && (
            <>
              <div className="row">
                <button
                  type="button"
                  className="danger"
                  onClick={hangup}
                  disabled={!(state === 'talking' || state === 'reserved')}
                  data-testid="hangup"
                >
                  {t('agent.hangup')} <kbd>{shortcutLabel('hangup')}</kbd>
                </button>
                <button type="button" onClick={dnc} disabled={!canDispose} data-testid="dnc">
                  {t('agent.dnc')}
                </button>
              </div>
              <form
                className="callback"
                onSubmit={(e) => {
                  e.preventDefault();
                  if (!callbackIso) return setMessage({ kind: 'error', text: t('agent.callbackInvalid') });
                  if (Date.parse(callbackIso) <= Date.now())
                    return setMessage({ kind: 'error', text: t('agent.callbackPast') });
                  callback(callbackIso, contact.timeZone);
                }}
              >
                <fieldset>
                  <legend>{t('agent.callbackAt', { zone: contact.timeZone })}</legend>
                  <div className="row">
                    <label>
                      {t('agent.callbackDay')}
                      <select
                        value={callbackDay}
                        onChange={(e) => setCallbackDay(e.target.value)}
                        data-testid="callback-day"
                      >
                        <option value="">{t('agent.callbackChooseDay')}</option>
                        {callbackDays.map((d) => (
                          <option key={d} value={d}>
                            {dayLabel(d, i18n.language)}
                          </option>
                        ))}
                      </select>
                    </label>
                    <label>
                      {t('agent.callbackHour')}
                      <select
                        value={callbackHour}
                        onChange={(e) => setCallbackHour(Number(e.target.value))}
                        data-testid="callback-hour"
                      >
                        {HOURS.map((h) => (
                          <option key={h} value={h}>
                            {hourLabel(h, i18n.language)}
                          </option>
                        ))}
                      </select>
                    </label>
                    <label>
                      {t('agent.callbackMinute')}
                      <select
                        value={callbackMinute}
                        onChange={(e) => setCallbackMinute(Number(e.target.value))}
                        data-testid="callback-minute"
                      >
                        {MINUTES.map((m) => (
                          <option key={m} value={m}>
                            {minuteLabel(m, i18n.language)}
                          </option>
                        ))}
                      </select>
                    </label>
                    <label className="choice">
                      <input
                        type="checkbox"
                        checked={callbackMine}
                        onChange={(e) => setCallbackMine(e.target.checked)}
                      />
                      {t('agent.callbackMine')}
                    </label>
                    <button type="submit" disabled={!canDispose || !callbackIso} data-testid="callback">
                      {t('agent.callback')}
                    </button>
                  </div>
                  <p className="muted" data-testid="callback-preview" aria-live="polite">
                    {callbackIso
                      ? t('agent.callbackPreview', {
                          there: f.dateTime(callbackIso, contact.timeZone),
                          zone: contact.timeZone,
                          here: f.dateTime(callbackIso),
                        })
                      : t('agent.callbackChooseDay')}
                  </p>
                </fieldset>
              </form>
              <div className="dispositions" role="group" aria-label={t('agent.disposition')}>
                {dispositions.map((d, i) => (
                  <button
                    key={d.code}
                    type="button"
                    onClick={() => dispose(d)}
                    disabled={!canDispose}
                    data-code={d.code}
                  >
                    {labelOf(d)} {i < 9 && <kbd>{shortcutLabel(`disposition${(i + 1) as 1}`)}</kbd>}
                  </button>
                ))}
              </div>
            </>
          )}
        </section>
      )}
      {inbound && (
        <InboundCall
          key={inbound.inboundCallId}
          offer={inbound}
          live={onInbound}
          held={held}
          consult={consult}
          onHeld={setHeld}
          onConsult={setConsult}
          onMessage={setMessage}
          registerKeys={(fn) => {
            inboundKeys.current = fn;
          }}
        />
      )}
      {inbound && inboundSections.length > 0 && (
        <section className="card script" aria-labelledby="inbound-script-title" data-testid="inbound-script">
          <h3 id="inbound-script-title">{t('agent.script')}</h3>
          <ScriptSections
            sections={inboundSections}
            answers={inboundAnswers}
            prefix="in"
            onAnswer={(q, v) => setAnswers((a) => ({ ...a, [inbound.inboundCallId]: { ...inboundAnswers, [q]: v } }))}
          />
        </section>
      )}
      {!offer && !inbound && loggedIn && (
        <section className="card">
          <p className="muted">{state === 'ready' ? t('agent.waiting') : t('agent.idle')}</p>
        </section>
      )}
    </div>
  );
}
