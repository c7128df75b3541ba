// The first rows of a CSV file, read in the browser before the upload: a preview and the headers the column
// mapping is suggested from. The server reads the whole file again (its own encoding detection and parser).

/** Text of the first `bytes` of a file: UTF-8 (BOM or valid), UTF-16 by BOM, else GB18030 (Chinese Excel's CSV). */
export async function readHead(file: Blob, bytes = 64 * 1024): Promise<string> {
  const buf = new Uint8Array(await file.slice(0, bytes).arrayBuffer());
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return new TextDecoder('utf-8').decode(buf.subarray(3));
  try {
    // a multi-byte character cut at the end of the slice is not a reason to think it is not UTF-8
    return new TextDecoder('utf-8', { fatal: true }).decode(trimPartial(buf));
  } catch {
    return new TextDecoder('gb18030').decode(buf);
  }
}

function trimPartial(buf: Uint8Array): Uint8Array {
  let end = buf.length;
  for (let i = 1; i <= 3 && end - i >= 0; i++) {
    const b = buf[end - i];
    if ((b & 0xc0) === 0x80) continue; // continuation byte
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    if (need > i) end -= i;
    break;
  }
  return buf.subarray(0, end);
}

/** Splits CSV text into rows (quotes, doubled quotes, CRLF; `,` `;` or tab, whichever the first line has most). */
export function parseCsv(text: string, maxRows = 6): string[][] {
  const nl = text.search(/\r?\n/);
  const firstLine = nl < 0 ? text : text.slice(0, nl);
  const delims = [',', ';', '\t'];
  const delim = delims.reduce((a, b) => (firstLine.split(b).length > firstLine.split(a).length ? b : a), ',');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length && rows.length < maxRows; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === delim) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      cell = '';
      if (row.some((x) => x.trim() !== '')) rows.push(row);
      row = [];
    } else cell += c;
  }
  if (rows.length < maxRows && (cell !== '' || row.length)) {
    row.push(cell);
    if (row.some((x) => x.trim() !== '')) rows.push(row);
  }
  return rows;
}

export const isXlsx = (f: File): boolean =>
  /\.xlsx$/i.test(f.name) || f.type === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
