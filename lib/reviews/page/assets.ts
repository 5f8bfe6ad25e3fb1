/**
 * The review page's inline CSS and script, and the Content-Security-Policy that allows exactly
 * them (by SHA-256): the page loads nothing else. Computed once per process.
 */
import { createHash } from 'node:crypto';
import { reviewPageScript } from './script';

/** Mobile first; 48 px targets; visible focus; colours with WCAG AA contrast on the page's background. */
export const reviewPageCss = [
  '*{box-sizing:border-box}',
  'html{-webkit-text-size-adjust:100%}',
  'body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1e293b;background:#f8fafc}',
  'main{max-width:34rem;margin:0 auto;padding:.75rem 1rem 2rem}',
  '.top{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.25rem}',
  '.biz{display:flex;align-items:center;gap:.5rem;margin:0;font-weight:700;color:#047857}',
  '.biz img{flex:none;width:3.5rem;height:3.5rem;object-fit:contain;border-radius:.5rem}',
  '.lang{display:flex;gap:.25rem}',
  '.lang a{display:inline-flex;align-items:center;min-height:3rem;min-width:3rem;padding:0 .5rem;color:#1d4ed8}',
  '.lang a[aria-current]{color:#1e293b;font-weight:700;text-decoration:none}',
  'h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0}',
  'p{margin:.5rem 0}',
  '.hint{color:#475569;font-size:.9375rem}',
  'fieldset{border:0;padding:0;margin:1.5rem 0 0;min-width:0}',
  'legend{font-weight:700;padding:0;margin-bottom:.25rem}',
  '.lbl{display:block;font-weight:700;margin:1.25rem 0 .25rem}',
  '.sr{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;color:#1e293b}',
  '.st,.nps{position:relative;display:flex;flex-wrap:wrap;gap:.25rem}',
  '.st input,.nps input{position:absolute;opacity:0;width:1px;height:1px;margin:0}',
  '.st label{display:flex;align-items:center;justify-content:center;width:3.25rem;height:3.25rem;font-size:2.5rem;line-height:1;color:#64748b;cursor:pointer}',
  '.st :checked+label,.st label.on,.st:has(:checked) label{color:#d97706}',
  '.st :checked+label~label{color:#64748b}',
  '.nps{display:grid;grid-template-columns:repeat(6,1fr)}',
  '.nps label{display:flex;align-items:center;justify-content:center;min-height:3rem;border:1px solid #64748b;border-radius:.5rem;background:#fff;font-weight:700;cursor:pointer}',
  '.nps :checked+label{background:#047857;border-color:#047857;color:#fff}',
  ':focus-visible,:focus-visible+label{outline:3px solid #1d4ed8;outline-offset:2px}',
  'input[type=text],input[type=tel],textarea{display:block;width:100%;min-height:3rem;padding:.625rem .75rem;border:1px solid #64748b;border-radius:.5rem;background:#fff;color:inherit;font:inherit}',
  'textarea{min-height:7rem;resize:vertical}',
  '[aria-invalid=true]{border-color:#b91c1c!important}',
  '.cb{display:flex;gap:.75rem;align-items:flex-start;min-height:3rem;padding:.625rem 0;cursor:pointer}',
  '.cb input{flex:none;width:1.5rem;height:1.5rem;margin:0;accent-color:#047857}',
  '.err{margin:.25rem 0 0;color:#b91c1c;font-weight:600}',
  '.err:empty{display:none}',
  '.box{margin:1rem 0;padding:.75rem 1rem;border:2px solid #b91c1c;border-radius:.5rem;background:#fef2f2}',
  '.box.wait{border-color:#b45309;background:#fffbeb}',
  '.box ul{margin:.25rem 0 0;padding-left:1.25rem}',
  '.box a{color:#991b1b}',
  '.btn{display:flex;align-items:center;justify-content:center;width:100%;min-height:3rem;margin:1.5rem 0 0;padding:.75rem 1rem;border:2px solid #047857;border-radius:.5rem;background:#047857;color:#fff;font:inherit;font-weight:700;text-decoration:none;cursor:pointer}',
  '.btn2{background:#fff;color:#047857}',
  '.btn:disabled{opacity:.75}',
  '.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}',
  'footer{margin-top:2rem;color:#475569;font-size:.875rem}',
  '[hidden]{display:none!important}',
].join('');

export const reviewPageJs = `(${reviewPageScript.toString()})()`;

const sha256 = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

const cssHash = sha256(reviewPageCss);
const jsHash = sha256(reviewPageJs);

/**
 * The page's own policy (proxy.ts leaves /r/ to it): nothing but its inline style and script (and
 * the logo when it shows one), fetch and form posts to this origin only, no framing, no plugins,
 * no <base>.
 */
export function reviewPageCsp(opts: { https: boolean; script: boolean; logo?: boolean }): string {
  return [
    "default-src 'none'",
    `script-src ${opts.script ? jsHash : "'none'"}`,
    `style-src ${cssHash}`,
    // The page's icon is an empty data: URL, so the browser asks the server for no favicon; the
    // business's logo, when the page shows one, comes from this origin (/r/<slug>/logo).
    `img-src ${opts.logo ? "'self' " : ''}data:`,
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    ...(opts.https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}
