import { useState } from 'react';
import type { OrderLineView } from '../../contract/orders';
import { dispositions, type Disposition } from '../../domain/disposition';
import { defaultReturnReasons } from '../../domain/return-reasons';
import { enqueueCommand } from '../../local-db/enqueue';
import { LineDialog, LineForm, QtySelect } from '../common/line-dialog';
import { useActor } from '../common/use-actor';
import { useI18n } from '../i18n/use-t';
import { RadioGroup } from '../ui/radio-group';

const reasonCodes = defaultReturnReasons.map(({ code }) => code);

/** What the customer refuses: a line's ordered units, or its kept substitute's. */
export interface RefuseTarget {
  line: OrderLineView;
  substitute: boolean;
}

interface RefuseDialogProps {
  orderId: string;
  target: RefuseTarget | null;
  /** Units of the line, or of its substitute, still on the shelf. */
  staged: number;
  onClose: () => void;
  onRefused: (qty: number) => void;
}

/**
 * A line as a refusal names it: the line, or for its kept substitute the substitute's own name
 * and code, so the associate sees which item goes back.
 */
function subjectOf(target: RefuseTarget): OrderLineView {
  const s = target.line.substitute;
  return target.substitute && s
    ? { ...target.line, sku: s.sku, gtin14: s.gtin14, nameEn: s.nameEn, nameIt: s.nameIt }
    : target.line;
}

/**
 * The customer refuses units of a line at the counter, or of the substitute kept for it: how many,
 * why, and where they go.
 */
export function RefuseDialog({ orderId, target, staged, onClose, onRefused }: RefuseDialogProps) {
  const { t } = useI18n();
  return (
    <LineDialog
      title={target?.substitute ? t('handover.refuseSubstituteTitle') : t('handover.refuseTitle')}
      line={target ? subjectOf(target) : null}
      onClose={onClose}
    >
      {(subject) => (
        <RefuseForm
          orderId={orderId}
          line={subject}
          productId={target?.substitute ? target.line.substitute?.productId : undefined}
          staged={staged}
          onDone={(qty) => {
            onRefused(qty);
            onClose();
          }}
          onCancel={onClose}
        />
      )}
    </LineDialog>
  );
}

function RefuseForm({
  orderId,
  line,
  productId,
  staged,
  onDone,
  onCancel,
}: {
  orderId: string;
  line: OrderLineView;
  /** The kept substitute's product, when the substitute is refused. */
  productId: string | undefined;
  staged: number;
  onDone: (qty: number) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const actor = useActor();
  const [error, setError] = useState<unknown>(null);
  const [qty, setQty] = useState(1);
  const [reason, setReason] = useState(reasonCodes[0]!);
  const [disposition, setDisposition] = useState<Disposition>('restock');

  const submit = () => {
    setError(null);
    const units = Array.from({ length: qty }, () => ({
      lineId: line.id,
      ...(productId ? { productId } : {}),
      reason,
      disposition,
    }));
    enqueueCommand({
      name: 'order.refuseItems',
      args: { orderId, refusalId: crypto.randomUUID(), units },
      actor,
    }).then(() => onDone(qty), setError);
  };

  return (
    <LineForm
      line={line}
      submitLabel={t('handover.refuseSubmit')}
      submitTestId="refuse-submit"
      error={error}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <QtySelect id="refuse-qty" label={t('handover.refuseQty')} max={staged} value={qty} onChange={setQty} />
      <RadioGroup
        legend={t('handover.refuseReason')}
        name="refuse-reason"
        options={reasonCodes}
        value={reason}
        onChange={setReason}
        label={(code) => t(`handover.reason.${code}` as 'handover.reason.changedMind')}
      />
      <RadioGroup
        legend={t('handover.refuseDisposition')}
        name="refuse-disposition"
        options={dispositions}
        value={disposition}
        onChange={setDisposition}
        label={(value) => t(`handover.disposition.${value}`)}
      />
    </LineForm>
  );
}
