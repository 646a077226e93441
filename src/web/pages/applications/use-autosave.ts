// Autosave of the application form: changes are kept as a pending patch (also in localStorage, so a reload or a crash
// loses nothing), sent a moment after typing stops with the version they were based on; a stale version is a
// conflict the user resolves by loading the latest version with their own changes on top.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApplicationPatch, ApplicationResponse, CustomIndicatorInput, IndicatorValue, ResponsiblePerson } from '../../../shared/schemas/applications.js';
import { ApiError } from '../../api/client.js';
import { getApplication, saveApplication } from '../../api/applications.js';

export interface Pending {
  title?: string;
  responsibleUnit?: string;
  responsiblePerson?: ResponsiblePerson;
  recommenderId?: string | null;
  sections?: Record<string, string>;
  indicators?: Record<string, { current?: IndicatorValue; target?: IndicatorValue; note?: string }>;
  customIndicators?: CustomIndicatorInput[];
}

export type SaveState = 'saved' | 'dirty' | 'saving' | 'conflict' | 'invalid' | 'offline';

const DELAY_MS = 1200;
const storageKey = (id: string) => `jiebang.application.${id}`;

function toPatch(pending: Pending, version: number): { patch: ApplicationPatch; indicatorIds: string[] } {
  const { indicators, ...rest } = pending;
  const indicatorIds = Object.keys(indicators ?? {});
  const patch: ApplicationPatch = { version, ...rest };
  if (indicators) patch.indicators = indicatorIds.map((indicatorId) => ({ indicatorId, ...indicators[indicatorId] }));
  return { patch, indicatorIds };
}

/** The server's application with the pending changes laid over it: what the form shows. */
export function overlay(app: ApplicationResponse, pending: Pending): ApplicationResponse {
  return {
    ...app,
    ...(pending.title !== undefined ? { title: pending.title } : {}),
    ...(pending.responsibleUnit !== undefined ? { responsibleUnit: pending.responsibleUnit } : {}),
    ...(pending.responsiblePerson ? { responsiblePerson: pending.responsiblePerson } : {}),
    ...(pending.recommenderId !== undefined ? { recommenderId: pending.recommenderId } : {}),
    sections: { ...app.sections, ...pending.sections },
    indicators: app.indicators.map((i) => ({ ...i, ...pending.indicators?.[i.indicatorId] })),
    customIndicators: (pending.customIndicators?.map((c) => ({ id: c.id ?? '', ...c, unit: c.unit ?? '', better: c.better ?? null, current: c.current ?? null, target: c.target ?? null })) ??
      app.customIndicators) as ApplicationResponse['customIndicators'],
  };
}

/** Unsaved changes kept in the browser, with the version they were typed on. */
function readStored(id: string): { base: number; pending: Pending } | null {
  try {
    const stored = JSON.parse(localStorage.getItem(storageKey(id)) ?? 'null') as { base: number; pending: Pending } | null;
    return stored && typeof stored.base === 'number' && stored.pending ? stored : null;
  } catch {
    return null;
  }
}

/** One form's autosave; mount it once per application (key the component by the application's id). */
export function useAutosave(app: ApplicationResponse) {
  // The application as last read or saved; the form shows it with the pending changes laid over it.
  const [base, setBase] = useState<ApplicationResponse>(app);
  // What was typed but not saved before a reload or a crash comes back, and is saved again.
  // Saved elsewhere since then, they are a conflict the user resolves like any other.
  const [stored] = useState(() => readStored(app.id));
  const [pending, setPending] = useState<Pending>(stored?.pending ?? {});
  const [state, setState] = useState<SaveState>(() => {
    if (!stored || Object.keys(stored.pending).length === 0) return 'saved';
    return stored.base === app.version ? 'dirty' : 'conflict';
  });
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const version = useRef<number>(app.version);
  const generation = useRef(0);
  const pendingRef = useRef<Pending>(pending);
  const inFlight = useRef<Promise<void> | null>(null);

  const change = useCallback(
    (update: (p: Pending) => Pending) => {
      const next = update(pendingRef.current);
      pendingRef.current = next;
      generation.current += 1;
      setPending(next);
      localStorage.setItem(storageKey(app.id), JSON.stringify({ base: version.current, pending: next }));
      setState((s) => (s === 'conflict' ? s : 'dirty'));
    },
    [app],
  );

  const flush = useCallback(async (): Promise<boolean> => {
    if (inFlight.current) await inFlight.current;
    const snapshot = pendingRef.current;
    if (Object.keys(snapshot).length === 0) return true;
    const sent = generation.current;
    const { patch, indicatorIds } = toPatch(snapshot, version.current);
    setState('saving');
    let ok = false;
    const run = (async () => {
      try {
        const res = await saveApplication(app.id, patch);
        version.current = res.version;
        // Read back what was saved (new custom indicators get their ids); without it, keep our own copy.
        setBase(await getApplication(app.id).catch(() => overlay(base, snapshot)));
        setSavedAt(new Date());
        setErrors({});
        if (generation.current === sent) {
          pendingRef.current = {};
          setPending({});
          localStorage.removeItem(storageKey(app.id));
          setState('saved');
        } else {
          setState('dirty');
        }
        ok = true;
      } catch (error) {
        if (error instanceof ApiError && error.code === 'CONFLICT') setState('conflict');
        else if (error instanceof ApiError && error.code === 'VALIDATION_FAILED') {
          setErrors(
            Object.fromEntries(
              error.details.map((d) => {
                const m = /^indicators\.(\d+)\.(.+)$/.exec(d.path);
                return [m ? `indicator:${indicatorIds[Number(m[1])]}.${m[2]}` : d.path, d.message];
              }),
            ),
          );
          setState('invalid');
        } else setState('offline');
      }
    })();
    inFlight.current = run;
    await run;
    inFlight.current = null;
    return ok;
  }, [app, base]);

  useEffect(() => {
    if (state !== 'dirty' && state !== 'offline') return;
    const timer = setTimeout(() => void flush(), state === 'offline' ? 5000 : DELAY_MS);
    return () => clearTimeout(timer);
  }, [state, pending, flush]);

  /** After a conflict: take the latest version from the server and keep this tab's changes on top. */
  const resolveConflict = useCallback(async () => {
    const latest = await getApplication(app.id);
    version.current = latest.version;
    localStorage.setItem(storageKey(app.id), JSON.stringify({ base: latest.version, pending: pendingRef.current }));
    setBase(latest);
    setState('dirty');
  }, [app]);

  return { view: overlay(base, pending), pending, change, flush, state, savedAt, errors, resolveConflict, version };
}
