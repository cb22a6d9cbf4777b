import type { Language } from './message-format';
import { html, type SafeHtml } from './safe-html';

/** The pieces an e-mail is made of; each renders to plain text and to HTML. */
export type Block =
  | { type: 'paragraph'; text: string }
  | { type: 'code'; label: string; code: string; spoken: string }
  | { type: 'qr'; cid: string; alt: string; caption: string; passText: string; passLabel: string }
  /** A product's picture from its https address (ADR 0055): the HTML shows it, the text needs none. */
  | { type: 'picture'; src: string; alt: string }
  | { type: 'list'; label: string; items: string[] }
  | { type: 'link'; text: string; label: string; href: string }
  | { type: 'table'; caption: string; rows: { head: string; value: string }[] };

export interface EmailContent {
  language: Language;
  subject: string;
  heading: string;
  greeting: string;
  blocks: Block[];
  signature: string;
}

function textOf(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return block.text;
    case 'code':
      return `${block.label}: ${block.code}`;
    case 'qr':
      // Mail clients that show no images still carry the pass: the counter can type it in.
      return `${block.caption}\n${block.passLabel}: ${block.passText}`;
    case 'picture':
      return '';
    case 'link':
      return `${block.text}\n${block.label}: ${block.href}`;
    case 'list':
      return [`${block.label}:`, ...block.items.map((item) => `- ${item}`)].join('\n');
    case 'table':
      return [`${block.caption}:`, ...block.rows.map((row) => `  ${row.head}: ${row.value}`)].join('\n');
  }
}

const text = 'color:#1a1a1a;font-size:16px;line-height:1.5;margin:0 0 16px';

function htmlOf(block: Block): SafeHtml {
  switch (block.type) {
    case 'paragraph':
      return html`<p style="${text}">${block.text}</p>`;
    case 'code':
      return html`<p style="${text}">
        ${block.label}:
        <strong style="font-size:24px;letter-spacing:2px" aria-label="${block.spoken}">${block.code}</strong>
      </p>`;
    case 'qr':
      return html`<figure style="margin:0 0 16px">
        <img
          src="cid:${block.cid}"
          alt="${block.alt}"
          width="220"
          height="220"
          style="display:block;width:220px;height:220px;border:0;image-rendering:pixelated"
        />
        <figcaption style="${text};margin-top:8px">${block.caption}</figcaption>
      </figure>`;
    case 'picture':
      // Fixed in size, so a client that blocks remote images until asked keeps its layout and
      // shows the product's name in the box instead.
      return html`<p style="margin:0 0 16px">
        <img
          src="${block.src}"
          alt="${block.alt}"
          width="160"
          height="160"
          style="display:block;width:160px;height:160px;border:0;object-fit:contain"
        />
      </p>`;
    case 'link':
      return html`<p style="${text}">
        ${block.text}
        <a href="${block.href}" style="color:#0b57d0;font-weight:bold;text-decoration:underline"
          >${block.label}</a
        >
      </p>`;
    case 'list':
      return html`<p style="${text};margin-bottom:4px">${block.label}:</p>
        <ul style="${text};padding-left:24px">
          ${block.items.map((item) => html`<li>${item}</li>`)}
        </ul>`;
    case 'table':
      return html`<table style="border-collapse:collapse;margin:0 0 16px;font-size:16px;color:#1a1a1a">
        <caption style="text-align:left;font-weight:bold;padding:0 0 4px">
          ${block.caption}
        </caption>
        <tbody>
          ${block.rows.map(
            (row) =>
              html`<tr>
                <th scope="row" style="text-align:left;font-weight:normal;padding:2px 16px 2px 0">
                  ${row.head}
                </th>
                <td style="padding:2px 0">${row.value}</td>
              </tr>`,
          )}
        </tbody>
      </table>`;
  }
}

/**
 * Plain text and HTML from the same content. The HTML is one column with inline styles (mail
 * clients drop style sheets), the language declared, real headings, a data table only for data,
 * dark text on white (contrast above 15:1), 16 px text, and no external font. The one external
 * image is a product's picture from the catalogue's own https address (ADR 0055).
 */
export function layoutEmail(content: EmailContent): { subject: string; text: string; html: string } {
  const plain = [content.greeting, ...content.blocks.map(textOf).filter(Boolean), content.signature].join(
    '\n\n',
  );
  const markup = html`<!doctype html>
    <html lang="${content.language}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${content.subject}</title>
      </head>
      <body style="margin:0;padding:0;background:#ffffff">
        <div
          role="article"
          aria-label="${content.subject}"
          lang="${content.language}"
          style="max-width:600px;margin:0 auto;padding:24px;font-family:Arial,Helvetica,sans-serif"
        >
          <h1 style="font-size:24px;line-height:1.3;color:#1a1a1a;margin:0 0 16px">${content.heading}</h1>
          <p style="${text}">${content.greeting}</p>
          ${content.blocks.map(htmlOf)}
          <p style="${text}">${content.signature}</p>
        </div>
      </body>
    </html>`;
  return { subject: content.subject, text: `${plain}\n`, html: markup.value };
}
