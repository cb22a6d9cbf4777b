import type { ReturnDetail } from '../../contract/returns';
import type { Language } from '../../contract/orders';
import { returnReceiptOf, type ReturnReceipt } from './return-receipt';

/**
 * The return receipt as an e-mail: a plain-text part and a simple HTML part with the same
 * content. The HTML has no images, style sheets or links to fetch (mail clients block them and
 * screen readers need none), real table headers, and every text from the order escaped.
 */
export interface ReceiptEmail {
  subject: string;
  text: string;
  html: string;
}

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => entities[char] ?? char);
}

function textBody(r: ReturnReceipt): string {
  const w = r.words;
  const lines = [
    w.greeting(r.customerName),
    w.emailIntro(r.storeName),
    '',
    `${w.receipt} ${r.number}`,
    `${w.date}: ${r.dateTime}`,
    r.order,
    `${w.status}: ${r.statusLabel}`,
    r.statusNote,
    ...(r.declinedBecause ? [`${w.declinedBecause}: ${r.declinedBecause}`] : []),
    '',
    `${w.itemsReturned} (${r.units.length}):`,
    ...r.units.map(
      (u) =>
        `- ${u.name}, ${w.columns.size.toLowerCase()} ${u.size}: ${u.reason}; ${u.condition}; ${u.outcome}`,
    ),
  ];
  if (r.refundLines.length > 0 || r.total) {
    lines.push('', `${w.refund}:`);
    for (const l of r.refundLines) {
      lines.push(
        `- ${l.qty} × ${l.name}: ${l.price}, ${w.refundColumns.discount.toLowerCase()} ${l.discount}, ${w.refundColumns.refund.toLowerCase()} ${l.refund}`,
      );
    }
    if (r.shipping) lines.push(`- ${w.shipping}: ${r.shipping}`);
    if (r.total) lines.push(`${r.total.label}: ${r.total.amount}`);
  }
  if (r.paidTo) lines.push(`${r.paidTo.label}: ${r.paidTo.method}`);
  lines.push('', w.emailOutro, '', r.storeName, r.storeAddress);
  return `${lines.join('\n')}\n`;
}

function htmlTable(caption: string, headers: string[], rows: string[][], numeric: number[] = []): string {
  const cell = (tag: 'th' | 'td', value: string, i: number) => {
    const align = numeric.includes(i) ? ' style="text-align:right"' : '';
    const scope = tag === 'th' ? ' scope="col"' : '';
    return `<${tag}${scope}${align}>${escapeHtml(value)}</${tag}>`;
  };
  return [
    '<table cellpadding="4" cellspacing="0" border="1" style="border-collapse:collapse">',
    `<caption style="text-align:left;font-weight:bold">${escapeHtml(caption)}</caption>`,
    `<thead><tr>${headers.map((h, i) => cell('th', h, i)).join('')}</tr></thead>`,
    `<tbody>${rows.map((row) => `<tr>${row.map((v, i) => cell('td', v, i)).join('')}</tr>`).join('')}</tbody>`,
    '</table>',
  ].join('\n');
}

function htmlBody(r: ReturnReceipt, subject: string): string {
  const w = r.words;
  const e = escapeHtml;
  const parts = [
    '<!doctype html>',
    `<html lang="${r.language}">`,
    `<head><meta charset="utf-8"><title>${e(subject)}</title></head>`,
    '<body style="font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#111">',
    `<p>${e(w.greeting(r.customerName))}<br>${e(w.emailIntro(r.storeName))}</p>`,
    `<h1 style="font-size:22px">${e(w.title)} ${e(r.number)}</h1>`,
    '<p>',
    `${e(w.date)}: ${e(r.dateTime)}<br>`,
    `${e(r.order)}<br>`,
    `<strong>${e(w.status)}: ${e(r.statusLabel)}</strong><br>`,
    `${e(r.statusNote)}`,
    r.declinedBecause ? `<br>${e(w.declinedBecause)}: ${e(r.declinedBecause)}` : '',
    '</p>',
    htmlTable(
      `${w.itemsReturned} (${r.units.length})`,
      [w.columns.item, w.columns.size, w.columns.reason, w.columns.condition, w.columns.outcome],
      r.units.map((u) => [u.name, u.size, u.reason, u.condition, u.outcome]),
    ),
  ];
  if (r.refundLines.length > 0) {
    const c = w.refundColumns;
    parts.push(
      '<p></p>',
      htmlTable(
        w.refund,
        [c.item, c.qty, c.price, c.discount, c.refund],
        [
          ...r.refundLines.map((l) => [l.name, String(l.qty), l.price, l.discount, l.refund]),
          ...(r.shipping ? [[w.shipping, '', '', '', r.shipping]] : []),
        ],
        [1, 2, 3, 4],
      ),
    );
  }
  if (r.total) parts.push(`<p><strong>${e(r.total.label)}: ${e(r.total.amount)}</strong></p>`);
  if (r.paidTo) parts.push(`<p>${e(r.paidTo.label)}: ${e(r.paidTo.method)}</p>`);
  parts.push(
    `<p>${e(w.emailOutro)}</p>`,
    `<p>${e(r.storeName)}<br>${e(r.storeAddress)}</p>`,
    '</body>',
    '</html>',
  );
  return `${parts.filter(Boolean).join('\n')}\n`;
}

/** The receipt e-mail of a return, in `language`, with times in the store's zone. */
export function renderReturnReceiptEmail(
  detail: ReturnDetail,
  language: Language,
  timeZone = 'Europe/Rome',
): ReceiptEmail {
  const receipt = returnReceiptOf(detail, language, timeZone);
  const subject = receipt.words.emailSubject(receipt.storeName, receipt.number);
  return { subject, text: textBody(receipt), html: htmlBody(receipt, subject) };
}
