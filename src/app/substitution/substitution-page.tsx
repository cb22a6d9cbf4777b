import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import type { SubstitutionView } from '../../contract/substitutions';
import { answerSubstitution, readSubstitution } from '../../sync/substitution-api';
import { PublicPage, useLinkView, usePublicLanguage } from '../common/public-page';
import { ProductPicture } from './product-picture';
import { substitutionErrorKey, substitutionWords } from './substitution-words';
import './substitution.css';

/**
 * The customer's page from a substitution request (issue 15): no sign-in, in the customer's
 * language (with a toggle). Both products side by side with their pictures, the price difference
 * and the money back; accept or decline, once. The answer reaches the picker's device with the
 * order's next change.
 */
export function SubstitutionPage() {
  const { token = '' } = useParams();
  const { view, problem, show, fail, reload } = useLinkView(token, readSubstitution, substitutionErrorKey);
  const [busy, setBusy] = useState(false);
  const [language, setLanguage] = usePublicLanguage(view?.language);
  const w = useMemo(() => substitutionWords(language), [language]);
  const locale = language === 'it' ? 'it-IT' : 'en-GB';
  const money = (cents: number) =>
    new Intl.NumberFormat(locale, { style: 'currency', currency: view?.currency ?? 'EUR' }).format(
      cents / 100,
    );

  const answer = async (accept: boolean) => {
    setBusy(true);
    try {
      show(await answerSubstitution(token, accept));
    } catch (error) {
      fail(error);
      void reload();
    } finally {
      setBusy(false);
    }
  };

  const productName = (p: SubstitutionView['ordered']) => (language === 'it' ? p.nameIt : p.nameEn);
  const name = (p: SubstitutionView['ordered']) =>
    [p.brand, productName(p), language === 'it' ? p.colorIt : p.colorEn, p.size].filter(Boolean).join(' · ');
  const difference = view?.differenceCents ?? 0;

  return (
    <PublicPage language={language} onLanguage={setLanguage} languageLabel={w('language')} title={w('title')}>
      {problem ? (
        <p role="alert" className="public-page__problem" data-testid="substitution-problem">
          {w(problem)}
        </p>
      ) : null}
      {!view && !problem ? <p role="status">{w('loading')}</p> : null}
      {view ? (
        <>
          <p>{w('order', { number: view.orderNumber, store: view.storeName })}</p>
          <p>{w('intro')}</p>
          <dl className="substitution__products">
            <div className="substitution__product">
              <dt>{w('ordered')}</dt>
              <dd>
                <ProductPicture
                  src={view.ordered.imageUrl}
                  name={productName(view.ordered)}
                  none={w('noPicture')}
                  testId="substitution-ordered-picture"
                />
                <span className="substitution__name">{name(view.ordered)}</span>
                <span>{w('each', { price: money(view.ordered.unitPriceCents) })}</span>
              </dd>
            </div>
            <div className="substitution__product substitution__product--offered">
              <dt>{w('offered')}</dt>
              <dd>
                <ProductPicture
                  src={view.substitute.imageUrl}
                  name={productName(view.substitute)}
                  none={w('noPicture')}
                  testId="substitution-offered-picture"
                />
                <span className="substitution__name" data-testid="substitution-offered">
                  {name(view.substitute)}
                </span>
                <span>{w('each', { price: money(view.substitute.unitPriceCents) })}</span>
                <span>{w('quantity', { qty: String(view.qty) })}</span>
              </dd>
            </div>
          </dl>
          <p data-testid="substitution-difference">
            {difference < 0
              ? w('cheaper', { amount: money(-difference), refund: money(view.refundCents) })
              : difference === 0
                ? w('same')
                : w('dearer', { amount: money(difference) })}
          </p>
          {view.status === 'pending' ? (
            <>
              <p>{w('declineRefund', { refund: money(view.declineRefundCents) })}</p>
              {view.deadline ? (
                <p>
                  {w('deadline', {
                    time: new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(
                      new Date(view.deadline),
                    ),
                  })}
                </p>
              ) : null}
              <div className="substitution__answers">
                <button
                  type="button"
                  className="public-page__primary"
                  disabled={busy}
                  onClick={() => void answer(true)}
                  data-testid="substitution-accept"
                >
                  {busy ? w('sending') : w('accept')}
                </button>
                <button
                  type="button"
                  className="public-page__button"
                  disabled={busy}
                  onClick={() => void answer(false)}
                  data-testid="substitution-decline"
                >
                  {w('decline')}
                </button>
              </div>
            </>
          ) : (
            <p
              role="status"
              className="public-page__done"
              data-testid="substitution-status"
              data-status={view.status}
            >
              {w(
                view.status === 'accepted' ? 'accepted' : view.status === 'declined' ? 'declined' : 'picked',
              )}
            </p>
          )}
        </>
      ) : null}
    </PublicPage>
  );
}
