// Run in each page of the layout test before the admin's own scripts (read as text, plain
// JavaScript): the session, signed in through the API so no context passes the login page, the
// language, a count of the page's open API requests (XHR and fetch), and the two helpers the test
// drives the single-page app with.
(function layoutInit(opts) {
  localStorage.setItem('club.token', opts.token);
  localStorage.setItem('club.language', opts.lang);
  // No transitions or animations: the test measures where things end up, and on two shared cores
  // the menu's and tables' motion only costs time.
  document.addEventListener('DOMContentLoaded', () => {
    const style = document.createElement('style');
    style.textContent = '*, *::before, *::after { transition: none !important; animation: none !important; }';
    document.head.appendChild(style);
  });
  // Whatever the Content-Security-Policy blocks (a script, a style, an image, a connection).
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  window.__inflight = 0;
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function (...args) {
    window.__inflight++;
    this.addEventListener('loadend', () => window.__inflight--, { once: true });
    return send.apply(this, args);
  };
  const fetch = window.fetch;
  window.fetch = (...args) => {
    window.__inflight++;
    return fetch(...args).finally(() => window.__inflight--);
  };

  /**
   * Clicks the page's own link (the router moves without a reload), marking the page it leaves:
   * the first link matching the first of the selectors that matches any.
   */
  window.__layoutGo = (selectors) => {
    const link = [].concat(selectors).map((s) => document.querySelector(s)).find(Boolean);
    if (!link) return null;
    const href = link.getAttribute('href');
    if (href !== location.pathname + location.search) for (const el of document.querySelectorAll('main.ant-layout-content > div > *')) el.setAttribute('data-layout-left', '');
    window.__calm = 0;
    link.click();
    return href;
  };

  /**
   * True once the router shows `path`, the page left is gone (a navigation renders in a
   * transition, so the old page may stay a moment after the address changed), and no API request
   * has been open and nothing has spun for two checks in a row.
   */
  window.__layoutReady = (path) => {
    const busy =
      location.pathname !== path ||
      window.__inflight > 0 ||
      Boolean(document.querySelector('[data-layout-left], .ant-spin-spinning, .ant-skeleton-active, .ant-btn-loading'));
    window.__calm = busy ? 0 : (window.__calm ?? 0) + 1;
    return window.__calm >= 2;
  };
})
