import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import type { BoardEntry } from '../../contract/kiosk';
import { fetchBoard } from '../../sync/kiosk-api';
import { KioskFrame, useKioskDefaultLanguage } from '../common/kiosk-frame';
import { useI18n } from '../i18n/use-t';
import { interpolate } from '../i18n/translate';
import { Loading } from '../ui/alert';
import { boardWords } from './board-words';
import './board.css';

/** Polled rather than streamed: a board may lag a few seconds, and polling survives any proxy. */
const BOARD_POLL_MS = 10_000;

/** The display by the counter: orders being prepared and ready, with privacy-safe labels. */
export function BoardPage() {
  const { language, locale } = useI18n();
  const words = boardWords(language);
  useKioskDefaultLanguage();
  const board = useQuery({
    queryKey: ['kiosk', 'board'],
    queryFn: ({ signal }) => fetchBoard(signal),
    refetchInterval: BOARD_POLL_MS,
    refetchIntervalInBackground: true,
    retry: false,
  });
  const code =
    board.error && typeof board.error === 'object' && 'code' in board.error ? String(board.error.code) : '';
  const notEnrolled = code === 'kiosk.notEnrolled' || code === 'kiosk.revoked';
  const time = board.data
    ? new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(new Date(board.data.serverTime))
    : '';

  return (
    <KioskFrame title={words.title} languageLabel={words.language}>
      {board.data && !notEnrolled ? (
        <>
          <div className="board">
            <BoardColumn
              title={words.preparing}
              entries={board.data.preparing}
              empty={words.none}
              kind="preparing"
            />
            <BoardColumn
              title={words.ready}
              hint={words.readyHint}
              entries={board.data.ready}
              empty={words.none}
              kind="ready"
            />
          </div>
          <p className="board__updated">
            {board.isError ? words.stale : interpolate(words.updated, { time })}
          </p>
        </>
      ) : notEnrolled ? (
        <section className="kiosk-card" data-testid="kiosk-not-enrolled">
          <h2>{words.notEnrolled}</h2>
          {code === 'kiosk.revoked' ? <p role="alert">{words.revoked}</p> : null}
          <p>{words.notEnrolledHint}</p>
        </section>
      ) : board.isError ? (
        <p role="alert">{words.stale}</p>
      ) : (
        <Loading />
      )}
    </KioskFrame>
  );
}

function BoardColumn({
  title,
  hint,
  entries,
  empty,
  kind,
}: {
  title: string;
  hint?: string;
  entries: BoardEntry[];
  empty: string;
  kind: 'preparing' | 'ready';
}) {
  const id = useId();
  return (
    <section
      className={`board__column board__column--${kind}`}
      aria-labelledby={id}
      data-testid={`board-${kind}`}
    >
      <h2 id={id} className="board__heading">
        {title}
      </h2>
      {hint ? <p className="board__hint">{hint}</p> : null}
      {entries.length === 0 ? (
        <p className="board__empty">{empty}</p>
      ) : (
        <ul className="board__list">
          {entries.map((entry) => (
            <li key={entry.key} className="board__entry" data-testid="board-entry">
              {entry.label}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
