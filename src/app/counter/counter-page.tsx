import { useMutation, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import type { CheckInBody, CheckInResult, KioskOrderView } from '../../contract/kiosk';
import { fetchKioskSelf, kioskCheckIn } from '../../sync/kiosk-api';
import { KioskFrame, useKioskDefaultLanguage } from '../common/kiosk-frame';
import { useI18n } from '../i18n/use-t';
import { Loading } from '../ui/alert';
import { CheckInForm } from './check-in-form';
import { CheckInOutcome } from './check-in-outcome';
import { EnrollNeeded } from './enroll-needed';
import { counterErrorText, useCounterI18n } from './i18n/counter-i18n';
import { RatingStep } from './rating-step';
import { usePendingRatings } from './use-pending-ratings';
import './counter.css';

type Screen =
  { kind: 'start' } | { kind: 'outcome'; result: CheckInResult } | { kind: 'rating'; order: KioskOrderView };

/** The customers' self check-in at the pickup counter, on a device a manager enrolled. */
export function CounterPage() {
  const { ct } = useCounterI18n();
  const resetLanguage = useKioskDefaultLanguage();
  const self = useQuery({
    queryKey: ['kiosk', 'self'],
    queryFn: ({ signal }) => fetchKioskSelf(signal),
    retry: false,
    staleTime: 5 * 60_000,
  });
  return (
    <KioskFrame
      title={ct('counter.title')}
      store={self.data?.store.name}
      languageLabel={ct('kiosk.language')}
    >
      {self.isPending ? (
        <Loading />
      ) : self.isError ? (
        <EnrollNeeded
          error={self.error}
          onSaved={() => {
            // Set up: the kiosk is ready for its first customer, in its own language.
            resetLanguage();
            void self.refetch();
          }}
        />
      ) : (
        <CounterFlow resetLanguage={resetLanguage} />
      )}
    </KioskFrame>
  );
}

function CounterFlow({ resetLanguage }: { resetLanguage: () => void }) {
  const { ct } = useCounterI18n();
  const { language, setLanguage } = useI18n();
  const [screen, setScreen] = useState<Screen>({ kind: 'start' });
  const [formKey, setFormKey] = useState(0);
  const ratings = usePendingRatings();
  const checkIn = useMutation({
    mutationFn: (body: CheckInBody) => kioskCheckIn(body),
    onSuccess: (result) => {
      if (result.outcome === 'arrived') ratings.watch(result.order.orderId, language);
      if (result.outcome === 'collected' && !result.order.rated)
        setScreen({ kind: 'rating', order: result.order });
      else setScreen({ kind: 'outcome', result });
    },
  });
  const { reset } = checkIn;
  const backToStart = useCallback(() => {
    setScreen({ kind: 'start' });
    setFormKey((key) => key + 1);
    reset();
    resetLanguage();
  }, [reset, resetLanguage]);

  // The kiosk went back to its own language for the next customer meanwhile; the rating belongs
  // to the customer who checked in, so it is asked in theirs, until it is done with.
  const toRate = ratings.toRate;
  const rateId = toRate?.order.orderId;
  const rateLanguage = toRate?.language;
  useEffect(() => {
    if (rateId && rateLanguage) setLanguage(rateLanguage);
  }, [rateId, rateLanguage, setLanguage]);

  if (screen.kind === 'outcome') return <CheckInOutcome result={screen.result} onDone={backToStart} />;
  if (screen.kind === 'rating') {
    return (
      <RatingStep
        order={screen.order}
        onDone={() => {
          ratings.forget(screen.order.orderId);
          backToStart();
        }}
      />
    );
  }
  return (
    <div className="stack">
      {toRate ? (
        <RatingStep
          key={toRate.order.orderId}
          order={toRate.order}
          onDone={() => {
            ratings.forget(toRate.order.orderId);
            resetLanguage();
          }}
        />
      ) : null}
      <CheckInForm
        key={formKey}
        busy={checkIn.isPending}
        error={checkIn.isError ? counterErrorText(ct, checkIn.error) : null}
        onCheckIn={(body) => checkIn.mutate(body)}
      />
    </div>
  );
}
