import { useId, useRef } from 'react';
import type { BoardEntry } from '../../contract/kiosk';
import { interpolate } from '../i18n/translate';
import { pageAt } from './board-paging';
import type { BoardWords } from './board-words';
import { useFit } from './use-fit';

/** What the widest label looks like ("042 · C."), to size a cell before any entry is shown. */
const SAMPLE_LABEL = '000 · W.';

/** One list of the board, a screenful at a time; `tick` says which page (it wraps). */
export function BoardColumn({
  title,
  hint,
  entries,
  kind,
  tick,
  words,
}: {
  title: string;
  hint?: string;
  entries: BoardEntry[];
  kind: 'preparing' | 'ready';
  tick: number;
  words: BoardWords;
}) {
  const id = useId();
  const area = useRef<HTMLDivElement>(null);
  const sample = useRef<HTMLSpanElement>(null);
  const { columns, rows } = useFit(area, sample);
  const { items, page, pages } = pageAt(entries, columns * rows, tick);
  return (
    <section
      className={`board__column board__column--${kind}`}
      aria-labelledby={id}
      data-testid={`board-${kind}`}
      data-pages={pages}
      data-page={page + 1}
      data-per-page={columns * rows}
    >
      <h2 id={id} className="board__heading">
        {title}
      </h2>
      {hint ? <p className="board__hint">{hint}</p> : null}
      <div ref={area} className="board__area">
        <span ref={sample} className="board__entry board__entry--sample" aria-hidden="true">
          {SAMPLE_LABEL}
        </span>
        {entries.length === 0 ? (
          <p className="board__empty">{words.none}</p>
        ) : (
          <ul
            key={page}
            className="board__list"
            style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}
          >
            {items.map((entry) => (
              <li key={entry.key} className="board__entry" data-testid="board-entry">
                {entry.label}
              </li>
            ))}
          </ul>
        )}
      </div>
      {pages > 1 ? (
        <div className="board__pager" data-testid={`board-${kind}-pager`}>
          <p className="board__page">{interpolate(words.page, { page: page + 1, pages })}</p>
          <span className="board__dots" aria-hidden="true">
            {Array.from({ length: pages }, (_, index) => (
              <span key={index} className={`board__dot${index === page ? ' board__dot--on' : ''}`} />
            ))}
          </span>
        </div>
      ) : null}
    </section>
  );
}
