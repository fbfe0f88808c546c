import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Detection, FamilyInfo, ImportFinishedEvent, ImportSummary } from '../../../../preload/contract/imports';
import { netwhy } from '../../api';
import { ImportList } from './ImportList';
import { ImportPreview, type ImportChoice } from './ImportPreview';
import { ImportProgressPanel, type JobView } from './ImportProgressPanel';
import { textToBase64, toBase64 } from './model';
import { finishedNotice } from './notice';
import { SyslogPanel } from './SyslogPanel';
import { useWindowDrop } from './useWindowDrop';
import './imports.css';
import './import-flow.css';

/** A log waiting for the user's go: a path (Electron), a File without path (browser), or pasted text. */
interface Pending {
  detection: Detection;
  path: string | null;
  file: File | null;
  text: string | null;
}

const HEAD_BYTES = 256 * 1024;

export function ImportsScreen(): ReactNode {
  const { t, i18n } = useTranslation('imports');
  const [formats, setFormats] = useState<FamilyInfo[]>([]);
  const [imports, setImports] = useState<ImportSummary[] | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [job, setJob] = useState<JobView | null>(null);
  // Worded at render time, so it follows a change of language.
  const [ended, setEnded] = useState<{ event: ImportFinishedEvent; name: string } | null>(null);
  const notice = ended ? finishedNotice(t, i18n.language, ended.event, ended.name) : null;
  const [opened, setOpened] = useState<ImportSummary | null>(null);
  const [paste, setPaste] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  // Events of jobs whose id the screen does not know yet (the reply and the first events may cross).
  const early = useRef(new Map<number, ImportFinishedEvent>());
  const jobRef = useRef<JobView | null>(null);
  useEffect(() => {
    jobRef.current = job;
  }, [job]);

  const refresh = useCallback(() => void netwhy.imports.list().then(setImports), []);

  const finish = useCallback(
    (e: ImportFinishedEvent) => {
      const name = jobRef.current?.name ?? e.summary?.fileName ?? '';
      setJob((j) => (j && j.jobId === e.jobId ? { ...j, end: e } : j));
      setEnded({ event: e, name });
      refresh();
    },
    [refresh],
  );

  useEffect(() => {
    void netwhy.imports.formats().then(setFormats);
    refresh();
    const offProgress = netwhy.on('imports.progress', (p) =>
      setJob((j) => (j && j.jobId === p.jobId && !j.end ? { ...j, progress: p } : j)),
    );
    const offFinished = netwhy.on('imports.finished', (e) => {
      if (jobRef.current?.jobId === e.jobId) finish(e);
      else early.current.set(e.jobId, e);
    });
    return () => {
      offProgress();
      offFinished();
    };
  }, [refresh, finish]);

  const readFile = useCallback(async (file: File) => {
    setEnded(null);
    setOpened(null);
    const path = netwhy.pathForFile(file);
    if (path) {
      setPending({ detection: await netwhy.imports.detect({ path }), path, file: null, text: null });
      return;
    }
    let head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
    // A cut-off gzip stream cannot be read: detection gets the whole compressed file.
    if (head[0] === 0x1f && head[1] === 0x8b) head = new Uint8Array(await file.arrayBuffer());
    const detection = await netwhy.imports.detect({ name: file.name, dataBase64: toBase64(head) });
    setPending({ detection: { ...detection, size: file.size }, path: null, file, text: null });
  }, []);

  const dragging = useWindowDrop((file) => void readFile(file));

  const readPaste = async (): Promise<void> => {
    setEnded(null);
    const detection = await netwhy.imports.detect({ name: t('paste.name'), dataBase64: textToBase64(paste) });
    setPending({ detection, path: null, file: null, text: paste });
  };

  const start = async (choice: ImportChoice): Promise<void> => {
    if (!pending) return;
    const name = pending.detection.name;
    let reply: { jobId: number };
    if (pending.path) reply = await netwhy.imports.start({ path: pending.path, ...choice });
    else if (pending.file) {
      const bytes = new Uint8Array(await pending.file.arrayBuffer());
      reply = await netwhy.imports.startBytes({ name, dataBase64: toBase64(bytes), source: 'file', ...choice });
    } else {
      const dataBase64 = textToBase64(pending.text ?? '');
      reply = await netwhy.imports.startBytes({ name, dataBase64, source: 'paste', ...choice });
      setPaste('');
    }
    setPending(null);
    const view: JobView = { jobId: reply.jobId, name, progress: null, end: null };
    jobRef.current = view;
    setJob(view);
    const ended = early.current.get(reply.jobId);
    if (ended) {
      early.current.delete(reply.jobId);
      finish(ended);
    }
  };

  const remove = async (i: ImportSummary): Promise<void> => {
    await netwhy.imports.remove({ importId: i.id });
    if (opened?.id === i.id) setOpened(null);
    refresh();
  };

  return (
    <section className="screen-body imports" aria-labelledby="imports-title" data-testid="imports-screen">
      {dragging ? (
        <div className="imports-overlay" data-testid="imports-drop-overlay">
          {t('drop.overlay')}
        </div>
      ) : null}
      <header className="screen-header">
        <div>
          <h1 id="imports-title">{t('title')}</h1>
          <p className="subtle">{t('subtitle')}</p>
        </div>
      </header>

      <div className="imports-drop" data-testid="imports-dropzone">
        <strong>{t('drop.title')}</strong>
        <span className="subtle">{t('drop.or')}</span>
        <button className="button button-primary" onClick={() => fileInput.current?.click()}>
          {t('drop.choose')}
        </button>
        <input
          ref={fileInput}
          type="file"
          hidden
          data-testid="imports-file-input"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void readFile(f);
          }}
        />
        <p className="subtle imports-hint">{t('drop.hint')}</p>
      </div>

      <details className="imports-paste">
        <summary>{t('paste.label')}</summary>
        <textarea
          className="mono"
          rows={6}
          value={paste}
          placeholder={t('paste.placeholder')}
          onChange={(e) => setPaste(e.target.value)}
          data-testid="imports-paste"
        />
        <button className="button" disabled={paste.trim() === ''} onClick={() => void readPaste()}>
          {t('paste.button')}
        </button>
      </details>

      {pending ? (
        <ImportPreview
          key={`${pending.detection.name}-${pending.detection.size}`}
          detection={pending.detection}
          formats={formats}
          onStart={start}
          onDiscard={() => setPending(null)}
        />
      ) : null}

      {job ? <ImportProgressPanel job={job} onCancel={() => void netwhy.imports.cancel({ jobId: job.jobId })} /> : null}
      {notice ? (
        <p className={`banner banner-${notice.kind}`} role="status" data-testid="import-notice">
          {notice.text}
        </p>
      ) : null}

      <h2>{t('list.title')}</h2>
      {imports ? (
        <ImportList
          imports={imports}
          opened={opened}
          onOpen={setOpened}
          onClose={() => setOpened(null)}
          onRemove={(i) => void remove(i)}
        />
      ) : null}

      <SyslogPanel onSession={refresh} />
    </section>
  );
}
