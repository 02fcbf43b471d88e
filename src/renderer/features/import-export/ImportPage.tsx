import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api';
import type { PageProps } from '../../lib/useRoute';
import type { ColumnMapping, Inspection } from '../../../shared/api/schemas/csv';
import { ExportPanel } from './ExportPanel';
import { type ChosenFile, nativeFiles, registerFile } from './files';
import { ImportProgress } from './ImportProgress';
import { ImportSummaryView } from './ImportSummaryView';
import { MappingWizard } from './MappingWizard';
import { ProjectMapping } from './ProjectMapping';
import { RecognisedFile } from './RecognisedFile';
import { ImportsHistory } from './ImportsHistory';
import { installGlobalImportHandlers, takePending, usePending } from './pendingImport';
import { useImportJob } from './useImportJob';
import './import-export.css';

installGlobalImportHandlers();

type Start = {
  mapping?: ColumnMapping;
  source?: string;
  skipInvalid?: boolean;
  dryRun?: boolean;
  sameAs?: { ref: string; id: number }[];
};
type Step =
  | { kind: 'choose' }
  | { kind: 'reading'; name: string }
  | { kind: 'ready'; file: ChosenFile; inspection: Inspection; wizard: boolean; projects: boolean }
  | { kind: 'running'; file: ChosenFile; inspection: Inspection; jobId: string; start: Start };

export function ImportPage({ route }: PageProps) {
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [error, setError] = useState<string | null>(null);
  const [source, setSource] = useState('');
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const pending = usePending();
  const jobId = step.kind === 'running' ? step.jobId : null;
  const { job, error: jobError } = useImportJob(jobId);

  const inspect = useCallback(async (chosen: ChosenFile) => {
    const inspection = await api.csv.inspect({ fileId: chosen.fileId });
    // A time tracker's file with a project not mapped yet: the project mapping first (docs/domain.md §6).
    const projects = Boolean(inspection.projects?.some((p) => p.mapping === null));
    setStep({ kind: 'ready', file: chosen, inspection, wizard: inspection.format === null, projects });
  }, []);

  const begin = useCallback(
    async (file: File | ChosenFile) => {
      setError(null);
      setStep({ kind: 'reading', name: file.name });
      try {
        await inspect(file instanceof File ? await registerFile(file) : file);
      } catch (e) {
        setError((e as Error).message);
        setStep({ kind: 'choose' });
      }
    },
    [inspect],
  );

  useEffect(() => {
    if (!pending) return;
    const file = takePending();
    if (file) void begin(file);
  }, [pending, begin]);

  useEffect(() => {
    if (route.query.get('tab') === 'export') document.getElementById('export')?.scrollIntoView();
  }, [route.query]);

  const run = async (file: ChosenFile, inspection: Inspection, start: Start) => {
    setError(null);
    try {
      const { jobId: id } = await api.csv.startImport({
        fileId: file.fileId,
        ...start,
        mapping: start.mapping,
        source: start.source || undefined,
      });
      setStep({ kind: 'running', file, inspection, jobId: id, start });
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const chooseNative = async () => {
    const chosen = await nativeFiles?.openCsv();
    if (chosen) void begin(chosen);
  };

  const again = () => {
    setStep({ kind: 'choose' });
    setError(null);
  };

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Import</h1>
          <p className="page-summary">
            LeadLedger CSVs, Upwork, PayPal, Stripe and Wise exports, and Toggl, Clockify and Harvest time are
            recognised; any other CSV is mapped column by column.
          </p>
        </div>
      </header>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {(step.kind === 'choose' || step.kind === 'reading') && (
        <section
          className={`import-drop${over ? ' import-drop-over' : ''}`}
          aria-label="Choose a CSV file"
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={() => setOver(false)}
        >
          {step.kind === 'reading' ? (
            <p aria-live="polite">Reading {step.name}…</p>
          ) : (
            <>
              <p>Drop a CSV file here, or</p>
              <input
                ref={input}
                type="file"
                accept=".csv,.txt,text/csv"
                aria-label="CSV file"
                hidden={Boolean(nativeFiles)}
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  e.target.value = '';
                  if (file) void begin(file);
                }}
              />
              {nativeFiles && (
                <button type="button" className="primary" onClick={chooseNative}>
                  Choose a CSV file…
                </button>
              )}
            </>
          )}
        </section>
      )}
      {step.kind === 'choose' && <ImportsHistory />}
      {step.kind === 'ready' && step.inspection.problem && (
        <p className="form-error" role="alert" data-testid="import-problem">
          {step.file.name}: {step.inspection.problem}
        </p>
      )}
      {step.kind === 'ready' && !step.wizard && step.projects && step.inspection.projects && (
        <ProjectMapping
          fileName={step.file.name}
          trackerLabel={step.inspection.layout?.label ?? 'time tracker export'}
          projects={step.inspection.projects}
          onSaved={() => void inspect(step.file).catch((e: Error) => setError(e.message))}
          {...(step.inspection.projects.every((p) => p.mapping !== null)
            ? { onCancel: () => setStep({ ...step, projects: false }), cancelLabel: 'Back' }
            : { onCancel: again })}
        />
      )}
      {step.kind === 'ready' && !step.wizard && !step.projects && step.inspection.projects && (
        <p className="import-projects-note">
          Time goes to the channels saved for its{' '}
          {step.inspection.projects.length === 1 ? 'project' : `${step.inspection.projects.length} projects`}.{' '}
          <button type="button" className="link-button" onClick={() => setStep({ ...step, projects: true })}>
            Change the project mapping
          </button>
        </p>
      )}
      {step.kind === 'ready' && !step.wizard && !step.projects && (
        <RecognisedFile
          fileName={step.file.name}
          inspection={step.inspection}
          source={source}
          onSource={setSource}
          skipInvalid={skipInvalid}
          onSkipInvalid={setSkipInvalid}
          onImport={() => run(step.file, step.inspection, { source, skipInvalid })}
          onCheck={() => run(step.file, step.inspection, { source, skipInvalid, dryRun: true })}
          onWizard={() => setStep({ ...step, wizard: true })}
          onAnother={again}
        />
      )}
      {step.kind === 'ready' && step.wizard && (
        <MappingWizard
          fileId={step.file.fileId}
          inspection={step.inspection}
          busy={false}
          onImport={(mapping, o) => run(step.file, step.inspection, { mapping, skipInvalid: o.skipInvalid })}
        />
      )}
      {step.kind === 'running' && (!job || job.state === 'running') && (
        <ImportProgress job={job} fileName={step.file.name} />
      )}
      {step.kind === 'running' && job?.state === 'done' && job.summary && (
        <ImportSummaryView
          summary={job.summary}
          onSkipInvalid={() => run(step.file, step.inspection, { ...step.start, skipInvalid: true, dryRun: false })}
          onApply={(sameAs) => run(step.file, step.inspection, { ...step.start, dryRun: false, sameAs })}
          onDecided={() => run(step.file, step.inspection, step.start)}
          onAnother={again}
        />
      )}
      {step.kind === 'running' && (job?.state === 'failed' || job?.state === 'cancelled' || jobError) && (
        <section className="panel" aria-label="Import stopped">
          <h2>{job?.state === 'cancelled' ? 'Import cancelled' : 'The import failed'}</h2>
          <p role="alert">{job?.state === 'cancelled' ? 'Nothing was imported.' : (job?.error ?? jobError)}</p>
          <button type="button" onClick={again}>
            Choose another file
          </button>
        </section>
      )}
      <ExportPanel />
    </div>
  );
}
