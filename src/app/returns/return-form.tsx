import { lazy, Suspense, useId, useReducer, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import type { ReturnSubmitArgs } from '../../contract/returns';
import type { ReturnDecision } from '../../local-db/local-return-row';
import type { ScannedCode } from '../../scan/scanned-code';
import type { OrderAnswer } from '../../sync/returns-api';
import { lineName } from '../common/localized';
import { productCodeOf, scanMeaningErrorCodes } from '../common/scan-meaning';
import { ScanStep } from '../common/scan-step';
import { useActor } from '../common/use-actor';
import { useSession } from '../common/use-session';
import { Loading, Notice } from '../ui/alert';
import { Button } from '../ui/button';
import { Icon } from '../ui/icon';
import { PageHeading } from '../ui/page-heading';
import { ScanBanner } from '../ui/scan-banner';
import { useScanBanner } from '../ui/use-scan-banner';
import { ApprovalDialog, type ManagerApproval } from './approval-dialog';
import { submitReturn } from './commands';
import { DecisionSection, type DecisionChoice } from './decision-section';
import { useReturnsI18n, type ReturnsKey } from './i18n/returns-i18n';
import { OrderFacts } from './order-facts';
import { returnPath } from './paths';
import { PolicySection } from './policy-section';
import { isReason, isReceiptEmail } from './reason-rules';
import { ReceiptFields } from './receipt-fields';
import { checkDraft, overrideAllows } from './return-check';
import { ReturnLine } from './return-line';
import {
  countedUnitsByLine,
  countExpectation,
  lineForScan,
  type CounterSettings,
  type DeviceReturn,
} from './returnable';
import { DeviceCopyNotice } from './saved-age';
import { UnitFields } from './unit-fields';
import { countByLine, emptyUnitList, unitListReducer, type UnitField } from './unit-list';

const CountPanel = lazy(() => import('../shelf/count-panel').then((m) => ({ default: m.CountPanel })));

/** Scans that are plainly not a unit of the order: say what they are. */
const notAUnit = new Set<string>([
  scanMeaningErrorCodes.pickupPass,
  scanMeaningErrorCodes.locationLabel,
  scanMeaningErrorCodes.trackingNumber,
]);

type Problem = 'empty' | 'reasons' | 'blocked' | 'notDelivered' | 'overrideReason' | 'approval' | 'email';

const problemKeys: Record<Problem, ReturnsKey> = {
  empty: 'problem.empty',
  reasons: 'problem.reasons',
  blocked: 'problem.blocked',
  notDelivered: 'problem.notDelivered',
  overrideReason: 'problem.overrideReason',
  approval: 'problem.approval',
  email: 'problem.email',
};

/**
 * The return being taken: scan each unit (or count it in), give each a reason, condition and
 * disposition, see the policy and the refund live, decide what to do when the policy refuses,
 * and queue it. Every check runs on this device with the server's rules, so it works offline.
 */
export function ReturnForm({
  answer,
  settings,
  standardPolicy,
  device,
}: {
  answer: OrderAnswer;
  settings: CounterSettings;
  standardPolicy: boolean;
  device: readonly DeviceReturn[];
}) {
  const { t, rt, rtp, errorText, language, money } = useReturnsI18n();
  const actor = useActor();
  const session = useSession();
  const manager = session?.associate.role === 'manager';
  const navigate = useNavigate();
  const { order } = answer;
  const linesId = useId();
  const [returnId] = useState(() => crypto.randomUUID());
  const [list, dispatch] = useReducer(unitListReducer, emptyUnitList);
  const [choice, setChoice] = useState<DecisionChoice>(manager ? 'override' : 'review');
  const [overrideReason, setOverrideReason] = useState('');
  const [approval, setApproval] = useState<ManagerApproval | null>(null);
  const [approvalOpen, setApprovalOpen] = useState(false);
  const [receipt, setReceipt] = useState<ReturnSubmitArgs['receipt']>({
    email: order.customerEmail,
    language: order.customerLanguage,
  });
  const [problem, setProblem] = useState<Problem | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [counting, setCounting] = useState(false);
  const { banner, flash } = useScanBanner();

  // At the device's clock, as the server will judge it (at takenAt).
  const check = checkDraft(order, settings, device, returnId, list.units, new Date().toISOString());
  const delivered = order.receivedAt !== null;
  const reasons = settings.policy.reasons.map((r) => r.code);
  const inThisReturn = countByLine(list.units);

  const decision: ReturnDecision | null =
    check.outcome === 'allowed'
      ? 'refund'
      : check.outcome !== 'overridable'
        ? null
        : choice === 'override' || (choice === 'approval' && approval)
          ? 'override'
          : choice === 'review'
            ? 'review'
            : null;

  const onScan = (scan: ScannedCode) => {
    const meaning = productCodeOf(scan);
    if (!meaning.ok && scan.source !== 'typed' && notAUnit.has(meaning.code)) {
      flash('wrongItem', rt('scan.notAUnit'), errorText({ code: meaning.code }));
      return;
    }
    const match = lineForScan(
      order.lines,
      { gtin14: meaning.ok ? meaning.value : undefined, text: scan.text },
      check.availability,
      inThisReturn,
    );
    const nameOf = (lineId: string) => {
      const line = order.lines.find((l) => l.lineId === lineId);
      return line ? lineName(line, language) : '';
    };
    if (match.ok) {
      dispatch({ type: 'add', lineId: match.lineId, code: scan.text.trim() });
      const count = (inThisReturn.get(match.lineId) ?? 0) + 1;
      flash('success', rt('scan.added', { product: nameOf(match.lineId) }), rt('scan.addedCount', { count }));
      return;
    }
    switch (match.reason) {
      case 'notOnOrder':
        flash('wrongItem', rt('scan.notOnOrderTitle'), rt('scan.notOnOrder', { number: order.number }));
        return;
      case 'alreadyReturned':
        flash(
          'alreadyComplete',
          rt('scan.alreadyReturnedTitle'),
          rt('scan.alreadyReturned', { product: nameOf(match.lineId) }),
        );
        return;
      case 'allInThisReturn':
        flash(
          'alreadyComplete',
          rt('scan.allInThisReturnTitle'),
          rt('scan.allInThisReturn', { product: nameOf(match.lineId) }),
        );
        return;
      case 'notDelivered':
        flash(
          'wrongItem',
          rt('scan.notDeliveredTitle'),
          rt('scan.notDelivered', { product: nameOf(match.lineId) }),
        );
    }
  };

  // Count in one look (docs/decisions/0037-…): the units on the counter, counted against what
  // may still come back; confirming sets each counted line's units in one step, and the
  // return is still queued as its one return.submit.
  const expected = countExpectation(order.lines, check.availability).map((item) => {
    const line = order.lines.find((l) => l.lineId === item.lineId)!;
    return { gtin14: item.gtin14, qty: item.qty, name: lineName(line, language) };
  });
  const onCounted = (counted: { gtin14: string; qty: number }[]) => {
    const counts = countedUnitsByLine(order.lines, check.availability, counted);
    dispatch({ type: 'setCounts', counts });
    setCounting(false);
    const units = [...counts.values()].reduce((n, qty) => n + qty, 0);
    flash('success', t('command.order.count'), rtp('count.taken', units));
    return Promise.resolve();
  };

  const problemOf = (): Problem | null => {
    switch (check.outcome) {
      case 'empty':
        return 'empty';
      case 'needReasons':
        return 'reasons';
      case 'blocked':
        return 'blocked';
      case 'notDelivered':
        return 'notDelivered';
      default:
    }
    if (decision === null) return 'approval';
    if (decision === 'override' && !approval && !isReason(overrideReason)) return 'overrideReason';
    const email = receipt.email?.trim() ?? '';
    if (email !== '' && !isReceiptEmail(email)) return 'email';
    return null;
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const found = problemOf();
    setProblem(found);
    setFailure(null);
    if (found || !decision) return;
    const override =
      decision === 'override'
        ? approval
          ? { reason: approval.reason, approval, manager: approval.manager }
          : { reason: overrideReason.trim(), manager: { id: actor.id, name: actor.name } }
        : undefined;
    if (override) {
      const refused = overrideAllows(check, override.manager.id, override.reason);
      if (refused) {
        setFailure({ code: refused });
        return;
      }
    }
    setBusy(true);
    try {
      const email = receipt.email?.trim() ?? '';
      const id = await submitReturn({
        returnId,
        order,
        units: list.units,
        check,
        decision,
        override,
        receipt: { email: email === '' ? null : email, language: receipt.language },
        actor,
      });
      // Replace: "back" from the return must not offer the same form (and return id) again.
      void navigate(returnPath(id), { replace: true });
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  };

  const common = (field: UnitField) => {
    const values = new Set(list.units.map((u) => u[field]));
    return values.size === 1 ? [...values][0]! : '';
  };
  const amount = check.refund.ok ? money(check.refund.refund.totalCents, order.currency) : '';
  const submitLabel =
    decision === 'review'
      ? rt('submit.review')
      : decision === 'override'
        ? rt('submit.override', { amount })
        : amount
          ? rt('submit.refund', { amount })
          : rt('submit.take');

  return (
    <div className="stack">
      <PageHeading>{rt('new.heading', { number: order.number })}</PageHeading>
      <ScanBanner state={banner} />
      {answer.fromDevice ? <DeviceCopyNotice savedAt={answer.savedAt} /> : null}
      {standardPolicy ? (
        <Notice tone="warning">
          <p>{rt('new.standardPolicy')}</p>
        </Notice>
      ) : null}
      <section className="card stack">
        <OrderFacts order={order} storeId={actor.storeId} />
      </section>
      {delivered ? (
        <section className="card stack">
          <ScanStep
            label={rt('new.scanLabel')}
            hint={rt('new.scanHint')}
            buttonLabel={rt('new.add')}
            onScan={onScan}
            enabled={!approvalOpen && !busy}
            name="return-unit-code"
            cameraBlocked={counting}
          />
          {counting ? (
            <Suspense fallback={<Loading />}>
              <CountPanel expected={expected} onConfirm={onCounted} onClose={() => setCounting(false)} />
            </Suspense>
          ) : (
            <Button onClick={() => setCounting(true)} disabled={busy} data-testid="count-open">
              <Icon name="camera" />
              {t('shelf.count')}
            </Button>
          )}
        </section>
      ) : (
        <Notice tone="warning">
          <p data-testid="return-not-delivered">{rt('new.notDelivered')}</p>
        </Notice>
      )}
      <form className="stack" onSubmit={(event) => void submit(event)} noValidate>
        <section className="stack" aria-labelledby={linesId}>
          <h2 id={linesId} className="section-title">
            {rt('new.lines')}
          </h2>
          <ul className="return-lines">
            {order.lines.map((line) => (
              <ReturnLine
                key={line.lineId}
                line={line}
                substituteFor={order.lines.find((l) => l.lineId === line.substituteOf)}
                availability={check.availability.get(line.lineId)}
                units={list.units.filter((u) => u.lineId === line.lineId)}
                reasons={reasons}
                currency={order.currency}
                dispatch={dispatch}
                enabled={delivered && !busy}
              />
            ))}
          </ul>
        </section>
        {list.units.length > 1 ? (
          <fieldset className="card stack return-all" data-testid="same-for-all">
            <legend>{rt('all.title')}</legend>
            <p className="field__hint">{rt('all.hint')}</p>
            <UnitFields
              values={{
                reason: common('reason'),
                condition: common('condition'),
                disposition: common('disposition'),
              }}
              reasons={reasons}
              labelSuffix={rt('all.suffix')}
              mixed={rt('all.mixed')}
              onChange={(field, value) => dispatch({ type: 'setAll', field, value })}
            />
          </fieldset>
        ) : null}
        <PolicySection order={order} check={check} />
        {check.outcome === 'overridable' ? (
          <DecisionSection
            manager={manager}
            choice={choice}
            onChoice={setChoice}
            overrideReason={overrideReason}
            onOverrideReason={setOverrideReason}
            approval={approval}
            onAskApproval={() => setApprovalOpen(true)}
            onDropApproval={() => setApproval(null)}
            invalid={problem === 'overrideReason'}
          />
        ) : null}
        <ReceiptFields receipt={receipt} onChange={setReceipt} invalid={problem === 'email'} />
        {problem || failure ? (
          <div className="alert alert--error" role="alert" data-testid="return-problem">
            <p>{failure ? errorText(failure) : rt(problemKeys[problem!])}</p>
          </div>
        ) : null}
        <Button type="submit" variant="primary" size="lg" busy={busy} data-testid="return-submit">
          {submitLabel}
        </Button>
      </form>
      <ApprovalDialog
        open={approvalOpen}
        returnId={returnId}
        onClose={() => setApprovalOpen(false)}
        onApproved={(given) => {
          setApproval(given);
          setApprovalOpen(false);
        }}
      />
    </div>
  );
}
