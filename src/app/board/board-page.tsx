import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { fetchBoard } from '../../sync/kiosk-api';
import { KioskFrame, useKioskDefaultLanguage } from '../common/kiosk-frame';
import { KioskSetup } from '../common/kiosk-setup';
import { useI18n } from '../i18n/use-t';
import { interpolate } from '../i18n/translate';
import { Loading } from '../ui/alert';
import { BoardColumn } from './board-column';
import { boardWords } from './board-words';
import './board.css';

/** Polled rather than streamed: a board may lag a few seconds, and polling survives any proxy. */
const BOARD_POLL_MS = 10_000;
/** Long enough to find one's number on a full page from across the counter. */
export const BOARD_PAGE_MS = 8_000;

/** The display by the counter: orders being prepared and ready, with privacy-safe labels. */
export function BoardPage() {
  const { language, locale } = useI18n();
  const words = boardWords(language);
  const resetLanguage = useKioskDefaultLanguage();
  const board = useQuery({
    queryKey: ['kiosk', 'board'],
    queryFn: ({ signal }) => fetchBoard(signal),
    refetchInterval: BOARD_POLL_MS,
    refetchIntervalInBackground: true,
    retry: false,
  });
  const [paused, setPaused] = useState(false);
  const tick = usePageTick(paused);
  const code =
    board.error && typeof board.error === 'object' && 'code' in board.error ? String(board.error.code) : '';
  const notEnrolled = code === 'kiosk.notEnrolled' || code === 'kiosk.revoked';
  const time = board.data
    ? new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(new Date(board.data.serverTime))
    : '';

  return (
    <KioskFrame title={words.title} languageLabel={words.language} fill={!notEnrolled}>
      {board.data && !notEnrolled ? (
        <>
          <div className="board">
            <BoardColumn
              title={words.preparing}
              entries={board.data.preparing}
              kind="preparing"
              tick={tick}
              words={words}
            />
            <BoardColumn
              title={words.ready}
              hint={words.readyHint}
              entries={board.data.ready}
              kind="ready"
              tick={tick}
              words={words}
            />
          </div>
          <div className="board__footer">
            <p className="board__updated">
              {board.isError ? words.stale : interpolate(words.updated, { time })}
            </p>
            {/* WCAG 2.2.2: pages that turn by themselves can be stopped (a tablet, a remote). */}
            <button
              type="button"
              className="board__pause"
              aria-pressed={paused}
              onClick={() => setPaused(!paused)}
              data-testid="board-pause"
            >
              {words.pause}
            </button>
          </div>
        </>
      ) : notEnrolled ? (
        <KioskSetup
          words={{
            title: words.notEnrolled,
            how: words.notEnrolledHint,
            codeLabel: words.codeLabel,
            submit: words.submit,
            hint: words.codeHint,
            enrolling: words.enrolling,
            wrongCode: words.wrongCode,
            signIn: words.signIn,
          }}
          notice={code === 'kiosk.revoked' ? words.revoked : null}
          errorText={() => words.enrollFailed}
          onEnrolled={() => {
            resetLanguage();
            void board.refetch();
          }}
        />
      ) : board.isError ? (
        <p role="alert">{words.stale}</p>
      ) : (
        <Loading />
      )}
    </KioskFrame>
  );
}

/** The board's page clock: one step every BOARD_PAGE_MS, held while paused. */
function usePageTick(paused: boolean): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (paused) return;
    const timer = setInterval(() => setTick((current) => current + 1), BOARD_PAGE_MS);
    return () => clearInterval(timer);
  }, [paused]);
  return tick;
}
