/**
 * An e-mail's HTML body made inert for showing: DOMPurify removes everything that could run or
 * submit (scripts, handlers, frames, forms, objects, styles that could load), and every image or
 * resource address that is not one of the e-mail's own inline images (cid:, turned into a data:
 * URL) is dropped, so opening an e-mail never tells a sender it was read. The result is shown in
 * a sandboxed frame without scripts, under its own CSP, as a second wall.
 */
import DOMPurify from 'dompurify';

const FORBID_TAGS = [
  'script',
  'style',
  'link',
  'meta',
  'base',
  'iframe',
  'frame',
  'frameset',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'object',
  'embed',
  'applet',
  'audio',
  'video',
  'source',
  'track',
  'svg',
  'math',
];

const RESOURCE_ATTRIBUTES = ['src', 'srcset', 'background', 'poster', 'lowsrc', 'dynsrc', 'data'];

export const EMAIL_FRAME_CSP =
  "default-src 'none'; img-src data:; style-src 'unsafe-inline'; form-action 'none'";

/** `inlineImages`: content id → data: URL of the e-mail's own inline images. */
export function sanitiseEmailHtml(
  html: string,
  inlineImages: ReadonlyMap<string, string>,
): { html: string; blockedImages: number } {
  let blockedImages = 0;
  const purify = DOMPurify();
  purify.addHook('afterSanitizeAttributes', (node) => {
    for (const attribute of RESOURCE_ATTRIBUTES) {
      const value = node.getAttribute(attribute);
      if (value === null) continue;
      const cid = /^cid:(.+)$/i.exec(value.trim())?.[1];
      const inline = cid ? inlineImages.get(cid) : undefined;
      if (attribute === 'src' && inline) {
        node.setAttribute('src', inline);
        continue;
      }
      node.removeAttribute(attribute);
      if (node.tagName === 'IMG') {
        blockedImages += 1;
        node.setAttribute('alt', node.getAttribute('alt') || '[remote image not loaded]');
      }
    }
    if (node.tagName === 'A') {
      node.setAttribute('rel', 'noopener noreferrer');
      node.removeAttribute('target');
    }
  });
  const clean = purify.sanitize(html, {
    FORBID_TAGS,
    FORBID_ATTR: ['style', 'target', 'ping', 'formaction', 'action'],
    WHOLE_DOCUMENT: false,
  });
  return { html: clean, blockedImages };
}

/** The frame's whole document: its own CSP first, then the sanitised body. */
export function emailFrameDocument(cleanHtml: string): string {
  return (
    `<!doctype html><html><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${EMAIL_FRAME_CSP}">` +
    `<style>body{font:14px/1.5 system-ui,sans-serif;margin:8px;overflow-wrap:anywhere}img{max-width:100%}</style>` +
    `</head><body>${cleanHtml}</body></html>`
  );
}

/** Text of an HTML body, for search, without running or loading anything (an inert document). */
export function htmlToText(html: string): string {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  for (const element of parsed.querySelectorAll('script, style, head')) element.remove();
  return (parsed.body?.textContent ?? '').replace(/\n{3,}/g, '\n\n').trim();
}
