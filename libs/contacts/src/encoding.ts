import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { AppError, invalid } from '@app/common';

/** Encodings we name in summaries; a forced or declared one may be any name iconv-lite knows (lower case). */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'gb18030' | 'big5' | string;

/** What the first bytes of an upload say it is. */
export type Sniffed =
  { kind: 'text'; encoding: TextEncodingName; bomLength: number } | { kind: 'xlsx' } | { kind: 'binary'; what: string };

const MAGIC: [number[], string][] = [
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x1f, 0x8b], 'a gzip archive (send it with content-encoding: gzip, or unpacked)'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old binary Excel (.xls) or Office file; save it as .xlsx or CSV'],
  [[0x7f, 0x45, 0x4c, 0x46], 'an executable'],
  [[0x4d, 0x5a], 'an executable'],
];

const startsWith = (b: Buffer, sig: number[]): boolean => sig.every((x, i) => b[i] === x);

/**
 * UTF-16 without a BOM: text that is mostly ASCII has a NUL in every other byte. Returns the byte order, or
 * undefined when the zeros are not laid out that way (then NUL bytes mean binary).
 */
export function utf16WithoutBom(head: Buffer): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(head.length, 8192) & ~1;
  if (n < 8) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenZero++;
    if (head[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero / pairs > 0.3 && evenZero / pairs < 0.05) return 'utf-16le';
  if (evenZero / pairs > 0.3 && oddZero / pairs < 0.05) return 'utf-16be';
  return undefined;
}

/** Looks at the first chunk: BOMs, zip (XLSX), well-known binary signatures, UTF-16 without BOM, NUL and control bytes. */
export function sniff(first: Buffer): Sniffed {
  if (startsWith(first, [0xef, 0xbb, 0xbf])) return { kind: 'text', encoding: 'utf-8', bomLength: 3 };
  if (startsWith(first, [0xff, 0xfe])) return { kind: 'text', encoding: 'utf-16le', bomLength: 2 };
  if (startsWith(first, [0xfe, 0xff])) return { kind: 'text', encoding: 'utf-16be', bomLength: 2 };
  if (startsWith(first, [0x50, 0x4b, 0x03, 0x04])) return { kind: 'xlsx' };
  for (const [sig, what] of MAGIC) if (startsWith(first, sig)) return { kind: 'binary', what };
  const u16 = utf16WithoutBom(first);
  if (u16) return { kind: 'text', encoding: u16, bomLength: 0 };
  const head = first.subarray(0, 8192);
  let control = 0;
  for (const b of head) {
    if (b === 0) return { kind: 'binary', what: 'binary data (NUL bytes)' };
    if (b < 0x09 || (b > 0x0d && b < 0x20) || b === 0x7f) control++;
  }
  if (head.length && control / head.length > 0.05) return { kind: 'binary', what: 'binary data (control bytes)' };
  // Not decided yet: UTF-8 or a legacy encoding, chosen from the content by `decodeText`.
  return { kind: 'text', encoding: 'auto', bomLength: 0 };
}

export const unsupportedBinary = (what: string): AppError =>
  new AppError('unsupported-media-type', `the file is not a CSV or XLSX: it looks like ${what}; nothing was imported`, [
    { field: 'file', reason: `looks like ${what}` },
  ]);

/** Length of the prefix of `b` that ends on a whole UTF-8 sequence (the rest waits for the next chunk). */
export function completeUtf8Length(b: Buffer): number {
  const len = b.length;
  for (let i = len - 1; i >= 0 && i >= len - 4; i--) {
    const c = b[i];
    if ((c & 0xc0) === 0x80) continue; // continuation byte
    const need = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return i + need > len ? i : len;
  }
  return len;
}

export interface DecodeInfo {
  encoding: TextEncodingName;
  /** How the encoding was chosen: a BOM, the caller (`?encoding=`), the content type's charset, or the content. */
  encodingSource?: 'bom' | 'forced' | 'declared' | 'detected';
  warnings: string[];
}

/** The caller's choice (`?encoding=`, a `charset=` parameter): a name iconv-lite knows, normalised. */
export function encodingName(name: string, field: string): TextEncodingName {
  const n = name
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  const alias: Record<string, string> = {
    utf8: 'utf-8',
    'utf-8': 'utf-8',
    'us-ascii': 'utf-8',
    ascii: 'utf-8',
    gbk: 'gb18030', // GB18030 is a superset of GBK and GB2312: the same bytes decode the same
    gb2312: 'gb18030',
    'x-gbk': 'gb18030',
    cp936: 'gb18030',
    gb18030: 'gb18030',
    big5: 'big5',
    'big5-hkscs': 'big5hkscs',
    'iso-8859-1': 'windows-1252',
    latin1: 'windows-1252',
    'latin-1': 'windows-1252',
    cp1252: 'windows-1252',
    'windows-1252': 'windows-1252',
    utf16: 'utf-16le',
    'utf-16': 'utf-16le',
    'utf-16le': 'utf-16le',
    'utf-16be': 'utf-16be',
  };
  const resolved = alias[n] ?? n;
  if (!/^[a-z0-9_.:-]{1,40}$/.test(resolved) || !iconv.encodingExists(resolved))
    throw invalid(
      [
        {
          field,
          reason: `unknown character encoding "${name.slice(0, 40)}"; use e.g. utf-8, gbk, big5, utf-16le, windows-1252`,
        },
      ],
      `unknown character encoding "${name.slice(0, 40)}"`,
    );
  return resolved;
}

/*
 * The most frequent characters of Chinese personal names, places and everyday words, in simplified and traditional
 * forms. Legacy Chinese text decoded with the wrong table (GBK read as Big5 or the reverse) is made of valid but rare
 * characters; the right table gives mostly these.
 */
const COMMON_HAN =
  '的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组造落视济喜离虽坏兴陈刘杨赵吴孙徐朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文明华英玉秀兰芳丽敏静伟强军平国建东海峰勇杰涛斌超波辉刚健俊磊洋鹏宇浩凯志红梅霞燕娟艳萍琳婷雪慧颖欣怡晨阳佳丹晶春秋冬北京上海广州深圳天津重庆成都杭州南武汉西安苏州长沙沈阳青岛郑大连东莞宁波厦门福州无锡合肥昆明哈尔滨济南佛山长春温州石家庄南宁常州泉州南昌贵阳太原烟台嘉兴南通金华珠海惠州徐州海口乌鲁木齐绍兰中山台市区县路街号楼室省镇村电话手机号码姓名客户联系地址邮箱备注时区性别年龄公司部门' +
  '們為個來國說時會對過後麼從動兩長現種經頭聲裡見開門問間給幾業電關並內華報馬張難數員體總場師書聽氣體處應讓認論義決傳遠資隊帶條變聯權領親務類藝畫單據導網專視觀陳劉楊趙孫鄭謝韓馮鄧蕭董潘蔣葉魏蘇呂鍾譚陸盧嚴龔賈閆賴龍黎陶賀顧鄒熊孟侯薛湯喬萬覃戴東陽輝剛傑濤鵬雲廣慶漢蘭鳳麗艷婷穎偉強軍臺灣縣鄉號樓電話手機號碼姓名客戶聯繫地址郵箱備註時區';
const HAN_SET = new Set(COMMON_HAN);

interface Guess {
  encoding: TextEncodingName;
  score: number;
}

/** Share of decoded Han characters that are common ones, and the number of replacement characters. */
function hanScore(text: string): { han: number; common: number; bad: number } {
  let han = 0;
  let common = 0;
  let bad = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c === 0xfffd) bad++;
    else if (c >= 0x3400 && c <= 0x9fff) {
      han++;
      if (HAN_SET.has(ch)) common++;
    }
  }
  return { han, common, bad };
}

/**
 * Chooses a legacy encoding for bytes that are not UTF-8: GB18030 (GBK), Big5 or Windows-1252 (Latin-1). Latin text
 * has its high bytes alone between ASCII letters; Chinese has them in pairs, and the right table turns the pairs into
 * common characters. Returns undefined when no choice is clearly better (then the import is refused).
 */
export function guessLegacyEncoding(sample: Buffer): TextEncodingName | undefined {
  let high = 0;
  let paired = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] < 0x80) continue;
    high++;
    if ((i > 0 && sample[i - 1] >= 0x80) || (i + 1 < sample.length && sample[i + 1] >= 0x80)) paired++;
  }
  if (!high) return 'utf-8';
  const pairRatio = paired / high;
  const guesses: Guess[] = [];
  for (const enc of ['gb18030', 'big5'] as const) {
    const s = hanScore(iconv.decode(sample, enc));
    if (s.bad > Math.max(1, s.han * 0.02) || !s.han) continue;
    guesses.push({ encoding: enc, score: s.common / s.han });
  }
  guesses.sort((a, b) => b.score - a.score);
  const best = guesses[0];
  if (pairRatio < 0.5) {
    // Mostly lone high bytes: accented Latin letters (Windows-1252 is a superset of ISO-8859-1 for printable text).
    return pairRatio < 0.2 || !best || best.score < 0.3 ? 'windows-1252' : undefined;
  }
  if (!best) return undefined;
  const second = guesses[1];
  if (best.score >= 0.3 && (!second || best.score - second.score >= 0.15)) return best.encoding;
  return undefined;
}

/** Share of the high bytes that form well-formed UTF-8 sequences (high in a file that mixes UTF-8 with GBK). */
export function utf8Share(b: Buffer): number {
  let high = 0;
  let utf8 = 0;
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c < 0x80) continue;
    const need = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    let ok = need > 0 && i + need < b.length;
    for (let k = 1; ok && k <= need; k++) ok = (b[i + k] & 0xc0) === 0x80;
    if (ok) {
      high += need + 1;
      utf8 += need + 1;
      i += need;
    } else high++;
  }
  return high ? utf8 / high : 0;
}

const unsure = (offset: number): AppError =>
  new AppError(
    'validation-failed',
    `could not tell the file's character encoding (from byte ${offset}: not UTF-8, and neither GBK/GB18030, Big5 nor ` +
      `Latin-1 fits clearly); nothing was imported. Save it as UTF-8, or say which it is with ?encoding=gbk|big5|` +
      `windows-1252|utf-16le or a charset in the content type`,
    [{ field: 'encoding', reason: `not UTF-8 and no legacy encoding fits clearly (from byte ${offset})` }],
  );

const SAMPLE = 64 * 1024;

/**
 * Turns the bytes of a text upload into text. The encoding is the caller's (`forced`, from `?encoding=`), else a BOM,
 * else the content type's charset (`declared`, UTF-8 there is only a hint), else detected from the content: UTF-8,
 * GB18030/GBK, Big5 or Windows-1252 (Latin-1). A file that is ASCII at first and turns out not to be UTF-8 later is
 * switched losslessly (ASCII reads the same in each); a file that mixes encodings, or one we cannot tell, is refused
 * (validation-failed, field `encoding`) rather than stored garbled.
 */
export async function* decodeText(
  chunks: AsyncIterable<Buffer>,
  sniffed: Extract<Sniffed, { kind: 'text' }>,
  info: DecodeInfo,
  choice: { forced?: TextEncodingName; declared?: TextEncodingName } = {},
): AsyncGenerator<string> {
  let skip = sniffed.bomLength;
  const dropBom = (b: Buffer): Buffer => {
    if (!skip) return b;
    const n = Math.min(skip, b.length);
    skip -= n;
    return b.subarray(n);
  };
  let fixed: TextEncodingName | undefined;
  if (choice.forced) {
    fixed = choice.forced;
    info.encodingSource = 'forced';
    // A BOM of the forced encoding is still not text.
    if (sniffed.bomLength && sniffed.encoding !== fixed) skip = 0;
  } else if (sniffed.bomLength) {
    fixed = sniffed.encoding;
    info.encodingSource = 'bom';
  } else if (sniffed.encoding !== 'auto') {
    fixed = sniffed.encoding; // UTF-16 recognised without a BOM
    info.encodingSource = 'detected';
    info.warnings.push(`the file has no byte-order mark; it was read as ${sniffed.encoding} from its content`);
  } else if (choice.declared && choice.declared !== 'utf-8') {
    fixed = choice.declared;
    info.encodingSource = 'declared';
  }
  if (fixed && fixed !== 'utf-8') {
    info.encoding = fixed;
    const dec = iconv.getDecoder(fixed === 'utf-16le' ? 'utf16le' : fixed === 'utf-16be' ? 'utf16be' : fixed);
    for await (const chunk of chunks) {
      const s = dec.write(dropBom(chunk));
      if (s) yield s;
    }
    const rest = dec.end();
    if (rest) yield rest;
    return;
  }
  info.encoding = 'utf-8';
  info.encodingSource ??= 'detected';
  // UTF-8 until proven otherwise; `ascii` stays true while every byte so far was ASCII (then a switch is lossless).
  let carry: Buffer | undefined;
  let ascii = true;
  let offset = 0;
  let legacy: ReturnType<typeof iconv.getDecoder> | undefined;
  let pending: Buffer[] = [];
  let pendingSize = 0;
  const isAscii = (b: Buffer): boolean => {
    for (const x of b) if (x >= 0x80) return false;
    return true;
  };
  const decideFrom = function* (buf: Buffer, final: boolean): Generator<string> {
    // Not UTF-8: choose a legacy table from what we have (at least 64 kB or the rest of the file).
    if (!final && buf.length < SAMPLE) {
      pending.push(buf);
      pendingSize += buf.length;
      return;
    }
    const sample = buf.subarray(0, SAMPLE * 2);
    if (utf8Share(sample) > 0.3) throw unsure(offset); // UTF-8 and something else in one file
    const enc = guessLegacyEncoding(sample);
    if (!enc || enc === 'utf-8') throw unsure(offset);
    if (!ascii && !choice.forced) throw unsure(offset);
    info.encoding = enc;
    info.warnings.push(
      `the file is not UTF-8; it was read as ${enc === 'gb18030' ? 'GB18030 (GBK)' : enc === 'big5' ? 'Big5' : 'Windows-1252 (Latin-1)'} ` +
        `from its content${offset ? ` (ASCII up to byte ${offset})` : ''}. If names look wrong, send ?encoding=`,
    );
    legacy = iconv.getDecoder(enc);
    const s = legacy.write(buf);
    if (s) yield s;
  };
  for await (const raw of chunks) {
    let chunk = dropBom(raw);
    if (legacy) {
      const s = legacy.write(chunk);
      if (s) yield s;
      continue;
    }
    if (pending.length) {
      pending.push(chunk);
      pendingSize += chunk.length;
      if (pendingSize < SAMPLE) continue;
      const all = Buffer.concat(pending);
      pending = [];
      pendingSize = 0;
      yield* decideFrom(all, true);
      continue;
    }
    if (carry) {
      chunk = Buffer.concat([carry, chunk]);
      carry = undefined;
    }
    const cut = completeUtf8Length(chunk);
    const whole = chunk.subarray(0, cut);
    if (isUtf8(whole)) {
      if (cut < chunk.length) carry = Buffer.from(chunk.subarray(cut));
      if (ascii && !isAscii(whole)) ascii = false;
      offset += whole.length;
      yield whole.toString('utf8');
    } else {
      yield* decideFrom(chunk, false);
    }
  }
  if (pending.length) yield* decideFrom(Buffer.concat(pending), true);
  if (carry) {
    if (legacy) {
      const s = legacy.write(carry);
      if (s) yield s;
    } else yield* decideFrom(carry, true);
  }
  if (legacy) {
    const rest = legacy.end();
    if (rest) yield rest;
  }
}
