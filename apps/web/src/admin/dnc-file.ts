// An uploaded do-not-call file, read in the browser and sent as a list of numbers (POST /api/dnc/upload).

/** The numbers of an uploaded file: one per line, the first column of a CSV, a header line skipped. */
export function numbersOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) =>
      line
        .split(/[,;\t]/)[0]
        .trim()
        .replace(/^"|"$/g, ''),
    )
    .filter((v, i) => v !== '' && !(i === 0 && !/\d/.test(v)));
}
