import { useMemo } from 'react';
import type { ReturnViolationView } from '../../contract/returns';
import { lineName } from '../common/localized';
import { explainViolation, type ExplainContext } from './explain-violation';
import { useReturnsI18n } from './i18n/returns-i18n';

interface NamedLine {
  lineId: string;
  sku: string;
  nameEn: string;
  nameIt: string;
}

/** The words for violations, with the products of these lines named in the UI language. */
export function useExplain(
  lines: readonly NamedLine[],
): (v: Omit<ReturnViolationView, 'overridable'>) => string {
  const { rt, day, language } = useReturnsI18n();
  return useMemo(() => {
    const list = new Intl.ListFormat(language, { type: 'disjunction' });
    const ctx: ExplainContext = {
      rt,
      day,
      orList: (items) => list.format(items),
      productOf: (lineId, sku) => {
        const line = lines.find((l) => l.lineId === lineId) ?? lines.find((l) => l.sku === sku);
        return line ? lineName(line, language) : (sku ?? rt('violation.thisItem'));
      },
    };
    return (v) => explainViolation(v, ctx);
  }, [rt, day, language, lines]);
}

/** Each violation in words; a manager can set aside those marked so, never the others. */
export function ViolationList({
  violations,
  lines,
}: {
  violations: readonly ReturnViolationView[];
  lines: readonly NamedLine[];
}) {
  const { rt } = useReturnsI18n();
  const explain = useExplain(lines);
  // One sentence per distinct problem: two units with the same problem say it once.
  const unique = [...new Map(violations.map((v) => [`${v.lineId}|${v.code}|${explain(v)}`, v])).values()];
  return (
    <ul className="violations">
      {unique.map((v) => (
        <li key={`${v.lineId}|${v.code}|${explain(v)}`} className="violation" data-code={v.code}>
          <span>{explain(v)}</span>{' '}
          {v.overridable ? null : (
            <strong className="violation__final">{rt('violation.notOverridable')}</strong>
          )}
        </li>
      ))}
    </ul>
  );
}
