import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  Detection,
  FamilyInfo,
  ImportFinishedEvent,
  ImportProgressEvent,
  ImportSummary,
} from '../../../../preload/contract/imports';
import { netwhy } from '../../api';
import { ImportList } from './ImportList';
import { ImportPreview, type ImportChoice } from './ImportPreview';
import { ImportProgressPanel } from './ImportProgressPanel';
import type { JobView } from './progress-view';
import { textToBase64, toBase64 } from './model';
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
  const { t } = useTranslation('imports');
  const [formats, setFormats] = useState<FamilyInfo[]>([]);
  const [imports, setImports] = useState<ImportSummary[] | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  // Every import started here, newest first: each keeps its own panel (Cancel, its bar, how it ended).
  const [jobs, setJobs] = useState<JobView[]>([]);
  const [opened, setOpened] = useState<ImportSummary | null>(null);
  const [paste, setPaste] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const chooseButton = useRef<HTMLButtonElement>(null);
  // Jobs this screen shows, and events of jobs whose id it does not know yet (the start reply and the first
  // events may cross).
  const known = useRef(new Set<number>());
  const early = useRef(new Map<number, { progress?: ImportProgressEvent; end?: ImportFinishedEvent }>());

  const refresh = useCallback(() => void netwhy.imports.list().then(setImports), []);

  useEffect(() => {
    void netwhy.imports.formats().then(setFormats);
    refresh();
    const offProgress = netwhy.on('imports.progress', (p) => {
      if (!known.current.has(p.jobId)) early.current.set(p.jobId, { ...early.current.get(p.jobId), progress: p });
      else setJobs((js) => js.map((j) => (j.jobId === p.jobId && !j.end ? { ...j, progress: p } : j)));
    });
    const offFinished = netwhy.on('imports.finished', (e) => {
      if (!known.current.has(e.jobId)) {
        early.current.set(e.jobId, { ...early.current.get(e.jobId), end: e });
        return;
      }
      setJobs((js) => js.map((j) => (j.jobId === e.jobId ? { ...j, end: e } : j)));
      refresh();
    });
    return () => {
      offProgress();
      offFinished();
    };
  }, [refresh]);

  const readFile = useCallback(async (file: File) => {
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
    known.current.add(reply.jobId);
    const before = early.current.get(reply.jobId);
    early.current.delete(reply.jobId);
    const view: JobView = { jobId: reply.jobId, name, progress: before?.progress ?? null, end: before?.end ?? null };
    // Imports still running keep their panels; those that ended make room for the new one.
    setJobs((js) => [view, ...js.filter((j) => !j.end)]);
    if (view.end) refresh();
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
        <button ref={chooseButton} className="button button-primary" onClick={() => fileInput.current?.click()}>
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
          onDiscard={() => {
            setPending(null);
            // Back where a log is chosen, rather than to <body>.
            chooseButton.current?.focus();
          }}
        />
      ) : null}

      {jobs.map((j) => (
        <ImportProgressPanel
          key={j.jobId}
          job={j}
          onCancel={() => void netwhy.imports.cancel({ jobId: j.jobId })}
          onDismiss={() => setJobs((js) => js.filter((x) => x.jobId !== j.jobId))}
        />
      ))}

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
