import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Parses a PDF with Mozilla's pdf.js and returns each page's text (items joined by spaces) and the page count. */
export async function pdfText(pdf: Buffer): Promise<{ pages: string[]; fonts: string[] }> {
  const doc = await getDocument({
    data: new Uint8Array(pdf),
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  const pages: string[] = [];
  const fonts = new Set<string>();
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const tc = await page.getTextContent();
    pages.push(
      tc.items
        .map((it) => ('str' in it ? it.str : ''))
        .filter(Boolean)
        .join(' '),
    );
    for (const s of Object.values(tc.styles)) fonts.add(s.fontFamily);
  }
  await doc.destroy();
  return { pages, fonts: [...fonts] };
}
