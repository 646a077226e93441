// What every page needs once: the session, the programs and the server clock, loaded when the app starts.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { HealthResponse, ProgramSummary, SessionResponse } from '../../shared/schemas/system.js';
import type { ApiError } from '../api/client.js';
import { getHealth, getSession, listPrograms } from '../api/system.js';

export interface PlatformState {
  loading: boolean;
  session: SessionResponse;
  programs: ProgramSummary[];
  health: HealthResponse | null;
  /** Browser time minus server time, so countdowns follow the server clock (and the test clock). */
  clockSkewMs: number;
  error: ApiError | null;
  reload(): void;
}

const EMPTY_SESSION: SessionResponse = { user: null, csrfToken: null };
const PlatformContext = createContext<PlatformState | null>(null);

export function PlatformProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<Omit<PlatformState, 'reload'>>({
    loading: true,
    session: EMPTY_SESSION,
    programs: [],
    health: null,
    clockSkewMs: 0,
    error: null,
  });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    let cancelled = false;
    // Each call stands on its own: a failed health check must not hide the program or the session.
    void Promise.allSettled([getSession(), listPrograms(), getHealth()]).then(([session, programs, health]) => {
      if (cancelled) return;
      const failed = [session, programs].find((r) => r.status === 'rejected') as PromiseRejectedResult | undefined;
      setState({
        loading: false,
        session: session.status === 'fulfilled' ? session.value : EMPTY_SESSION,
        programs: programs.status === 'fulfilled' ? programs.value : [],
        health: health.status === 'fulfilled' ? health.value : null,
        clockSkewMs: health.status === 'fulfilled' ? Date.now() - Date.parse(health.value.now) : 0,
        error: failed ? (failed.reason as ApiError) : null,
      });
    });
    return () => {
      cancelled = true;
    };
  }, [generation]);

  return <PlatformContext.Provider value={{ ...state, reload }}>{children}</PlatformContext.Provider>;
}

export function usePlatform(): PlatformState {
  const value = useContext(PlatformContext);
  if (!value) throw new Error('usePlatform outside PlatformProvider');
  return value;
}
