import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Socket } from 'socket.io-client';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { WallboardCampaignDto, WallboardClientEvents, WallboardServerEvents } from '@app/agent-gateway';
import type { QueueLiveView } from '@app/acd';
import type { Forecast } from '@app/briefs';
import type { Queue } from '@app/database';
import type { CampaignView } from '@app/campaigns';
import { api } from '../api';
import { useDialingText } from '../dialing';
import { useFormat } from '../format';
import { openSocket } from '../socket';
import '../live/live.css';

type WallboardSocket = Socket<WallboardServerEvents, WallboardClientEvents>;
/** Campaigns shown on the board: the ones that run or could (paused ones say why they do not dial). */
const LIVE_STATES = new Set(['running', 'pilot', 'paused', 'pilot_paused', 'ready']);
const HOUR_MS = 3600_000;
const AGENT_STATES = ['ready', 'reserved', 'talking', 'wrap-up', 'paused'] as const;

interface Sample {
  t: number;
  dials: number;
  live: number;
  talking: number;
}

function Chart(p: {
  samples: Sample[];
  title: string;
  lang: string;
  labels: { time: string; live: string; talking: string; dpm: string };
}) {
  const el = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const data = (): uPlot.AlignedData => {
    const s = p.samples;
    const xs = s.map((x) => x.t / 1000);
    // Dials per minute over the preceding minute of samples.
    const dpm = s.map((x, i) => {
      let j = i;
      while (j > 0 && x.t - s[j - 1].t <= 60_000) j--;
      const span = (x.t - s[j].t) / 60_000;
      return span > 0 ? (x.dials - s[j].dials) / span : 0;
    });
    return [xs, s.map((x) => x.live), s.map((x) => x.talking), dpm];
  };
  useEffect(() => {
    if (!el.current) return;
    const clock = new Intl.DateTimeFormat(p.lang, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
    plot.current = new uPlot(
      {
        width: el.current.clientWidth || 600,
        height: 180,
        title: p.title,
        series: [
          { label: p.labels.time, value: (_u: uPlot, v: number | null) => (v == null ? '—' : clock.format(v * 1000)) },
          { label: p.labels.live, stroke: '#1565c0', width: 2 },
          { label: p.labels.talking, stroke: '#2e7d32', width: 2 },
          { label: p.labels.dpm, stroke: '#ef6c00', width: 2, scale: 'dpm' },
        ],
        // Times on the axis through Intl, in the interface's language, far enough apart to read.
        axes: [
          { space: 90, values: (_u: uPlot, splits: number[]) => splits.map((v) => clock.format(v * 1000)) },
          {},
          { scale: 'dpm', side: 1, grid: { show: false } },
        ],
        scales: { x: { time: true } },
      },
      data(),
      el.current,
    );
    return () => plot.current?.destroy();
  }, [p.title, p.lang]);
  useEffect(() => {
    plot.current?.setData(data());
  });
  return <div ref={el} className="chart" role="img" aria-label={p.title} />;
}

/** The deadline forecast with the agents logged in now (a what-if: nothing is stored), every 30 s. */
function useForecast(campaignId: string, agents: number): Forecast | null {
  const [forecast, setForecast] = useState<Forecast | null>(null);
  const agentsRef = useRef(agents);
  agentsRef.current = agents;
  useEffect(() => {
    let stop = false;
    const load = () =>
      api<Forecast | null>('GET', `/campaigns/${campaignId}/forecast?agents=${agentsRef.current}`)
        .then((x) => !stop && setForecast(x))
        .catch(() => !stop && setForecast(null));
    void load();
    const id = setInterval(() => void load(), 30_000);
    return () => {
      stop = true;
      clearInterval(id);
    };
  }, [campaignId]);
  return forecast;
}

function Board(p: { c: WallboardCampaignDto; name: string; samples: Sample[] }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const dialingText = useDialingText();
  const { c } = p;
  const dialsPerMinute = (() => {
    const s = p.samples;
    if (s.length < 2) return c.dials.last15Minutes / 15;
    const last = s[s.length - 1];
    const first = s.find((x) => last.t - x.t <= 60_000) ?? s[0];
    const span = (last.t - first.t) / 60_000;
    return span > 0.05 ? (last.dials - first.dials) / span : c.dials.last15Minutes / 15;
  })();
  const forecast = useForecast(c.campaignId, c.agents.total);
  const answerRate = c.dials.total > 0 ? c.answeredByPerson / c.dials.total : 0;
  const over = (r: number) => (r > c.abandonRate.cap ? 'bad' : 'good');
  return (
    <section className="board card" aria-labelledby={`wb-${c.campaignId}`} data-campaign={c.campaignId}>
      <h2 id={`wb-${c.campaignId}`}>
        {p.name}{' '}
        <span className={`badge state-${c.state}`}>{t(`campaignStates.${c.state}`, { defaultValue: c.state })}</span>
        <span className="muted"> · {t(`modes.${c.mode}`, { defaultValue: c.mode })}</span>
      </h2>
      <p className={`dialing ${c.dialing.dialing ? 'good' : 'bad'}`} data-testid="dialing">
        {dialingText(c.dialing)}
      </p>
      <div className="tiles">
        {AGENT_STATES.map((s) => (
          <div key={s} className={`tile state-${s}`} data-testid={`agents-${s}`}>
            <span className="big">{f.number(c.agents.byState[s] ?? 0)}</span>
            <span>{t(`states.${s}`)}</span>
          </div>
        ))}
        <div className="tile">
          <span className="big" data-testid="live-calls">
            {f.number(c.liveCalls.count)}
          </span>
          <span>{t('wallboard.liveCalls')}</span>
        </div>
        <div className="tile">
          <span className="big">{f.number(dialsPerMinute, 1)}</span>
          <span>{t('wallboard.dialsPerMinute')}</span>
        </div>
        <div className="tile">
          <span className="big">{f.percent(answerRate)}</span>
          <span>{t('wallboard.answerRate')}</span>
        </div>
        <div className={`tile ${over(c.abandonRate.run)}`}>
          <span className="big">{f.percent(c.abandonRate.run)}</span>
          <span>{t('wallboard.abandonRun', { cap: f.percent(c.abandonRate.cap) })}</span>
        </div>
        <div className={`tile ${over(c.abandonRate.window)}`}>
          <span className="big">{f.percent(c.abandonRate.window)}</span>
          <span>{t('wallboard.abandonWindow', { hours: f.number(c.abandonRate.windowHours) })}</span>
        </div>
        <div className="tile">
          <span className="big">{f.percent(c.progress.finalShare)}</span>
          <span>
            {t('wallboard.progress', { done: f.number(c.progress.final), total: f.number(c.progress.total) })}
          </span>
        </div>
      </div>
      {forecast && (
        <p className={`forecast ${forecast.canFinishByDeadline ? 'good' : 'bad'}`} data-testid="forecast">
          {forecast.expectedFinishAt
            ? t('wallboard.forecast', {
                finish: f.dateTime(forecast.expectedFinishAt),
                deadline: f.dateTime(forecast.deadline),
              })
            : t('wallboard.forecastNever', { deadline: f.dateTime(forecast.deadline) })}
          {!forecast.canFinishByDeadline &&
            forecast.agentsNeeded !== null &&
            ` ${t('wallboard.agentsNeeded', { n: f.number(forecast.agentsNeeded) })}`}
        </p>
      )}
      <progress max={1} value={c.progress.finalShare} aria-label={t('wallboard.progressLabel')} />
      <Chart
        samples={p.samples}
        title={t('wallboard.lastHour')}
        lang={i18n.language}
        labels={{
          time: t('wallboard.time'),
          live: t('wallboard.liveCalls'),
          talking: t('states.talking'),
          dpm: t('wallboard.dialsPerMinute'),
        }}
      />
      <p className="muted small">{t('wallboard.updated', { at: f.time(c.at) })}</p>
    </section>
  );
}

const QUEUE_AGENT_STATES = ['ready', 'talking', 'wrap-up', 'paused', 'offline'] as const;

/** One inbound queue, pushed every second: callers waiting, the longest wait, service levels, agents by state. */
function QueueBoard(p: { q: QueueLiveView; targetSeconds: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { q } = p;
  const sl = (v: number | null) => (v === null ? '—' : f.percent(v, 0));
  const longWait = q.longestWaitNowSeconds > p.targetSeconds;
  return (
    <section className="board card queue-board" aria-labelledby={`wq-${q.queueId}`} data-queue={q.queueId}>
      <h2 id={`wq-${q.queueId}`}>
        <span className="muted">{t('wallboard.queue')}</span> {q.name}
      </h2>
      <div className="tiles queue-tiles">
        <div className={`tile ${q.waitingNow > 0 ? (longWait ? 'bad' : 'warn') : 'good'}`}>
          <span className="huge" data-testid="queue-waiting">
            {f.number(q.waitingNow)}
          </span>
          <span>{t('wallboard.waitingNow')}</span>
        </div>
        <div className={`tile ${longWait ? 'bad' : ''}`}>
          <span className="huge" data-testid="queue-longest">
            {f.duration(q.longestWaitNowSeconds * 1000)}
          </span>
          <span>{t('wallboard.longestWait')}</span>
        </div>
        <div className="tile">
          <span className="big" data-testid="queue-sl-today">
            {sl(q.today.serviceLevel)}
          </span>
          <span>{t('wallboard.slToday', { seconds: f.number(p.targetSeconds) })}</span>
        </div>
        <div className="tile">
          <span className="big" data-testid="queue-sl-15">
            {sl(q.last15Minutes.serviceLevel)}
          </span>
          <span>{t('wallboard.sl15', { seconds: f.number(p.targetSeconds) })}</span>
        </div>
      </div>
      <ul className="queue-agents" aria-label={t('wallboard.queueAgents')}>
        {QUEUE_AGENT_STATES.map((s) => (
          <li key={s} className={`state-${s}`} data-testid={`queue-agents-${s}`}>
            <span className="big">{f.number(q.agents[s] ?? 0)}</span> {t(`states.${s}`)}
          </li>
        ))}
      </ul>
      <p className="muted small">
        {t('wallboard.queueToday', {
          offered: f.number(q.today.offered),
          answered: f.number(q.today.answered),
          abandoned: f.number(q.today.abandoned),
        })}
      </p>
    </section>
  );
}

export function Wallboard() {
  const { t } = useTranslation();
  const [campaigns, setCampaigns] = useState<CampaignView[] | null>(null);
  const [boards, setBoards] = useState<Record<string, WallboardCampaignDto>>({});
  const samples = useRef<Record<string, Sample[]>>({});
  const [connected, setConnected] = useState(false);
  const [queues, setQueues] = useState<Queue[] | null>(null);
  const [queueViews, setQueueViews] = useState<Record<string, QueueLiveView>>({});

  useEffect(() => {
    api<CampaignView[]>('GET', '/campaigns')
      .then((all) => setCampaigns(all.filter((c) => LIVE_STATES.has(c.state))))
      .catch(() => setCampaigns([]));
    api<Queue[]>('GET', '/queues')
      .then(setQueues)
      .catch(() => setQueues([]));
  }, []);

  useEffect(() => {
    if (!campaigns || !queues) return;
    const s = openSocket<WallboardSocket>('/wallboard');
    const subscribe = () => {
      // The board shows agents by state, not each agent: pushes without `agents.list` (a fraction of the size).
      for (const c of campaigns) s.emit('subscribe', { campaignId: c.id, agentList: false }, () => undefined);
      for (const q of queues) s.emit('subscribe-queue', { queueId: q.id }, () => undefined);
    };
    s.on('queue', (q) => setQueueViews((v) => ({ ...v, [q.queueId]: q })));
    s.on('connect', () => {
      setConnected(true);
      subscribe();
    });
    s.on('disconnect', () => setConnected(false));
    s.on('campaign', (c) => {
      const list = (samples.current[c.campaignId] ??= []);
      const at = new Date(c.at).getTime();
      list.push({ t: at, dials: c.dials.total, live: c.liveCalls.count, talking: c.agents.byState.talking ?? 0 });
      while (list.length > 0 && at - list[0].t > HOUR_MS) list.shift();
      setBoards((b) => ({ ...b, [c.campaignId]: c }));
    });
    return () => {
      s.close();
    };
  }, [campaigns, queues]);

  return (
    <div className={`wallboard ${queues && queues.length > 0 ? 'with-queues' : ''}`}>
      <h1 className="sr-only">{t('nav.wallboard')}</h1>
      {!connected && <p className="conn off wide">{t('agent.reconnecting')}</p>}
      <div className="campaign-column">
        {campaigns && campaigns.length === 0 && <p className="card">{t('wallboard.none')}</p>}
        {campaigns?.map((c) =>
          boards[c.id] ? (
            <Board key={c.id} c={boards[c.id]} name={c.name} samples={samples.current[c.id] ?? []} />
          ) : (
            <section key={c.id} className="board card">
              <h2>{c.name}</h2>
              <p className="muted">{t('app.loading')}</p>
            </section>
          ),
        )}
      </div>
      {queues && queues.length > 0 && (
        <div className="queue-column" aria-label={t('wallboard.queues')}>
          {queues.map((q) =>
            queueViews[q.id] ? (
              <QueueBoard key={q.id} q={queueViews[q.id]} targetSeconds={q.serviceLevelSeconds} />
            ) : (
              <section key={q.id} className="board card queue-board">
                <h2>{q.name}</h2>
                <p className="muted">{t('app.loading')}</p>
              </section>
            ),
          )}
        </div>
      )}
    </div>
  );
}
