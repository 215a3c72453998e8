// The preview page's script, as served (/preview.js). It listens to the
// server's `pages` events; after each it fetches only the pages whose hash
// changed, and the glyph outlines they refer to that it does not have yet,
// then swaps those pages in place: no reload, the scroll position stays.
// Problems are listed above the pages; when a rebuild failed, the pages shown
// stay those of the last good one. A click on a line of text says which
// article file and line it came from (the SVG's data-source).
export const CLIENT_SCRIPT = String.raw`'use strict';
(() => {
  const texts = JSON.parse(document.getElementById('texts').textContent);
  const fill = (s, p) => s.replace(/\{(\w+)\}/g, (_, k) => String(p[k]));
  const pagesEl = document.getElementById('pages');
  const store = document.querySelector('#glyphs defs');
  const have = new Set();
  const statusEl = document.getElementById('status');
  const sourceEl = document.getElementById('source');
  const problemsEl = document.getElementById('problems');
  const listEl = document.getElementById('problem-list');
  const failedEl = document.getElementById('failed');
  let shownVersion = -1;
  let latest = null;
  let busy = false;

  const fetchText = async (url) => {
    const res = await fetch(url, { cache: 'no-store' });
    if (!res.ok) throw new Error(url + ': ' + res.status);
    return res.text();
  };

  /** Parse an SVG document's text into an element of this document. */
  const parseSvg = (text) => {
    const t = document.createElement('template');
    t.innerHTML = text;
    return t.content.querySelector('svg');
  };

  /** Fetch the outlines of the glyphs the pages refer to and are not here yet. */
  const fetchGlyphs = async (svgs) => {
    const missing = new Set();
    for (const svg of svgs) {
      for (const use of svg.querySelectorAll('use')) {
        const id = (use.getAttribute('href') || use.getAttributeNS('http://www.w3.org/1999/xlink', 'href') || '').slice(1);
        if (id && !have.has(id)) missing.add(id);
      }
    }
    const ids = [...missing];
    for (let i = 0; i < ids.length; i += 500) {
      const doc = parseSvg(await fetchText('/glyphs?ids=' + ids.slice(i, i + 500).join(',')));
      for (const path of doc.querySelectorAll('path')) {
        have.add(path.id);
        store.appendChild(path);
      }
    }
  };

  const showProblems = (state) => {
    listEl.replaceChildren(...state.problems.map((p) => {
      const li = document.createElement('li');
      li.className = p.severity;
      li.textContent = p.text;
      return li;
    }));
    problemsEl.hidden = state.problems.length === 0;
    problemsEl.classList.toggle('warnings-only', !state.failed && !state.problems.some((p) => p.severity === 'error'));
    failedEl.hidden = !state.failed;
    document.body.classList.toggle('stale', state.failed);
  };

  const showPages = async (state) => {
    const current = [...pagesEl.querySelectorAll('.page')];
    const changed = state.pages.filter((p, i) => !current[i] || current[i].dataset.hash !== p.hash);
    const svgs = await Promise.all(changed.map(async (p) => [p, parseSvg(await fetchText('/pages/' + p.number + '.svg?h=' + p.hash))]));
    await fetchGlyphs(svgs.map(([, svg]) => svg));
    for (const [p, svg] of svgs) {
      const i = p.number - 1;
      let div = current[i];
      if (!div) {
        div = document.createElement('div');
        div.className = 'page';
        pagesEl.appendChild(div);
        current[i] = div;
      }
      div.dataset.page = String(p.number);
      div.dataset.hash = p.hash;
      div.replaceChildren(svg);
    }
    for (const div of current.slice(state.pages.length)) div.remove();
    const empty = document.getElementById('empty');
    if (empty) empty.hidden = state.pages.length > 0;
  };

  const apply = async (state) => {
    showProblems(state);
    if (state.version !== shownVersion) {
      await showPages(state);
      shownVersion = state.version;
    }
    statusEl.textContent = fill(texts.pages, { n: state.pages.length }) + ' · ' + fill(texts.rebuilt, { ms: state.ms });
    document.body.dataset.version = String(shownVersion);
    document.body.dataset.failed = String(state.failed);
  };

  /** One update at a time, always to the newest state. */
  const pump = async () => {
    if (busy) return;
    busy = true;
    try {
      while (latest) {
        const state = latest;
        latest = null;
        try {
          await apply(state);
        } catch (err) {
          console.error(err);
        }
      }
    } finally {
      busy = false;
    }
  };

  const events = new EventSource('/events');
  events.addEventListener('pages', (e) => {
    latest = JSON.parse(e.data);
    document.body.dataset.connected = 'true';
    void pump();
  });
  events.addEventListener('error', () => {
    document.body.dataset.connected = 'false';
    statusEl.textContent = texts.disconnected;
  });

  /** A light box behind the clicked line's text, in its page's SVG. */
  let mark = null;
  pagesEl.addEventListener('click', (e) => {
    const el = e.target instanceof Element ? e.target.closest('[data-source]') : null;
    if (mark) mark.remove();
    mark = null;
    if (!el) return;
    const box = el.getBBox();
    mark = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
    mark.setAttribute('class', 'picked');
    for (const [k, v] of [['x', box.x], ['y', box.y], ['width', box.width], ['height', box.height]]) mark.setAttribute(k, String(v));
    // Over the paper (the page's first rect), under the glyphs.
    el.ownerSVGElement.querySelector('rect').after(mark);
    const m = /^(.*):(\d+):(\d+)$/.exec(el.getAttribute('data-source'));
    if (!m) return;
    sourceEl.textContent = fill(texts.source, { file: m[1], line: m[2] });
    sourceEl.dataset.file = m[1];
    sourceEl.dataset.line = m[2];
    sourceEl.classList.add('found');
  });
})();
`;
