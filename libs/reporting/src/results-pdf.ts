import { existsSync, readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { BriefResults } from './brief-results.service';

export const PDF_LANGS = ['en', 'zh-CN'] as const;
export type PdfLang = (typeof PDF_LANGS)[number];

/** A font file and, for a collection (.ttc), the PostScript name of the face to use. */
export interface FontCandidate {
  path: string;
  face?: string;
}

/** CJK fonts Debian installs (fonts-wqy-microhei is what CI installs); the first one present is embedded. */
export const CJK_FONTS: FontCandidate[] = [
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', face: 'WenQuanYiMicroHei' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', face: 'WenQuanYiZenHei' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
];

export interface ResultsPdf {
  pdf: Buffer;
  /** The language the labels came out in (English when Chinese was asked for and no CJK font was found). */
  lang: PdfLang;
  /** The embedded font file, or null: PDF standard Helvetica (Latin only). */
  font: string | null;
  /** What went differently from what was asked (also printed in the PDF's footer note). */
  log: string[];
}

const LABELS = {
  en: {
    title: 'Results',
    generated: 'Generated',
    keyFigures: 'Key figures',
    contacts: 'Contacts',
    attempted: 'Attempted',
    reached: 'Reached',
    successful: 'Successful',
    reachRate: 'Reach rate',
    successRate: 'Success rate',
    attempts: 'Attempts',
    notReached: 'Not reached',
    inProgress: 'In progress',
    deadline: 'Deadline',
    met: 'met',
    missed: 'missed',
    open: 'open',
    pilot: 'Pilot',
    fullRun: 'Full run',
    phase: 'Phase',
    byDay: 'Results by day (UTC)',
    byHour: 'Results by hour of day (UTC)',
    outcomes: 'Outcomes of attempts',
    notReachedWhy: 'Not reached, by reason',
    campaigns: 'Campaigns',
    humanAnswered: 'Answered by a person',
    successes: 'Successes',
    none: 'no data',
    note: 'Note',
  },
  'zh-CN': {
    title: '结果报告',
    generated: '生成时间',
    keyFigures: '主要数据',
    contacts: '联系人',
    attempted: '已拨打',
    reached: '已接通',
    successful: '成功',
    reachRate: '接通率',
    successRate: '成功率',
    attempts: '拨打次数',
    notReached: '未接通',
    inProgress: '进行中',
    deadline: '截止日期',
    met: '已达成',
    missed: '已错过',
    open: '未结束',
    pilot: '试拨',
    fullRun: '正式拨打',
    phase: '阶段',
    byDay: '按日结果（UTC）',
    byHour: '按小时结果（UTC）',
    outcomes: '拨打结果',
    notReachedWhy: '未接通原因',
    campaigns: '活动',
    humanAnswered: '真人接听',
    successes: '成功',
    none: '无数据',
    note: '说明',
  },
} satisfies Record<PdfLang, Record<string, string>>;
type Labels = (typeof LABELS)['en'];

const NAMES: Record<PdfLang, Record<string, string>> = {
  en: {},
  'zh-CN': {
    'answered-human': '真人接听',
    machine: '答录机',
    busy: '忙线',
    'no-answer': '无人接听',
    failed: '失败',
    abandoned: '放弃',
    'rejected-by-rule': '规则拒绝',
    dnc: '拒绝来电',
    invalid: '无效号码',
    excluded: '已排除',
    'attempts-exhausted': '次数用尽',
    'outside-deadline': '超过截止日期',
    other: '其他',
    completed: '已完成',
    running: '进行中',
    cancelled: '已取消',
    pilot: '试拨',
    paused: '已暂停',
  },
};
const nameOf = (lang: PdfLang, key: string): string => NAMES[lang][key] ?? key;

/** Font files read once per process (a CJK collection is several megabytes). */
const fontFiles = new Map<string, Buffer>();
const fontFile = (path: string): Buffer => {
  let b = fontFiles.get(path);
  if (!b) fontFiles.set(path, (b = readFileSync(path)));
  return b;
};

const COLORS = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1', '#9c755f'];
const pct = (r: number | null): string => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

/** A rounded-up axis maximum (1, 2 or 5 times a power of ten). */
export function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

type Doc = PDFKit.PDFDocument;

interface Series {
  name: string;
  values: number[];
}

/** Grouped vertical bars with a value axis, category labels, the first series' values on its bars, and a legend. */
function barChart(doc: Doc, x: number, y: number, w: number, h: number, title: string, cats: string[], ss: Series[]) {
  doc.fontSize(11).fillColor('#000').text(title, x, y, { width: w });
  const top = y + 30;
  const left = x + 30;
  const plotW = w - 30;
  const plotH = h - 60;
  const max = niceMax(Math.max(0, ...ss.flatMap((s) => s.values)));
  doc.fontSize(7).fillColor('#555');
  for (let i = 0; i <= 4; i++) {
    const gy = top + plotH - (plotH * i) / 4;
    doc
      .moveTo(left, gy)
      .lineTo(left + plotW, gy)
      .lineWidth(0.3)
      .strokeColor('#ccc')
      .stroke();
    doc.text(String(Math.round((max * i) / 4)), x, gy - 3, { width: 26, align: 'right' });
  }
  const n = Math.max(cats.length, 1);
  const slot = plotW / n;
  const barW = Math.max(1, (slot * 0.8) / ss.length);
  cats.forEach((cat, ci) => {
    ss.forEach((s, si) => {
      const v = s.values[ci] ?? 0;
      const bh = (plotH * v) / max;
      const bx = left + ci * slot + slot * 0.1 + si * barW;
      if (bh > 0)
        doc
          .rect(bx, top + plotH - bh, barW, bh)
          .fillColor(COLORS[si % COLORS.length])
          .fill();
      if (si === 0 && v > 0 && barW >= 5)
        doc
          .fontSize(6)
          .fillColor('#000')
          .text(String(v), bx - 6, top + plotH - bh - 8, { width: barW + 12, align: 'center' });
    });
    const every = Math.ceil(n / 24);
    if (ci % every === 0)
      doc
        .fontSize(6)
        .fillColor('#333')
        .text(cat, left + ci * slot - 4, top + plotH + 3, { width: slot * every + 8, align: 'center' });
  });
  let lx = left;
  for (const [si, s] of ss.entries()) {
    doc
      .rect(lx, top + plotH + 16, 8, 8)
      .fillColor(COLORS[si % COLORS.length])
      .fill();
    doc
      .fontSize(8)
      .fillColor('#000')
      .text(s.name, lx + 11, top + plotH + 16, { lineBreak: false });
    lx += 20 + doc.widthOfString(s.name);
  }
}

/** Horizontal bars: one row per label with its count. */
function hBars(doc: Doc, x: number, y: number, w: number, title: string, rows: [string, number][], none: string) {
  doc.fontSize(11).fillColor('#000').text(title, x, y, { width: w });
  let ry = y + 20;
  if (!rows.length) {
    doc.fontSize(9).fillColor('#555').text(none, x, ry);
    return ry + 14;
  }
  const max = Math.max(1, ...rows.map((r) => r[1]));
  const labelW = 110;
  const barMax = w - labelW - 50;
  for (const [i, [label, v]] of rows.entries()) {
    doc
      .fontSize(8)
      .fillColor('#000')
      .text(label, x, ry + 1, { width: labelW - 6, align: 'right', lineBreak: false });
    const bw = (barMax * v) / max;
    if (bw > 0)
      doc
        .rect(x + labelW, ry, bw, 10)
        .fillColor(COLORS[i % COLORS.length])
        .fill();
    doc
      .fontSize(8)
      .fillColor('#000')
      .text(String(v), x + labelW + bw + 4, ry + 1, { lineBreak: false });
    ry += 14;
  }
  return ry;
}

/**
 * The PDF summary of a brief's results: key figures, pilot against the full run, bar charts by day and by hour,
 * outcomes and reasons for not reaching, drawn with pdfkit's vector primitives. A CJK font is embedded (subset)
 * when one is installed, so Chinese labels and titles render; without one the labels fall back to English in
 * Helvetica and the note at the end says so (never an error).
 */
export async function renderResultsPdf(
  r: BriefResults,
  asked: PdfLang,
  fonts: FontCandidate[] = CJK_FONTS,
): Promise<ResultsPdf> {
  const log: string[] = [];
  const doc = new PDFDocument({
    size: 'A4',
    margin: 40,
    info: { Title: r.title, Subject: `brief ${r.briefId}`, Creator: 'dialer reporting' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((res, rej) => {
    doc.on('end', () => res());
    doc.on('error', rej);
  });

  let font: string | null = null;
  for (const f of fonts) {
    if (!existsSync(f.path)) continue;
    try {
      doc.registerFont('cjk', fontFile(f.path), f.face);
      doc.font('cjk');
      font = f.path;
      break;
    } catch (e) {
      log.push(`font ${f.path} could not be loaded: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  let lang = asked;
  if (!font) {
    doc.font('Helvetica');
    log.push(`no CJK font found (looked for ${fonts.map((f) => f.path).join(', ') || 'none'}); Helvetica used`);
    if (asked === 'zh-CN') {
      lang = 'en';
      log.push('Chinese labels need a CJK font: labels in English');
    }
  }
  const L: Labels = LABELS[lang];
  const W = doc.page.width - 80;

  doc.fontSize(18).fillColor('#000').text(`${L.title}: ${r.title}`, 40, 40, { width: W });
  doc
    .fontSize(9)
    .fillColor('#555')
    .text(
      `${L.generated} ${r.generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC · ${L.deadline} ` +
        `${r.deadline.deadline.toISOString().slice(0, 10)} (${
          r.deadline.met === null ? L.open : r.deadline.met ? L.met : L.missed
        })`,
      { width: W },
    );
  doc.moveDown(0.8);

  // key figures: two columns of label / value
  doc.fontSize(12).fillColor('#000').text(L.keyFigures);
  const figures: [string, string][] = [
    [L.contacts, String(r.contacts)],
    [L.attempted, String(r.contactsAttempted)],
    [L.reached, String(r.reached)],
    [L.successful, String(r.successful)],
    [L.reachRate, pct(r.reachRate)],
    [L.successRate, pct(r.successRate)],
    [L.attempts, String(r.attempts)],
    [L.notReached, String(r.notReached.total)],
    [L.inProgress, String(r.inProgress)],
  ];
  let fy = doc.y + 4;
  const startY = fy;
  for (const [i, [k, v]] of figures.entries()) {
    const col = i < 5 ? 0 : 1;
    if (i === 5) fy = startY;
    doc
      .fontSize(10)
      .fillColor('#333')
      .text(k, 40 + col * (W / 2), fy, { width: 120, lineBreak: false });
    doc.fillColor('#000').text(v, 40 + col * (W / 2) + 120, fy, { width: 100, lineBreak: false });
    fy += 15;
  }
  fy = startY + 5 * 15 + 8;

  // pilot against the full run
  const cols = [L.phase, L.attempted, L.reached, L.successful, L.attempts, L.reachRate, L.successRate];
  const cw = W / cols.length;
  doc.fontSize(8).fillColor('#555');
  cols.forEach((c, i) => doc.text(c, 40 + i * cw, fy, { width: cw - 4, lineBreak: false }));
  fy += 12;
  for (const [name, p] of [
    [L.pilot, r.pilot],
    [L.fullRun, r.fullRun],
  ] as const) {
    const vals = [
      name,
      String(p.contactsAttempted),
      String(p.contactsReached),
      String(p.contactsSuccessful),
      String(p.attempts),
      pct(p.reachRate),
      pct(p.successRate),
    ];
    doc.fontSize(9).fillColor('#000');
    vals.forEach((v, i) => doc.text(v, 40 + i * cw, fy, { width: cw - 4, lineBreak: false }));
    fy += 13;
  }
  fy += 12;

  const series = (rows: { attempts: number; humanAnswered: number; successes: number }[]): Series[] => [
    { name: L.attempts, values: rows.map((d) => d.attempts) },
    { name: L.humanAnswered, values: rows.map((d) => d.humanAnswered) },
    { name: L.successes, values: rows.map((d) => d.successes) },
  ];
  const days = r.byDay.slice(-31);
  barChart(
    doc,
    40,
    fy,
    W,
    190,
    days.length ? L.byDay : `${L.byDay}: ${L.none}`,
    days.map((d) => d.day.slice(5)),
    series(days),
  );
  fy += 200;
  const hours = Array.from(
    { length: 24 },
    (_, h) => r.byHour.find((b) => b.hour === h) ?? { hour: h, attempts: 0, humanAnswered: 0, successes: 0 },
  );
  barChart(
    doc,
    40,
    fy,
    W,
    190,
    L.byHour,
    hours.map((h) => String(h.hour).padStart(2, '0')),
    series(hours),
  );

  doc.addPage();
  if (font) doc.font('cjk');
  let y = hBars(
    doc,
    40,
    40,
    W,
    L.outcomes,
    Object.entries(r.outcomes)
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => [nameOf(lang, k), n]),
    L.none,
  );
  y = hBars(
    doc,
    40,
    y + 16,
    W,
    L.notReachedWhy,
    Object.entries(r.notReached.byReason)
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => [nameOf(lang, k), n]),
    L.none,
  );
  doc
    .fontSize(11)
    .fillColor('#000')
    .text(L.campaigns, 40, y + 16);
  for (const c of r.campaigns)
    doc
      .fontSize(9)
      .text(
        `${c.name} · ${nameOf(lang, c.state)}${c.completedAt ? ` · ${c.completedAt.toISOString().slice(0, 16).replace('T', ' ')}` : ''}`,
        { width: W },
      );
  if (log.length) {
    doc.moveDown();
    doc
      .fontSize(8)
      .fillColor('#a00')
      .text(`${L.note}: ${log.join('; ')}`, { width: W });
  }
  doc.end();
  await done;
  return { pdf: Buffer.concat(chunks), lang, font, log };
}
