import { constants, crc32, deflateRawSync } from 'node:zlib';

/*
 * Hostile upload files, generated (nothing binary is committed): XLSX zip bombs, workbooks with several sheets,
 * huge cells. Shared by the hostile-file tests and the import benchmark.
 */

interface ZipPart {
  name: string;
  /** Raw deflate data (or the stored bytes when `stored`). */
  data: Buffer;
  /** Uncompressed size to declare in the headers. */
  size: number;
  crc: number;
  stored?: boolean;
}

const part = (name: string, text: string | Buffer): ZipPart => {
  const raw = typeof text === 'string' ? Buffer.from(text) : text;
  return { name, data: deflateRawSync(raw), size: raw.length, crc: crc32(raw) };
};

/** A zip archive of the parts, local headers and central directory agreeing (sizes as declared by each part). */
export function zip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(0x0800, 6); // UTF-8 names
    lh.writeUInt16LE(p.stored ? 0 : 8, 8);
    lh.writeUInt32LE(p.crc >>> 0, 14);
    lh.writeUInt32LE(p.data.length, 18);
    lh.writeUInt32LE(p.size >>> 0, 22);
    lh.writeUInt16LE(name.length, 26);
    locals.push(lh, name, p.data);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(0x0800, 8);
    ch.writeUInt16LE(p.stored ? 0 : 8, 10);
    ch.writeUInt32LE(p.crc >>> 0, 16);
    ch.writeUInt32LE(p.data.length, 20);
    ch.writeUInt32LE(p.size >>> 0, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    central.push(ch, name);
    offset += 30 + name.length + p.data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A worksheet of inline-string cells (no shared strings needed). */
const sheetXml = (rows: string[][]): string =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
  rows
    .map(
      (r, i) =>
        `<row r="${i + 1}">` +
        r
          .map((v, j) => `<c r="${String.fromCharCode(65 + j)}${i + 1}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`)
          .join('') +
        '</row>',
    )
    .join('') +
  '</sheetData></worksheet>';

function workbookParts(sheets: { name: string; xml: string }[], extra: ZipPart[] = []): ZipPart[] {
  const types =
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    sheets
      .map(
        (_, i) =>
          `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join('') +
    '</Types>';
  const rels =
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
  const wb =
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
    sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
    '</sheets></workbook>';
  const wbRels =
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    sheets
      .map(
        (_, i) =>
          `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
      )
      .join('') +
    '</Relationships>';
  return [
    part('[Content_Types].xml', types),
    part('_rels/.rels', rels),
    part('xl/workbook.xml', wb),
    part('xl/_rels/workbook.xml.rels', wbRels),
    ...extra,
    ...sheets.map((s, i) => part(`xl/worksheets/sheet${i + 1}.xml`, s.xml)),
  ];
}

/** A plain workbook of inline-string sheets. */
export const xlsxOf = (sheets: { name: string; rows: string[][] }[]): Buffer =>
  zip(
    workbookParts(
      sheets.map((s) => ({ name: s.name, xml: sheetXml(s.rows) })),
      // Excel always writes a shared-strings part (exceljs's streaming reader expects one to read every sheet).
      [
        part(
          'xl/sharedStrings.xml',
          '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"></sst>',
        ),
      ],
    ),
  );

/** A workbook of one sheet whose XML is given as is (e.g. broken). */
export const xlsxWithSheetXml = (xml: string): Buffer => zip(workbookParts([{ name: 'Broken', xml }]));

/**
 * An XLSX whose shared-strings part inflates to `unpackedMb` MB from a few MB: one megabyte of `<si>` entries
 * deflated once with a full flush (so it stands alone), repeated. `lie`: the headers declare a tiny size, so only
 * counting the inflated bytes can stop it.
 */
export function xlsxBomb(unpackedMb: number, o: { lie?: boolean; cellBytes?: number } = {}): Buffer {
  const si = `<si><t>${'A'.repeat(o.cellBytes ?? 40)}</t></si>`;
  const mb = Buffer.from(
    si.repeat(Math.ceil((1024 * 1024) / si.length)).slice(0, 1024 * 1024 - ((1024 * 1024) % si.length)),
  );
  const head = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
  );
  const tail = Buffer.from('</sst>');
  const flush = { finishFlush: constants.Z_FULL_FLUSH };
  const blocks: Buffer[] = [deflateRawSync(head, flush)];
  const body = deflateRawSync(mb, flush);
  for (let i = 0; i < unpackedMb; i++) blocks.push(body);
  blocks.push(deflateRawSync(tail));
  const size = head.length + mb.length * unpackedMb + tail.length;
  const ss: ZipPart = {
    name: 'xl/sharedStrings.xml',
    data: Buffer.concat(blocks),
    size: o.lie ? 1000 : Math.min(size, 0xfffffffe),
    crc: 0,
  };
  const sheet =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
    '<row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>';
  return zip(workbookParts([{ name: 'Sheet1', xml: sheet }], [ss]));
}
