import { useState } from 'react';
import type { StoreAssociate } from '../../contract/manager';
import type { QueueItem } from '../../contract/orders';
import { Button } from '../ui/button';
import { useAssignOrder } from './commands';
import { useManagerI18n } from './i18n/manager-i18n';

interface AssignControlProps {
  order: QueueItem;
  associates: readonly StoreAssociate[];
  onDone: (message: string) => void;
  onError: (message: string) => void;
}

/**
 * Choose, then confirm with the button: changing a select never acts by itself (WCAG 3.2.2).
 * An assignment arriving from elsewhere (another manager, or this one's own change coming back
 * through the replica) moves the choice with it, unless the manager has picked someone else
 * meanwhile: a late echo never undoes what they are about to confirm.
 */
export function AssignControl({ order, associates, onDone, onError }: AssignControlProps) {
  const { mt, errorText } = useManagerI18n();
  const current = order.assignedTo?.id ?? '';
  const [choice, setChoice] = useState(current);
  const [seen, setSeen] = useState(current);
  if (seen !== current) {
    setSeen(current);
    if (choice === seen) setChoice(current);
  }
  const assign = useAssignOrder();
  const id = `assign-${order.id}`;

  const submit = () => {
    const associateId = choice === '' ? null : choice;
    assign.mutate(
      { orderId: order.id, associateId },
      {
        onSuccess: (updated) =>
          onDone(
            updated.assignedTo
              ? mt('assign.done', { number: order.number, name: updated.assignedTo.name })
              : mt('assign.cleared', { number: order.number }),
          ),
        onError: (error) => onError(errorText(error)),
      },
    );
  };

  return (
    <div className="assign">
      <label htmlFor={id} className="visually-hidden">
        {mt('assign.label', { number: order.number })}
      </label>
      <select
        id={id}
        value={choice}
        onChange={(event) => setChoice(event.target.value)}
        data-testid="assign-select"
      >
        <option value="">{mt('assign.nobody')}</option>
        {associates.map((associate) => (
          <option key={associate.id} value={associate.id}>
            {associate.name}
          </option>
        ))}
      </select>
      <Button
        onClick={submit}
        disabled={choice === current}
        busy={assign.isPending}
        data-testid="assign-button"
      >
        {assign.isPending ? mt('assign.saving') : mt('assign.save')}
      </Button>
    </div>
  );
}
