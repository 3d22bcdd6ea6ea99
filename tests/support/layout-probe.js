// The layout test's checks, run inside the page in one evaluate (tests/browser-layout.test.ts reads
// this file as text, so it stays plain JavaScript with nothing a bundler would add). Returns the
// problems found on the page as it is drawn now: { kind, text, where }.
(function layoutProbe(opts) {
  const problems = [];
  const keys = new Set();
  // One problem per kind and place (a column, a description label: the first example), and per
  // word for what is found in the text (each code or rule id of a sentence).
  const add = (kind, text, where) => {
    const at = where ? String(where).replace(/\s+/g, ' ').trim().slice(0, 80) : '';
    const key = `${kind}|${at}|${kind.startsWith('value-') || kind === 'cell-overflow' ? '' : text}`;
    if (keys.has(key) || problems.length >= 60) return;
    keys.add(key);
    problems.push({ kind, text: String(text).replace(/\s+/g, ' ').trim().slice(0, 120), where: at });
  };
  /** The column title of a table cell, or the label of a description. */
  const placeOf = (cell) => {
    const label = cell.closest('.ant-descriptions-item')?.querySelector('.ant-descriptions-item-label') ?? cell.previousElementSibling;
    if (cell.matches('.ant-descriptions-item-content')) return `description “${label?.textContent ?? ''}”`;
    const table = cell.closest('.ant-table');
    const index = [...cell.parentElement.children].indexOf(cell);
    const th = table?.querySelectorAll('.ant-table-thead > tr:last-child > th')[index];
    return `column “${th?.textContent ?? index}”`;
  };
  const shown = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };

  // ── Menu groups: every group shown has at least one page in it.
  for (const group of document.querySelectorAll('.ant-layout-sider li.ant-menu-submenu')) {
    if (!shown(group)) continue;
    if (group.querySelectorAll('li.ant-menu-item').length === 0) add('empty-menu-group', group.querySelector('.ant-menu-submenu-title')?.textContent ?? '?');
  }

  // ── Cells: an id, amount, date or phone stays on one line and is wholly visible.
  const VALUE = [
    /^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?$/, // a date or a moment
    /^[-−+]?[¥$]?\d[\d,]*(?:\.\d+)?(?:万|亿|%|K|M|B)?$/, // an amount or a count
    /^(?=[^\s]*\d)[A-Za-z0-9][A-Za-z0-9\-_/.*#]{3,}$/, // a code or number: SQ2026-000123, NJ0100012, 138****5678
  ];
  const isValue = (s) => VALUE.some((re) => re.test(s));
  const range = document.createRange();
  const cells = document.querySelectorAll('.ant-table-tbody > tr:not(.ant-table-measure-row):not(.ant-table-placeholder) > td, .ant-descriptions-item-content');
  for (const cell of cells) {
    if (!shown(cell)) continue;
    const cellRect = cell.getBoundingClientRect();
    const row = cell.closest('tr.ant-table-row') ?? null;
    const rowName = placeOf(cell);
    const fixedRight = row && !cell.matches('.ant-table-cell-fix-right') ? [...row.querySelectorAll(':scope > td.ant-table-cell-fix-right')].map((c) => c.getBoundingClientRect()) : [];
    const fixedLeft = row && !cell.matches('.ant-table-cell-fix-left') ? [...row.querySelectorAll(':scope > td.ant-table-cell-fix-left')].map((c) => c.getBoundingClientRect()) : [];
    // What clips the cell's content: the cell, any box inside with overflow, and the table's scroller.
    const clippers = [];
    for (let el = cell; el && el !== document.body; el = el.parentElement) {
      if (el === cell || getComputedStyle(el).overflowX !== 'visible') clippers.push(el.getBoundingClientRect());
      if (el.matches('.ant-table-container, .ant-descriptions')) break;
    }

    // Content wider than the cell itself (a clipped button such as "Re|verse", a spilled tag).
    if (cell.scrollWidth > cell.clientWidth + 1) add('cell-overflow', cell.textContent, rowName);

    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent.trim();
      if (!text || !isValue(text)) continue;
      const parent = node.parentElement;
      if (!parent || !shown(parent)) continue;
      range.selectNodeContents(node);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0.5);
      if (!rects.length) continue;
      const tops = [];
      for (const r of rects) if (!tops.some((t) => Math.abs(t - r.top) < 3)) tops.push(r.top);
      if (tops.length > 1) add('value-wraps', text, rowName);
      const box = range.getBoundingClientRect();
      if (clippers.some((c) => box.right > c.right + 1 || box.left < c.left - 1)) add('value-clipped', text, rowName);
      else if (fixedRight.some((f) => box.right > f.left + 1 && box.left < f.right)) add('value-under-fixed-column', text, rowName);
      else if (fixedLeft.some((f) => box.left < f.right - 1 && box.right > f.left)) add('value-under-fixed-column', text, rowName);
      // An element with its own ellipsis cuts the value short.
      for (let el = parent; el && el !== cell.parentElement; el = el.parentElement) {
        if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible') {
          add('value-clipped', text, rowName);
          break;
        }
      }
    }
    void cellRect;
  }

  // ── Nothing blocked by the Content-Security-Policy since the last check.
  for (const v of (window.__cspViolations ?? []).splice(0)) add('csp-violation', v, '');

  // ── No error screen (a failed page, a 403 or 500 result) and no record error in place of a page.
  for (const el of document.querySelectorAll('.ant-result-error, .ant-result-500, .ant-result-403, .ant-result-404')) add('error-screen', el.textContent, '');

  // ── Visible text: no untranslated codes, rule ids or string keys.
  const text = document.body.innerText;
  const codes = new Set(opts.codes);
  const seen = new Set();
  for (const token of text.match(/[A-Za-z0-9_]+/g) ?? []) {
    if (seen.has(token)) continue;
    seen.add(token);
    if (codes.has(token) || /^[A-Z][A-Z0-9]*_[A-Z0-9_]+$/.test(token)) add('untranslated-code', token, lineWith(text, token));
  }
  for (const m of text.matchAll(/(?<![A-Za-z0-9])[A-Z]{1,2}-\d{1,2}(?![\d])|附录\s*[0-9一二三四五六七八九十]+|[Aa]ppendix\s*\d+/g)) add('rule-id', m[0], lineWith(text, m[0]));
  for (const m of text.matchAll(/(?<![\w@/.-])[a-z][a-z-]+\.[a-z][A-Za-z-]+\.[A-Za-z][\w.-]*(?![\w@])/g)) add('string-key', m[0], lineWith(text, m[0]));
  return problems;

  function lineWith(all, token) {
    return all.split('\n').find((l) => l.includes(token)) ?? '';
  }
})
