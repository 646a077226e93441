// Autosave of a review: what the expert types is kept in localStorage at once (a reload or a crash loses nothing)
// and sent a moment after typing stops; the server keeps the draft until the review is submitted.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client.js';
import { putReview, type ReviewState } from '../../api/reviews.js';

export interface ReviewDraft {
  scores: Record<string, number>;
  comment: string;
}
export type ReviewSaveState = 'saved' | 'dirty' | 'saving' | 'failed';

const DELAY_MS = 1000;
const storageKey = (id: string) => `jiebang.review.${id}`;

function readStored(id: string): ReviewDraft | null {
  try {
    const stored = JSON.parse(localStorage.getItem(storageKey(id)) ?? 'null') as ReviewDraft | null;
    return stored && typeof stored.comment === 'string' && stored.scores && typeof stored.scores === 'object' ? stored : null;
  } catch {
    return null;
  }
}

/** The scores an expert types: the platform's own (automatic) criteria are never sent. */
const typedOnly = (scores: Record<string, number>, automatic: readonly string[]) => Object.fromEntries(Object.entries(scores).filter(([k]) => !automatic.includes(k)));

/** One review's autosave; mount it once per assignment (key the component by the assignment's id). */
export function useReviewAutosave(assignmentId: string, saved: ReviewState | null, automatic: readonly string[] = []) {
  const [draft, setDraft] = useState<ReviewDraft>(() => {
    const stored = readStored(assignmentId) ?? { scores: saved?.scores ?? {}, comment: saved?.comment ?? '' };
    return { ...stored, scores: typedOnly(stored.scores, automatic) };
  });
  const [state, setState] = useState<ReviewSaveState>(() => (readStored(assignmentId) ? 'dirty' : 'saved'));
  const [error, setError] = useState<ApiError | null>(null);
  const latest = useRef(draft);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const save = useCallback(async () => {
    clearTimeout(timer.current);
    setState('saving');
    try {
      // Typed on while it was being sent: the newer draft goes too.
      let sending: ReviewDraft;
      do {
        sending = latest.current;
        await putReview(assignmentId, { conflict: false, submit: false, scores: sending.scores, comment: sending.comment });
      } while (latest.current !== sending);
      localStorage.removeItem(storageKey(assignmentId));
      setState('saved');
      setError(null);
    } catch (e) {
      setState('failed');
      setError(e instanceof ApiError ? e : null);
    }
  }, [assignmentId]);

  const change = useCallback(
    (next: { scores?: Record<string, number | null>; comment?: string }) => {
      // A cleared score is no score (not 0): submitting then names it as missing.
      const scores = Object.fromEntries(Object.entries({ ...latest.current.scores, ...next.scores }).filter((e): e is [string, number] => typeof e[1] === 'number'));
      const merged = { comment: next.comment ?? latest.current.comment, scores };
      latest.current = merged;
      localStorage.setItem(storageKey(assignmentId), JSON.stringify(merged));
      setDraft(merged);
      setState('dirty');
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), DELAY_MS);
    },
    [assignmentId, save],
  );

  // A draft left in the browser by an earlier visit is sent at once.
  useEffect(() => {
    if (readStored(assignmentId)) timer.current = setTimeout(() => void save(), 0);
    return () => clearTimeout(timer.current);
  }, [assignmentId, save]);

  /** Sends the draft as the submitted review; the browser's copy goes once the server has it. */
  const submit = useCallback(async () => {
    clearTimeout(timer.current);
    const result = await putReview(assignmentId, { conflict: false, submit: true, scores: latest.current.scores, comment: latest.current.comment });
    localStorage.removeItem(storageKey(assignmentId));
    setState('saved');
    return result;
  }, [assignmentId]);

  return { draft, state, error, change, save, submit };
}
