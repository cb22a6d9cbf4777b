import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ReturnSubmitArgs } from '../../contract/returns';
import { emailReceipt, fetchReceiptPdf } from '../../sync/returns-api';
import { useOnline } from '../common/use-connectivity';
import { Button } from '../ui/button';
import { Icon } from '../ui/icon';
import { ReturnsErrorAlert } from './returns-error';
import { useReturnsI18n } from './i18n/returns-i18n';
import { isReceiptEmail } from './reason-rules';

type Language = ReturnSubmitArgs['receipt']['language'];

/** Print, the PDF, and the e-mail: the receipt's three ways to the customer. */
export function ReceiptActions({
  returnId,
  email,
  language,
}: {
  returnId: string;
  email: string | null;
  language: Language;
}) {
  const { rt } = useReturnsI18n();
  const online = useOnline();
  return (
    <section className="card stack no-print" aria-label={rt('receipt.actions')}>
      <div className="button-row return-receipt__buttons">
        <Button variant="primary" onClick={() => window.print()}>
          <Icon name="printer" /> {rt('receipt.print')}
        </Button>
        <PdfLink returnId={returnId} language={language} online={online} />
      </div>
      <EmailForm returnId={returnId} email={email} language={language} online={online} />
    </section>
  );
}

type PdfState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ready'; url: string }
  | { kind: 'failed'; error: unknown };

/** A plain link cannot carry the token: fetch the PDF, then offer it as a link that opens it. */
function PdfLink({ returnId, language, online }: { returnId: string; language: Language; online: boolean }) {
  const { rt } = useReturnsI18n();
  const [state, setState] = useState<PdfState>({ kind: 'idle' });
  const link = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    if (state.kind !== 'ready') return;
    link.current?.focus();
    return () => URL.revokeObjectURL(state.url);
  }, [state]);
  if (state.kind === 'ready') {
    return (
      <a
        ref={link}
        href={state.url}
        target="_blank"
        rel="noopener"
        className="btn btn--secondary"
        data-testid="receipt-pdf-open"
      >
        {rt('receipt.pdfOpen')}
      </a>
    );
  }
  const load = () => {
    setState({ kind: 'loading' });
    fetchReceiptPdf(returnId, language).then(
      (blob) => setState({ kind: 'ready', url: URL.createObjectURL(blob) }),
      (error: unknown) => setState({ kind: 'failed', error }),
    );
  };
  return (
    <>
      <Button onClick={load} busy={state.kind === 'loading'} disabled={!online}>
        {rt('receipt.pdf')}
      </Button>
      {state.kind === 'failed' ? <ReturnsErrorAlert error={state.error} /> : null}
    </>
  );
}

type MailState =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'queued'; to: string }
  | { kind: 'failed'; error: unknown };

function EmailForm({
  returnId,
  email,
  language,
  online,
}: {
  returnId: string;
  email: string | null;
  language: Language;
  online: boolean;
}) {
  const { rt, t } = useReturnsI18n();
  const id = useId();
  const [to, setTo] = useState(email ?? '');
  const [lang, setLang] = useState<Language>(language);
  const [state, setState] = useState<MailState>({ kind: 'idle' });
  const [invalid, setInvalid] = useState(false);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const address = to.trim();
    if (!isReceiptEmail(address)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setState({ kind: 'sending' });
    emailReceipt(returnId, { email: address, language: lang }).then(
      (answer) => setState({ kind: 'queued', to: answer.email }),
      (error: unknown) => setState({ kind: 'failed', error }),
    );
  };

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-to`}>{rt('receipt.emailTo')}</label>
        <input
          id={`${id}-to`}
          name="receipt-email-to"
          type="email"
          inputMode="email"
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          maxLength={254}
          value={to}
          onChange={(e) => setTo(e.target.value)}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${id}-error` : undefined}
        />
        {invalid ? (
          <p id={`${id}-error`} className="field__error">
            {rt('problem.email')}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor={`${id}-lang`}>{rt('receipt.language')}</label>
        <select id={`${id}-lang`} value={lang} onChange={(e) => setLang(e.target.value as Language)}>
          {(['it', 'en'] as const).map((code) => (
            <option key={code} value={code}>
              {t(`language.${code}`)}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" busy={state.kind === 'sending'} disabled={!online}>
        {rt('receipt.emailSend')}
      </Button>
      <div role="status" aria-live="polite">
        {!online ? <p className="muted">{rt('receipt.emailOffline')}</p> : null}
        {state.kind === 'queued' ? (
          <p className="alert alert--success" data-testid="receipt-email-queued">
            {rt('receipt.emailQueued', { email: state.to })}
          </p>
        ) : null}
      </div>
      {state.kind === 'failed' ? <ReturnsErrorAlert error={state.error} /> : null}
    </form>
  );
}
