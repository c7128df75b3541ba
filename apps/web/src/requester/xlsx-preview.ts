// The first rows of an XLSX file, read in the browser before the upload (the importer reads the whole file again on
// the server, with its zip-bomb guard). A zip's central directory names the parts; the first sheet and the shared
// strings are inflated with the platform's DecompressionStream; the sheet is read only as far as the rows wanted.

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;

interface Entry {
  method: number;
  size: number;
  offset: number;
}

function directory(b: Uint8Array): Map<string, Entry> {
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 65_557); i--)
    if (u32(b, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw new Error('not a zip file');
  const count = u16(b, eocd + 10);
  let p = u32(b, eocd + 16);
  const out = new Map<string, Entry>();
  const names = new TextDecoder();
  for (let i = 0; i < count && u32(b, p) === 0x02014b50; i++) {
    const nameLength = u16(b, p + 28);
    const name = names.decode(b.subarray(p + 46, p + 46 + nameLength));
    out.set(name, { method: u16(b, p + 10), size: u32(b, p + 20), offset: u32(b, p + 42) });
    p += 46 + nameLength + u16(b, p + 30) + u16(b, p + 32);
  }
  return out;
}

/** The text of one part; `enough` may stop reading early (the rest of a large sheet is never inflated). */
async function partText(b: Uint8Array, e: Entry, enough?: (text: string) => boolean): Promise<string> {
  const start = e.offset + 30 + u16(b, e.offset + 26) + u16(b, e.offset + 28);
  const raw = b.slice(start, start + e.size);
  if (e.method === 0) return new TextDecoder().decode(raw);
  if (e.method !== 8) throw new Error(`zip method ${e.method} is not supported`);
  const reader = new Blob([raw]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    if (enough?.(text)) {
      await reader.cancel();
      break;
    }
  }
  return text;
}

const unescape = (s: string) =>
  s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** All `<t>` texts of an element (rich text has several runs). */
const texts = (xml: string) => [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => unescape(m[1])).join('');

const column = (ref: string) => [...ref.replace(/\d+$/, '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/** The first sheet's first `maxRows` rows as text (empty rows skipped). */
export async function xlsxRows(file: Blob, maxRows = 6): Promise<string[][]> {
  const b = new Uint8Array(await file.arrayBuffer());
  const dir = directory(b);
  const rels = dir.get('xl/_rels/workbook.xml.rels');
  const workbook = dir.get('xl/workbook.xml');
  let sheetPath = 'xl/worksheets/sheet1.xml';
  if (rels && workbook) {
    const firstId = /<sheet\b[^>]*\br:id="([^"]+)"/.exec(await partText(b, workbook))?.[1];
    const target = firstId
      ? (new RegExp(`<Relationship\\b[^>]*\\bId="${firstId}"[^>]*\\bTarget="([^"]+)"`).exec(
          await partText(b, rels),
        )?.[1] ??
        new RegExp(`<Relationship\\b[^>]*\\bTarget="([^"]+)"[^>]*\\bId="${firstId}"`).exec(
          await partText(b, rels),
        )?.[1])
      : undefined;
    if (target) sheetPath = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  }
  const sheet = dir.get(sheetPath);
  if (!sheet) throw new Error('no worksheet found');
  const shared = dir.get('xl/sharedStrings.xml');
  const strings = shared
    ? [...(await partText(b, shared)).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => texts(m[1]))
    : [];
  const xml = await partText(b, sheet, (t) => (t.match(/<\/row>/g)?.length ?? 0) > maxRows + 20);
  const rows: string[][] = [];
  for (const r of xml.matchAll(/<row\b[^>]*>([\s\S]*?)<\/row>/g)) {
    const row: string[] = [];
    for (const c of r[1].matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1];
      const body = c[2] ?? '';
      const ref = /\br="([A-Z]+\d+)"/.exec(attrs)?.[1];
      const type = /\bt="([^"]+)"/.exec(attrs)?.[1];
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      const value =
        type === 's'
          ? (strings[Number(v)] ?? '')
          : type === 'inlineStr'
            ? texts(body)
            : v !== undefined
              ? unescape(v)
              : '';
      const at = ref ? column(ref) : row.length;
      while (row.length < at) row.push('');
      row[at] = value;
    }
    if (row.some((x) => x.trim() !== '')) rows.push(row);
    if (rows.length >= maxRows) break;
  }
  return rows;
}
