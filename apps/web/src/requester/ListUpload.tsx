import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReport, ImportSummary } from '@app/contacts';
import { suggestMapping, type ColumnMapping } from '@libs/contacts/src/column-words';
import { api, apiDownload, apiUpload, type ApiError } from '../api';
import { FieldError, FormError, describedBy } from '../components/FieldError';
import { useFormat } from '../format';
import { wordReason } from '../server-reasons';
import { isXlsx, parseCsv, readHead } from './csv-preview';
import { xlsxRows } from './xlsx-preview';

/** Spreadsheets above this are not opened in the browser (the server still reads them): preview after the import. */
const XLSX_PREVIEW_MAX_BYTES = 30 * 1024 * 1024;

const TARGETS = ['phone', 'name', 'firstName', 'lastName', 'externalId', 'timeZone'] as const;
type Target = (typeof TARGETS)[number];

const first = (m: ColumnMapping, t: Target): string =>
  (t === 'phone' ? (Array.isArray(m.phone) ? m.phone[0] : m.phone) : m[t]) ?? '';

/**
 * The target list: a CSV or XLSX file, its first rows shown before the upload (CSV; an XLSX after it), the column
 * mapping suggested from the headers (the importer's own words, Chinese ones too) and editable, then the import
 * report with the refused rows to download.
 */
export function ListUpload(p: {
  title: string;
  region: string;
  timeZone: string;
  listId: string | null;
  onImported: (listId: string) => void;
  briefError: ApiError | null;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const [file, setFile] = useState<File | null>(null);
  const [rows, setRows] = useState<string[][]>([]);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [preview, setPreview] = useState<{ name: string; phone: string }[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const headers = rows[0] ?? [];

  const choose = async (chosen: File | null) => {
    setFile(chosen);
    setSummary(null);
    setReport(null);
    setPreview(null);
    setError(null);
    setRows([]);
    setMapping({});
    if (!chosen) return;
    let parsed: string[][] = [];
    if (!isXlsx(chosen)) parsed = parseCsv(await readHead(chosen), 6);
    else if (chosen.size <= XLSX_PREVIEW_MAX_BYTES) parsed = await xlsxRows(chosen, 6).catch(() => []);
    setRows(parsed);
    setMapping(suggestMapping(parsed[0] ?? []));
  };

  const setTarget = (target: Target, header: string) => {
    const next: ColumnMapping = { ...mapping };
    if (target === 'phone') {
      const rest = (Array.isArray(mapping.phone) ? mapping.phone : mapping.phone ? [mapping.phone] : []).filter(
        (h) => h !== header,
      );
      next.phone = header ? [header, ...rest.slice(1)] : undefined;
    } else next[target] = header || undefined;
    setMapping(next);
  };

  const upload = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const list = await api<{ id: string }>('POST', '/contact-lists', {
        name: `${p.title.trim() || t('requester.list.untitled')} — ${file.name}`.slice(0, 200),
        region: p.region || undefined,
        defaultTimeZone: p.timeZone || undefined,
      });
      const body = new FormData();
      body.append('file', file, file.name);
      const clean = Object.fromEntries(Object.entries(mapping).filter(([, v]) => v !== undefined && v !== ''));
      if (headers.length && Object.keys(clean).length) body.append('mapping', JSON.stringify(clean));
      const s = await apiUpload<ImportSummary>(`/contact-lists/${list.id}/import`, body);
      setSummary(s);
      if (s.rejected > 0 || s.notes > 0)
        setReport(await api<ImportReport>('GET', `/contact-lists/${list.id}/imports/${s.importId}`));
      if (isXlsx(file) && headers.length === 0) {
        const page = await api<{
          items: { firstName: string | null; lastName: string | null; phones: { e164: string }[] }[];
        }>('GET', `/contact-lists/${list.id}/contacts?pageSize=5`);
        setPreview(
          page.items.map((c) => ({
            name: [c.firstName, c.lastName].filter(Boolean).join(' '),
            phone: c.phones[0]?.e164 ?? '',
          })),
        );
      }
      if (s.status === 'ready') p.onImported(list.id);
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset className="list-upload">
      <legend>{t('requester.form.list')}</legend>
      <label>
        {t('requester.list.file')}
        <input
          type="file"
          name="listFile"
          accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => void choose(e.target.files?.[0] ?? null)}
          {...describedBy('brief-list', p.briefError, 'contactListId')}
        />
      </label>
      <FieldError id="brief-list" error={p.briefError} field="contactListId" />
      {p.listId && !summary && <p className="muted small">{t('requester.list.current')}</p>}
      {file && isXlsx(file) && headers.length === 0 && !summary && (
        <p className="muted small">{t('requester.list.xlsxNote')}</p>
      )}
      {rows.length > 0 && (
        <>
          <div className="table-scroll">
            <table className="preview" data-testid="list-preview">
              <caption>{t('requester.list.preview', { n: rows.length - 1 })}</caption>
              <thead>
                <tr>
                  {headers.map((h, i) => (
                    <th key={i} scope="col">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.slice(1).map((r, i) => (
                  <tr key={i}>
                    {headers.map((_, j) => (
                      <td key={j}>{r[j] ?? ''}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="mapping" data-testid="mapping">
            {TARGETS.map((target) => (
              <label key={target}>
                {t(`requester.targets.${target}`)}
                <select
                  value={first(mapping, target)}
                  onChange={(e) => setTarget(target, e.target.value)}
                  data-target={target}
                  {...describedBy(`map-${target}`, error, target === 'phone' ? 'phone' : `mapping.${target}`)}
                >
                  <option value="">{t('requester.list.none')}</option>
                  {headers.map((h, i) => (
                    <option key={i} value={h}>
                      {h}
                    </option>
                  ))}
                </select>
                <FieldError
                  id={`map-${target}`}
                  error={error}
                  field={target === 'phone' ? 'phone' : `mapping.${target}`}
                />
                {target === 'phone' && <FieldError id="map-phone-m" error={error} field="mapping.phone" />}
              </label>
            ))}
          </div>
        </>
      )}
      {file && (
        <button type="button" onClick={() => void upload()} disabled={busy} data-testid="import-list">
          {t('requester.list.import')}
        </button>
      )}
      <FormError error={error} shownFields={['phone', ...TARGETS.map((x) => `mapping.${x}`)]} />
      {summary && (
        <div className="import-report" role="status" data-testid="import-report">
          <p>
            {t('requester.list.summary', {
              rows: f.number(summary.rows),
              accepted: f.number(summary.accepted),
              rejected: f.number(summary.rejected),
              duplicates: f.number(summary.duplicates),
              dnc: f.number(summary.dnc),
            })}
          </p>
          {preview && (
            <ul className="small">
              {preview.map((c, i) => (
                <li key={i}>
                  {c.name} {c.phone}
                </li>
              ))}
            </ul>
          )}
          {report && report.rejections.length > 0 && (
            <>
              <table className="rejections">
                <caption>{t('requester.list.rejections')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('requester.list.row')}</th>
                    <th scope="col">{t('requester.list.field')}</th>
                    <th scope="col">{t('requester.list.reason')}</th>
                    <th scope="col">{t('requester.list.value')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.rejections.slice(0, 10).map((r, i) => (
                    <tr key={i}>
                      <td>{f.number(r.rowNumber)}</td>
                      <td>
                        {r.field === 'row'
                          ? t('requester.list.row')
                          : r.field === 'phone'
                            ? t('requester.targets.phone')
                            : r.field}
                      </td>
                      <td>{wordReason(r.reason, t)}</td>
                      <td>{r.raw}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <button
                type="button"
                data-testid="download-rejections"
                onClick={() =>
                  void apiDownload(
                    `/contact-lists/${summary.listId}/imports/${summary.importId}?format=csv`,
                    'import-report.csv',
                  ).catch((e: unknown) => setError(e as ApiError))
                }
              >
                {t('requester.list.downloadRejected')}
              </button>
            </>
          )}
        </div>
      )}
    </fieldset>
  );
}
