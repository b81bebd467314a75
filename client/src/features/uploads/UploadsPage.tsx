import { useRef, useState, type DragEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { uploadKindSchema, type UploadKind } from '@scoreboard/shared';
import { ApiError, postFormWithProgress } from '../../api/client';
import { policyKeys } from '../../api/keys';
import { useCan } from '../../auth/session';
import { useI18n } from '../../i18n/I18nProvider';
import { PolicyBadges, usePolicy } from '../../layout/policy';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { BatchHistory } from './BatchHistory';
import { ChangesTable, ErrorsTable } from './UploadTables';
import { interpretUploadResponse, progressPercent, type UploadOutcome } from './uploadResponse';
import { langOfData } from '../../ui/Interpolate';
import { MarkedText } from '../../ui/Interpolate';

const KINDS = uploadKindSchema.options;
type Phase = 'idle' | 'uploading' | 'checking';

export default function UploadsPage() {
  const { t, lang } = useI18n();
  const { policyId, title, summary } = usePolicy();
  const canUpload = useCan('statistician');
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<UploadKind>('unit-actuals');
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [percent, setPercent] = useState(0);
  const [outcome, setOutcome] = useState<UploadOutcome | null>(null);
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  async function send(chosen: File, dryRun: boolean) {
    setPhase('uploading');
    setPercent(0);
    setOutcome(null);
    const form = new FormData();
    // Fields before the file: the server reads multipart parts in order.
    form.append('kind', kind);
    form.append('policyId', policyId);
    form.append('file', chosen, chosen.name);
    try {
      const { status, body } = await postFormWithProgress(`/api/uploads?dryRun=${dryRun}`, form, (p) => {
        const pct = progressPercent(p.loaded, p.total);
        setPercent(pct);
        if (pct >= 100) setPhase('checking');
      });
      setOutcome(interpretUploadResponse(status, body, t('uploads.tooLarge')));
      if (!dryRun) void queryClient.invalidateQueries({ queryKey: policyKeys.all(policyId) });
    } catch (e) {
      setOutcome({ kind: 'failed', error: e instanceof ApiError ? e : new ApiError(0, 'network_error', String(e)) });
    } finally {
      setPhase('idle');
    }
  }

  function choose(chosen: File | null | undefined) {
    if (!chosen) return;
    setFile(chosen);
    void send(chosen, true);
  }
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    choose(e.dataTransfer.files[0]);
  };

  const result = outcome?.kind === 'result' ? outcome.result : null;
  return (
    <section aria-labelledby="uploads-title">
      <h1 id="uploads-title">{t('uploads.title')}</h1>
      {!canUpload && <p className="notice">{t('uploads.readOnly')}</p>}
      {canUpload && (
        <div className="card">
          {/* Which period the figures go into: a Q4 file committed while Q3 is shown would land in Q3. */}
          <p className="upload-target" data-testid="upload-target">
            {t('uploads.target', { period: lang === 'en' ? summary.periodLabelEn : summary.periodLabel, title })}
            <PolicyBadges summary={summary} />
          </p>
          {(summary.final || summary.expired) && (
            <p className="notice" role="note">{t(summary.final ? 'uploads.targetFinal' : 'uploads.targetExpired')}</p>
          )}
          <div className="toolbar">
            <div className="field">
              <label htmlFor="upload-kind">{t('uploads.kind')}</label>
              <select id="upload-kind" value={kind} onChange={(e) => { setKind(uploadKindSchema.parse(e.target.value)); setOutcome(null); setFile(null); }}>
                {KINDS.map((k) => <option key={k} value={k}>{t(`kind.${k}`)}</option>)}
              </select>
            </div>
            <a className="button" href={`/api/templates/${kind}.xlsx?policyId=${encodeURIComponent(policyId)}`} download>{t('common.withUnit', { name: t('uploads.template'), unit: t(`kind.${kind}`) })}</a>
          </div>
          <div
            className={dragging ? 'dropzone dropzone-active' : 'dropzone'}
            onDragOver={(e) => { e.preventDefault(); setDragging(true); }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
            data-testid="dropzone"
          >
            <span>{t('uploads.drop')} </span>
            <label className="button button-primary" htmlFor="upload-file">{t('uploads.choose')}</label>
            <input
              ref={inputRef}
              id="upload-file"
              className="visually-hidden-input"
              type="file"
              aria-label={t('uploads.file')}
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              onChange={(e) => { choose(e.target.files?.[0]); e.target.value = ''; }}
            />
            {file && <span className="file-name" lang={langOfData(file.name)}>{file.name}</span>}
          </div>
          {phase !== 'idle' && (
            <div className="progress" role="status">
              <label htmlFor="upload-progress">{phase === 'checking' ? t('uploads.reading') : t('uploads.progress')}</label>
              <progress id="upload-progress" max={100} value={percent}>{percent}%</progress>
              <span>{percent}%</span>
            </div>
          )}
          {outcome?.kind === 'failed' && <ErrorNotice error={outcome.error} />}
          {outcome?.kind === 'invalid' && (
            <div role="alert" className="upload-errors">
              <p className="notice notice-error"><MarkedText text={outcome.message} /></p>
              <ErrorsTable errors={outcome.errors} caption={t('uploads.errors', { count: outcome.errors.length })} testId="upload-errors" />
            </div>
          )}
          {result && (
            <div className="upload-result" data-testid="upload-result">
              <p className={result.dryRun ? 'notice' : 'notice notice-ok'} role="status">
                {t('uploads.summary', { rows: result.rowsRead, ...result.summary })}
                {result.duplicate && <> {t('uploads.duplicate')}</>}
                {!result.dryRun && result.batch && <> {t('uploads.committed', { batchId: result.batch.batchId })}</>}
              </p>
              {result.warnings.length > 0 && <ErrorsTable errors={result.warnings} caption={t('uploads.warnings')} testId="upload-warnings" />}
              {result.changes.length > 0 && <ChangesTable changes={result.changes} />}
              {result.dryRun && !result.duplicate && file && (
                <button type="button" className="button button-primary" disabled={phase !== 'idle'} onClick={() => void send(file, false)}>
                  {t('uploads.commit')}
                </button>
              )}
            </div>
          )}
        </div>
      )}
      {canUpload && <BatchHistory policyId={policyId} />}
    </section>
  );
}
