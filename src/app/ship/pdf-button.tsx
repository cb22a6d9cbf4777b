import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/use-t';
import { ErrorAlert } from '../ui/alert';
import { Button } from '../ui/button';
import { Icon } from '../ui/icon';
import { fetchPdf } from './shipment-api';

interface PdfButtonProps {
  /** API path of the document. */
  path: string;
  label: string;
  testId?: string;
}

type State =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ready'; url: string }
  | { kind: 'failed'; error: unknown };

/**
 * Fetches a document with the associate's token, then offers it as a link that opens the PDF
 * in a new tab to print (on Android, where no PDF shows inline, the browser downloads it). A
 * plain link cannot carry the token, and an automatic window.open after the fetch is a popup
 * most browsers block.
 */
export function PdfButton({ path, label, testId }: PdfButtonProps) {
  const { t } = useI18n();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const link = useRef<HTMLAnchorElement>(null);

  useEffect(() => {
    if (state.kind !== 'ready') return;
    link.current?.focus();
    return () => URL.revokeObjectURL(state.url);
  }, [state]);

  const load = () => {
    setState({ kind: 'loading' });
    fetchPdf(path).then(
      (blob) => setState({ kind: 'ready', url: URL.createObjectURL(blob) }),
      (error: unknown) => setState({ kind: 'failed', error }),
    );
  };

  if (state.kind === 'ready') {
    return (
      <a
        ref={link}
        href={state.url}
        target="_blank"
        rel="noopener"
        className="btn btn--primary"
        data-testid={testId ? `${testId}-open` : undefined}
      >
        <Icon name="printer" /> {t('pdf.open', { name: label })}
      </a>
    );
  }
  return (
    <div className="stack">
      <Button onClick={load} busy={state.kind === 'loading'} data-testid={testId}>
        <Icon name="printer" /> {label}
      </Button>
      {state.kind === 'failed' ? <ErrorAlert error={state.error} /> : null}
    </div>
  );
}
