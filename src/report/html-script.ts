/**
 * The HTML report's script, inside the page. Filters hide findings and their marks; n / p (or
 * j / k) move from one shown finding to the next; on a wide screen each card is moved down beside
 * its mark (never over the card before it, hidden cards taking no room), and on a narrow one the
 * cards follow the draft in their order, as they do when the script does not run.
 */
export const PAGE_SCRIPT = `
(() => {
  const findings = [...document.querySelectorAll('.finding')];
  const marks = [...document.querySelectorAll('mark[data-findings]')];
  const marksOf = (id) => marks.filter((m) => m.dataset.findings.split(' ').includes(id));
  const firstMark = new Map(findings.map((f) => [f, marksOf(f.dataset.id)[0]]));
  const narrow = window.matchMedia('(max-width: 50rem)');
  const lineUp = () => {
    for (const list of document.querySelectorAll('.findings')) {
      const cards = [...list.children];
      for (const card of cards) card.style.marginTop = '';
      if (narrow.matches) continue;
      const shown = cards.filter((card) => !card.classList.contains('hidden'));
      // Everything measured first, then moved, so that the page is laid out once.
      const top = list.getBoundingClientRect().top;
      const wanted = shown.map((card) => { const mark = firstMark.get(card); return mark ? mark.getBoundingClientRect().top - top : 0; });
      const heights = shown.map((card) => card.getBoundingClientRect().height);
      const gaps = shown.map((card) => parseFloat(getComputedStyle(card).marginBottom) || 0);
      let free = 0;
      shown.forEach((card, i) => {
        const at = Math.max(wanted[i], free);
        card.style.marginTop = (at - free) + 'px';
        free = at + heights[i] + gaps[i];
      });
    }
  };
  let queued = false;
  const lineUpSoon = () => { if (!queued) { queued = true; requestAnimationFrame(() => { queued = false; lineUp(); }); } };
  window.addEventListener('resize', lineUpSoon);
  // A card's technical details, opened or closed, change its height.
  document.addEventListener('toggle', lineUp, true);
  const checked = (name) => new Set([...document.querySelectorAll('input[name="' + name + '"]:checked')].map((i) => i.value));
  const apply = () => {
    const categories = checked('category');
    const severities = checked('severity');
    let shown = 0;
    const hidden = new Set();
    for (const f of findings) {
      const show = categories.has(f.dataset.category) && severities.has(f.dataset.severity);
      f.classList.toggle('hidden', !show);
      if (show) shown += Number(f.dataset.count);
      else hidden.add(f.dataset.id);
    }
    // A mark stays while any of its findings is shown.
    for (const m of marks) m.classList.toggle('off', m.dataset.findings.split(' ').every((id) => hidden.has(id)));
    document.getElementById('shown').textContent = shown === 1 ? '1 finding shown' : shown + ' findings shown';
    lineUp();
  };
  document.querySelectorAll('input[name="category"], input[name="severity"]').forEach((i) => i.addEventListener('change', apply));
  let current = -1;
  const go = (step) => {
    const visible = findings.filter((f) => !f.classList.contains('hidden'));
    if (visible.length === 0) return;
    const at = visible.indexOf(findings[current]);
    const next = visible[(at + step + visible.length) % visible.length];
    findings.forEach((f) => f.classList.remove('current'));
    current = findings.indexOf(next);
    next.classList.add('current');
    const mark = firstMark.get(next);
    (mark || next).focus();
    next.scrollIntoView({ block: 'nearest' });
  };
  document.addEventListener('keydown', (event) => {
    if (event.target instanceof HTMLInputElement || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'n' || event.key === 'j') { go(1); event.preventDefault(); }
    if (event.key === 'p' || event.key === 'k') { go(-1); event.preventDefault(); }
  });
  for (const mark of marks) {
    mark.addEventListener('click', () => { const f = document.getElementById('f-' + mark.dataset.finding); current = findings.indexOf(f); f.focus(); });
    mark.addEventListener('keydown', (event) => { if (event.key === 'Enter') mark.click(); });
  }
  apply();
})();
`;
