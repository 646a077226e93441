// Short confirmations and failures after an action (antd's message), in the app's theme and language. antd's message
// machinery (~15 KB gzip) loads with the first message, not with every page: messages only ever follow an action.
import { createContext, lazy, Suspense, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import type { MessageInstance } from 'antd/es/message/interface';

type Kind = 'success' | 'error' | 'info' | 'warning';
/** What pages call: `message.success(text)`, `message.error(text)`. */
export type Feedback = Record<Kind, (content: ReactNode) => void>;

const KINDS: readonly Kind[] = ['success', 'error', 'info', 'warning'];
const MessageHolder = lazy(() => import('./MessageHolder.js'));
const FeedbackContext = createContext<Feedback | null>(null);

export function MessageProvider({ children }: { children: ReactNode }) {
  const [wanted, setWanted] = useState(false);
  const api = useRef<MessageInstance | null>(null);
  const waiting = useRef<Array<(ready: MessageInstance) => void>>([]);
  const feedback = useMemo(
    () =>
      Object.fromEntries(
        KINDS.map((kind) => [
          kind,
          (content: ReactNode) => {
            if (api.current) {
              void api.current[kind](content);
              return;
            }
            waiting.current.push((ready) => void ready[kind](content));
            setWanted(true);
          },
        ]),
      ) as Feedback,
    [],
  );
  const onReady = useCallback((ready: MessageInstance) => {
    api.current = ready;
    for (const show of waiting.current.splice(0)) show(ready);
  }, []);
  return (
    <FeedbackContext.Provider value={feedback}>
      {wanted ? (
        <Suspense fallback={null}>
          <MessageHolder onReady={onReady} />
        </Suspense>
      ) : null}
      {children}
    </FeedbackContext.Provider>
  );
}

export function useMessage(): Feedback {
  const feedback = useContext(FeedbackContext);
  if (!feedback) throw new Error('useMessage outside MessageProvider');
  return feedback;
}
