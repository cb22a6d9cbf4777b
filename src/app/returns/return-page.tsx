import { useQuery } from '@tanstack/react-query';
import { useLiveQuery } from 'dexie-react-hooks';
import { useParams } from 'react-router';
import type { ReturnDetail } from '../../contract/returns';
import type { LocalReturnView } from '../../local-db/local-returns';
import { readLocalReturn } from '../../local-db/local-returns';
import { discardCommand, resendCommand } from '../../local-db/outbox-decisions';
import { isApiError } from '../../sync/api-client';
import { useOnline } from '../common/use-connectivity';
import { useSession } from '../common/use-session';
import { Loading, Notice } from '../ui/alert';
import { Button, ButtonLink } from '../ui/button';
import { PageHeading } from '../ui/page-heading';
import { ReturnsErrorAlert } from './returns-error';
import { useReturnsI18n } from './i18n/returns-i18n';
import { ManagerDecision } from './manager-decision';
import { findPath } from './paths';
import { returnDetailQuery } from './queries';
import { Receipt, receiptOfDetail, receiptOfDevice } from './receipt';
import { ReceiptActions } from './receipt-actions';
import { RefundTable } from './refund-table';
import { ReturnStatusBadge, type ShownReturnStatus } from './status-badge';
import { conditionLabel, dispositionLabel, reasonLabel } from './unit-fields';
import { ViolationList } from './violation-list';
import { lineName } from '../common/localized';

/** While a return waits for a manager, its page asks again this often. */
const REVIEW_POLL_MS = 30_000;

/**
 * One return: saved on the device until it syncs, then the server's word. Refunded shows the
 * receipt; review says it waits for a manager and why; declined says why; a refused command
 * says so in words with what to do. Nothing disappears silently.
 */
export function ReturnPage() {
  const { rt } = useReturnsI18n();
  const { returnId = '' } = useParams();
  const online = useOnline();
  const local = useLiveQuery(() => readLocalReturn(returnId), [returnId], 'loading' as const);
  const localState = local === 'loading' ? null : (local?.state ?? null);
  // The server knows a return once the push was answered (or it was taken on another device).
  const serverKnows =
    local !== 'loading' && (local === null || localState === 'synced' || localState === 'unknown');
  const detail = useQuery({
    ...returnDetailQuery(returnId),
    enabled: online && serverKnows,
    refetchInterval: (query) => (query.state.data?.status === 'review' ? REVIEW_POLL_MS : false),
  });

  if (local === 'loading' || (local === null && detail.isPending && online)) return <Loading />;
  if (local === null) {
    return (
      <div className="stack">
        <PageHeading>{rt('return.title')}</PageHeading>
        {detail.isError && !(isApiError(detail.error) && detail.error.status === 404) ? (
          <ReturnsErrorAlert error={detail.error} />
        ) : !detail.data ? (
          <Notice tone="warning">
            <p>{online ? rt('return.notFound') : rt('return.notOnDevice')}</p>
          </Notice>
        ) : null}
        {detail.data ? <ReturnBody view={null} detail={detail.data} /> : null}
        <ButtonLink to={findPath}>{rt('return.newReturn')}</ButtonLink>
      </div>
    );
  }
  return (
    <div className="stack">
      <PageHeading>{rt('return.title')}</PageHeading>
      <ReturnBody view={local} detail={detail.data ?? null} />
      <div className="button-row no-print">
        <ButtonLink to={findPath} variant="primary">
          {rt('return.newReturn')}
        </ButtonLink>
      </div>
    </div>
  );
}

function statusOf(view: LocalReturnView | null, detail: ReturnDetail | null): ShownReturnStatus {
  if (
    view &&
    (view.state === 'saved' ||
      view.state === 'sending' ||
      view.state === 'refused' ||
      view.state === 'discarded')
  ) {
    return view.state;
  }
  return detail?.status ?? view?.outcome?.status ?? 'synced';
}

function ReturnBody({ view, detail }: { view: LocalReturnView | null; detail: ReturnDetail | null }) {
  const { rt } = useReturnsI18n();
  const session = useSession();
  const status = statusOf(view, detail);
  const manager = session?.associate.role === 'manager';
  const returnId = view?.row.returnId ?? detail?.id ?? '';
  const number = detail?.number ?? view?.outcome?.number ?? null;

  return (
    <>
      <div className="page-head return-screen-only">
        <p className="return-number">{number ?? rt('return.noNumberYet')}</p>
        <ReturnStatusBadge status={status} />
      </div>
      <div
        className="return-screen-only"
        role="status"
        aria-live="polite"
        data-testid="return-state"
        data-state={status}
      >
        <StateNotice status={status} view={view} detail={detail} />
      </div>
      {status === 'refused' && view ? (
        <div className="button-row">
          <Button variant="primary" onClick={() => void resendCommand(view.command?.id ?? '')}>
            {rt('return.sendAgain')}
          </Button>
          <Button variant="danger" onClick={() => void discardCommand(view.command?.id ?? '')}>
            {rt('return.discard')}
          </Button>
        </div>
      ) : null}
      {status === 'review' ? <ReviewFacts view={view} detail={detail} /> : null}
      {status === 'review' && manager && detail ? (
        <section className="card stack">
          <h2 className="section-title">{rt('review.decideTitle')}</h2>
          <ManagerDecision returnId={returnId} label={rt('review.decideFor', { number: detail.number })} />
        </section>
      ) : null}
      {status === 'refunded' ? (
        <RefundedReceipt view={view} detail={detail} storeName={session?.associate.storeName ?? ''} />
      ) : view && status !== 'review' ? (
        <TakenUnits view={view} />
      ) : null}
    </>
  );
}

function StateNotice({
  status,
  view,
  detail,
}: {
  status: ShownReturnStatus;
  view: LocalReturnView | null;
  detail: ReturnDetail | null;
}) {
  const { rt, errorText, money } = useReturnsI18n();
  const online = useOnline();
  const currency = detail?.currency ?? view?.row.shown.order.currency ?? 'EUR';
  switch (status) {
    case 'saved':
    case 'sending':
      return (
        <Notice>
          <p>
            <strong>{rt('state.saved')}</strong>{' '}
            {view?.row.shown.decision === 'review' ? rt('state.savedForReview') : rt('state.savedRefund')}
          </p>
          {!online ? <p>{rt('state.savedOffline')}</p> : null}
        </Notice>
      );
    case 'refused':
      return (
        <div className="alert alert--error">
          <div>
            <p>
              <strong>{rt('state.refused')}</strong> {errorText(view?.error)}
            </p>
            <p>{rt('state.refusedHint')}</p>
          </div>
        </div>
      );
    case 'discarded':
      return (
        <Notice tone="warning">
          <p>{rt('state.discarded')}</p>
        </Notice>
      );
    case 'refunded': {
      const total = detail?.refund?.totalCents ?? view?.outcome?.refundCents ?? 0;
      return (
        <Notice tone="success">
          <p>{rt('state.refunded', { amount: money(total, currency) })}</p>
        </Notice>
      );
    }
    case 'review':
      return (
        <Notice tone="warning">
          <p>
            <strong>{rt('state.review')}</strong> {rt('state.reviewHint')}
          </p>
        </Notice>
      );
    case 'declined':
      return (
        <div className="alert alert--error">
          <div>
            <p>
              <strong>{rt('state.declined')}</strong>{' '}
              {detail?.decision
                ? rt('state.declinedBy', { manager: detail.decision.by.name, reason: detail.decision.reason })
                : rt('state.declinedHint')}
            </p>
          </div>
        </div>
      );
    default:
      return (
        <Notice>
          <p>{online ? rt('state.synced') : rt('state.syncedOffline')}</p>
        </Notice>
      );
  }
}

function ReviewFacts({ view, detail }: { view: LocalReturnView | null; detail: ReturnDetail | null }) {
  const { rt } = useReturnsI18n();
  const violations = detail?.violations ?? view?.outcome?.violations ?? view?.row.shown.violations ?? [];
  const lines = detail ? detail.units : (view?.row.shown.lines ?? []);
  return (
    <section className="card stack">
      <h2 className="section-title">{rt('review.why')}</h2>
      {violations.length > 0 ? (
        <ViolationList violations={violations} lines={lines} />
      ) : (
        <p>{rt('review.noReasons')}</p>
      )}
      {view ? <TakenUnits view={view} bare /> : detail ? <DetailUnits detail={detail} /> : null}
    </section>
  );
}

function RefundedReceipt({
  view,
  detail,
  storeName,
}: {
  view: LocalReturnView | null;
  detail: ReturnDetail | null;
  storeName: string;
}) {
  const receipt = detail
    ? receiptOfDetail(detail)
    : view?.outcome
      ? receiptOfDevice(view.row, view.outcome, storeName)
      : null;
  if (!receipt) return null;
  const returnId = detail?.id ?? view?.row.returnId ?? '';
  const email = detail?.receiptEmail ?? view?.row.args.receipt.email ?? null;
  const language = detail?.language ?? view?.row.args.receipt.language ?? 'it';
  return (
    <>
      <Receipt receipt={receipt} />
      <ReceiptActions returnId={returnId} email={email} language={language} />
    </>
  );
}

/** What was taken, as the device recorded it: each unit, and the refund it showed. */
function TakenUnits({ view, bare = false }: { view: LocalReturnView; bare?: boolean }) {
  const { rt, language } = useReturnsI18n();
  const { row } = view;
  const units = row.args.units.map((unit, index) => {
    const line = row.shown.lines.find((l) => l.lineId === unit.lineId);
    return { ...unit, index, name: line ? `${lineName(line, language)} · ${line.size}` : unit.lineId };
  });
  const list = (
    <>
      <h3 className="section-title">
        {rt('return.taken', { number: row.shown.order.number, customer: row.shown.order.customerName })}
      </h3>
      <ul className="return-taken" data-testid="return-taken">
        {units.map((u) => (
          <li key={u.index}>
            <strong>{u.name}</strong> — {reasonLabel(rt, u.reason)} · {conditionLabel(rt, u.condition)} ·{' '}
            {dispositionLabel(rt, u.disposition)}
          </li>
        ))}
      </ul>
      {row.shown.refund && !bare ? (
        <RefundTable
          refund={row.shown.refund}
          lines={row.shown.lines}
          currency={row.shown.order.currency}
          payment={row.shown.order.payment}
          caption={row.shown.decision === 'review' ? rt('refund.previewIfApproved') : rt('refund.toCome')}
        />
      ) : null}
    </>
  );
  return bare ? list : <section className="card stack">{list}</section>;
}

function DetailUnits({ detail }: { detail: ReturnDetail }) {
  const { rt, language } = useReturnsI18n();
  return (
    <ul className="return-taken">
      {detail.units.map((u) => (
        <li key={u.unitNo}>
          <strong>
            {lineName(u, language)} · {u.size}
          </strong>{' '}
          — {reasonLabel(rt, u.reason)} · {conditionLabel(rt, u.condition)} ·{' '}
          {dispositionLabel(rt, u.disposition)}
        </li>
      ))}
    </ul>
  );
}
