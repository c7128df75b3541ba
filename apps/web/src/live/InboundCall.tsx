import { messageText, reasonText } from '../errors';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentServerEvents, InboundOfferDto } from '@app/agent-gateway';
import type { TransferTargetsResponse } from '@app/acd';
import { api, type ApiError } from '../api';
import { useFormat, useNow } from '../format';
import { shortcutLabel, type ShortcutAction } from './shortcuts';
import { destination, E164, KINDS, type DestinationKind } from './destination';

// The agent's inbound ACD call: who calls, from which queue, how long they waited, and the call controls of the
// /api/agent/inbound/* routes (hold, blind transfer, attended transfer by consultation, three-way conference).

/** The socket's `inbound-held` payload: the server's type once the ACD declares the event, else its contract. */
export type InboundHeld = AgentServerEvents extends { 'inbound-held': (p: infer P) => void }
  ? P
  : { inboundCallId: string; held: boolean };
/** The socket's `consult-state` payload, likewise. */
export type ConsultState = AgentServerEvents extends { 'consult-state': (p: infer P) => void }
  ? P
  : { inboundCallId: string; state: 'consulting' | 'completed' | 'cancelled'; to: string };

interface Choice {
  id: string;
  label: string;
}

/**
 * Colleagues logged in now and queues of the agent's departments, to pick a transfer or consultation target; asked
 * again whenever the agent picks a kind of destination, so colleagues who logged in since are there.
 */
function useChoices(kind: DestinationKind): Record<'agent' | 'queue', Choice[] | null> {
  const [choices, setChoices] = useState<Record<'agent' | 'queue', Choice[] | null>>({ agent: null, queue: null });
  useEffect(() => {
    api<TransferTargetsResponse>('GET', '/agent/inbound/transfer-targets')
      .then((r) =>
        setChoices({
          agent: r.agents.map((x) => ({ id: x.id, label: x.name })),
          queue: r.queues.map((x) => ({ id: x.id, label: x.name })),
        }),
      )
      .catch(() => setChoices({ agent: null, queue: null }));
  }, [kind]);
  return choices;
}

export interface InboundCallProps {
  offer: InboundOfferDto;
  /** Still on the line (the agent is paused with reason `inbound`), or wrapping up after it. */
  live: boolean;
  held: boolean;
  consult: ConsultState | null;
  onHeld: (held: boolean) => void;
  onConsult: (c: ConsultState | null) => void;
  onMessage: (m: { kind: 'info' | 'error'; text: string }) => void;
  /** The page's key handler calls the action a shortcut names (when its button is enabled). */
  registerKeys: (fn: (action: ShortcutAction) => boolean) => void;
}

export function InboundCall(p: InboundCallProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const now = useNow();
  const { offer } = p;
  const [shownAt] = useState(() => Date.now());
  const [kind, setKind] = useState<DestinationKind>('queue');
  const choices = useChoices(kind);
  const [target, setTarget] = useState(offer.queueId);
  const [conferenceNumber, setConferenceNumber] = useState('');
  const [busy, setBusy] = useState(false);
  const to = destination(kind, target);
  const consulting = p.consult?.state === 'consulting';

  const call = async <T,>(what: string, path: string, body: unknown, ok: (r: T) => string): Promise<void> => {
    setBusy(true);
    try {
      const r = await api<T>('POST', path, body);
      p.onMessage({ kind: 'info', text: ok(r) });
    } catch (e) {
      const err = e as ApiError;
      const detail = err.details?.map(reasonText).join('; ');
      p.onMessage({ kind: 'error', text: t('agent.refused', { what, message: detail || messageText(err) }) });
    } finally {
      setBusy(false);
    }
  };
  const hold = (on: boolean) =>
    call<{ held: boolean }>(t(on ? 'inbound.hold' : 'inbound.unhold'), '/agent/inbound/hold', { hold: on }, (r) => {
      p.onHeld(r.held);
      return r.held ? t('inbound.heldNow') : t('inbound.unheldNow');
    });
  const transfer = () =>
    to &&
    call(t('inbound.transfer'), '/agent/inbound/transfer', { to }, () => t('inbound.transferred', { to: nameOf(to) }));
  const consult = () =>
    to &&
    call<{ consultId: string }>(t('inbound.consult'), '/agent/inbound/consult', { to }, () => {
      p.onConsult({ inboundCallId: offer.inboundCallId, state: 'consulting', to } as ConsultState);
      return t('inbound.consulting', { to: nameOf(to) });
    });
  const complete = () =>
    call(t('inbound.consultComplete'), '/agent/inbound/consult/complete', {}, () => {
      p.onConsult(p.consult ? ({ ...p.consult, state: 'completed' } as ConsultState) : null);
      return t('inbound.consultCompleted');
    });
  const cancel = () =>
    call(t('inbound.consultCancel'), '/agent/inbound/consult/cancel', {}, () => {
      p.onConsult(p.consult ? ({ ...p.consult, state: 'cancelled' } as ConsultState) : null);
      return t('inbound.consultCancelled');
    });
  const conference = () =>
    E164.test(conferenceNumber) &&
    call(t('inbound.conference'), '/agent/inbound/conference', { number: conferenceNumber }, () =>
      t('inbound.conferenced', { number: conferenceNumber }),
    );

  /** The destination as the agent knows it: a name from the lists, else what was typed. */
  function nameOf(dest: string): string {
    const [k, v] = [dest.slice(0, dest.indexOf(':')), dest.slice(dest.indexOf(':') + 1)];
    if (k === 'queue' && v === offer.queueId) return offer.queueName;
    const found = (k === 'agent' || k === 'queue' ? choices[k] : null)?.find((c) => c.id === v);
    return found?.label ?? v;
  }

  const can = {
    hold: p.live && !busy && !consulting,
    transfer: p.live && !busy && !consulting && !!to,
    consult: p.live && !busy && !consulting && !!to,
    consultComplete: p.live && !busy && consulting,
    consultCancel: p.live && !busy && consulting,
    conference: p.live && !busy && !consulting && E164.test(conferenceNumber),
  };
  p.registerKeys((action) => {
    if (action === 'hold' && can.hold) void hold(!p.held);
    else if (action === 'transfer' && can.transfer) void transfer();
    else if (action === 'consult' && can.consult) void consult();
    else if (action === 'consultComplete' && can.consultComplete) void complete();
    else if (action === 'consultCancel' && can.consultCancel) void cancel();
    else if (action === 'conference' && can.conference) void conference();
    else return false;
    return true;
  });

  const list = kind === 'number' ? null : choices[kind];
  const options: Choice[] =
    kind === 'queue'
      ? [{ id: offer.queueId, label: offer.queueName }, ...(list ?? []).filter((q) => q.id !== offer.queueId)]
      : (list ?? []);
  const kbd = (a: ShortcutAction) => <kbd>{shortcutLabel(a)}</kbd>;

  return (
    <section className="card call inbound" aria-labelledby="inbound-title" data-testid="inbound">
      <h2 id="inbound-title">
        {t('inbound.title')}{' '}
        {p.held && (
          <span className="badge state-paused" data-testid="inbound-held">
            {t('inbound.onHold')}
          </span>
        )}
      </h2>
      <dl className="contact">
        <dt>{t('inbound.caller')}</dt>
        <dd data-testid="inbound-caller">{offer.callerNumber ?? t('inbound.withheld')}</dd>
        <dt>{t('inbound.queue')}</dt>
        <dd data-testid="inbound-queue">{offer.queueName}</dd>
        <dt>{t('inbound.waited')}</dt>
        <dd data-testid="inbound-wait">{f.duration(offer.waitSeconds * 1000)}</dd>
        <dt>{t('inbound.talking')}</dt>
        <dd>{f.duration(now - shownAt)}</dd>
        {offer.callback && (
          <>
            <dt>{t('inbound.kind')}</dt>
            <dd>{t('inbound.callback')}</dd>
          </>
        )}
      </dl>
      {!p.live && <p className="muted">{t('inbound.wrapUp')}</p>}

      <div className="row">
        <button type="button" onClick={() => void hold(!p.held)} disabled={!can.hold} data-testid="inbound-hold">
          {p.held ? t('inbound.unhold') : t('inbound.hold')} {kbd('hold')}
        </button>
      </div>

      <fieldset className="transfer" disabled={!p.live}>
        <legend>{t('inbound.transferTo')}</legend>
        <div className="row">
          <label>
            {t('inbound.destinationKind')}
            <select
              value={kind}
              data-testid="transfer-kind"
              onChange={(e) => {
                const k = e.target.value as DestinationKind;
                setKind(k);
                setTarget(k === 'queue' ? offer.queueId : '');
              }}
            >
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`inbound.kinds.${k}`)}
                </option>
              ))}
            </select>
          </label>
          {kind !== 'number' && options.length > 0 ? (
            <label>
              {t(`inbound.kinds.${kind}`)}
              <select value={target} onChange={(e) => setTarget(e.target.value)} data-testid="transfer-target">
                {kind === 'agent' && <option value="">{t('inbound.choose')}</option>}
                {options.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.label}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <label>
              {kind === 'number' ? t('inbound.numberE164') : t('inbound.idOf', { kind: t(`inbound.kinds.${kind}`) })}
              <input
                value={target}
                onChange={(e) => setTarget(e.target.value)}
                data-testid="transfer-target"
                inputMode={kind === 'number' ? 'tel' : 'text'}
                placeholder={kind === 'number' ? '+8613800000000' : undefined}
              />
            </label>
          )}
        </div>
        <div className="row">
          <button type="button" onClick={() => void transfer()} disabled={!can.transfer} data-testid="inbound-transfer">
            {t('inbound.transfer')} {kbd('transfer')}
          </button>
          <button type="button" onClick={() => void consult()} disabled={!can.consult} data-testid="inbound-consult">
            {t('inbound.consult')} {kbd('consult')}
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => void complete()}
            disabled={!can.consultComplete}
            data-testid="consult-complete"
          >
            {t('inbound.consultComplete')} {kbd('consultComplete')}
          </button>
          <button
            type="button"
            onClick={() => void cancel()}
            disabled={!can.consultCancel}
            data-testid="consult-cancel"
          >
            {t('inbound.consultCancel')} {kbd('consultCancel')}
          </button>
        </div>
        {p.consult && (
          <p role="status" data-testid="consult-state" data-state={p.consult.state}>
            {t(`inbound.consultStates.${p.consult.state}`, { to: nameOf(p.consult.to) })}
          </p>
        )}
      </fieldset>

      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void conference();
        }}
      >
        <label>
          {t('inbound.conferenceNumber')}
          <input
            value={conferenceNumber}
            onChange={(e) => setConferenceNumber(e.target.value.trim())}
            inputMode="tel"
            placeholder="+8613800000000"
            data-testid="conference-number"
          />
        </label>
        <button type="submit" disabled={!can.conference} data-testid="inbound-conference">
          {t('inbound.conference')} {kbd('conference')}
        </button>
      </form>
    </section>
  );
}
