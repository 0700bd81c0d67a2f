// The element that has the focus, as a keyboard user sees it (tests/test_keyboard_phone.py):
// whether it is hidden (zero size, invisible, inside a hidden or inert container, cut off by a box
// around it, off screen or covered) and its focus outline's contrast against what is behind the
// outline (WCAG 2.2 2.4.11, 2.4.13), sampled on each side of it. null: no element has the focus.
async () => {
  // wait for the transitions the focus started that move, show or colour a box (a menu opening,
  // the skip link sliding in); not those of a text colour, which take most of the time
  const moving = /^(opacity|transform|visibility|max-height|height|width|left|right|top|bottom|background-color|box-shadow)$/;
  await Promise.all(document.getAnimations()
    .filter(a => a.effect && a.effect.getTiming().iterations !== Infinity && (!a.transitionProperty || moving.test(a.transitionProperty)))
    .map(a => a.finished.catch(() => null)));
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const cs = getComputedStyle(el);
  const rect = el.getBoundingClientRect();
  const describe = e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.className && typeof e.className === "string" ? "." + e.className.trim().split(/\s+/).join(".") : "");
  let hidden = null;
  if (rect.width < 1 || rect.height < 1) hidden = "zero size";
  else if (cs.visibility !== "visible") hidden = "visibility " + cs.visibility;
  let opacity = 1;
  for (let a = el; a && a.nodeType === 1; a = a.parentElement) {
    const s = getComputedStyle(a);
    opacity *= parseFloat(s.opacity);
    if (!hidden && (a.hidden || a.inert || a.getAttribute("aria-hidden") === "true")) hidden = "inside hidden " + describe(a);
    if (!hidden && a !== el && s.overflow !== "visible" && a !== document.documentElement && a !== document.body) {
      const r = a.getBoundingClientRect();
      const w = Math.min(rect.right, r.right) - Math.max(rect.left, r.left), h = Math.min(rect.bottom, r.bottom) - Math.max(rect.top, r.top);
      if (w < 1 || h < 1) hidden = "clipped by " + describe(a);
    }
  }
  if (!hidden && opacity < 0.5) hidden = "opacity " + opacity;
  if (!hidden && (rect.right <= 0 || rect.left >= innerWidth || rect.bottom <= 0 || rect.top >= innerHeight)) hidden = "off screen";
  if (!hidden) {
    // the parts of its boxes on screen (a box taller than the window, such as a table, is seen in part)
    const onScreen = r => ({left: Math.max(r.left, 0), right: Math.min(r.right, innerWidth), top: Math.max(r.top, 0), bottom: Math.min(r.bottom, innerHeight)});
    const pts = [...el.getClientRects()].map(onScreen).filter(r => r.right > r.left && r.bottom > r.top)
      .flatMap(r => [[.5, .5], [.1, .5], [.9, .5]].map(([fx, fy]) => [r.left + (r.right - r.left) * fx, r.top + (r.bottom - r.top) * fy]))
      .filter(([x, y]) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight);
    if (!pts.some(([x, y]) => { const t = document.elementFromPoint(x, y); return t && (t === el || el.contains(t)); })) hidden = "covered by " + (pts.length ? describe(document.elementFromPoint(...pts[0]) || document.body) : "?");
  }
  // the focus indicator: a solid outline, and the colour behind it
  const parse = c => { const m = c.match(/rgba?\(([^)]+)\)/); if (!m) return null; const v = m[1].split(/[ ,\/]+/).filter(Boolean).map(Number); return [v[0], v[1], v[2], v.length > 3 ? v[3] : 1]; };
  const lum = ([r, g, b]) => { const f = x => { x /= 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); }; return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const ratio = (a, b) => { const [l1, l2] = [lum(a), lum(b)].sort((x, y) => y - x); return (l1 + 0.05) / (l2 + 0.05); };
  const over = (top, bottom) => { const a = top[3]; return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a)).concat([1]); };
  const width = parseFloat(cs.outlineWidth) || 0, offset = parseFloat(cs.outlineOffset) || 0;
  const outline = {style: cs.outlineStyle, width, offset, color: cs.outlineColor};
  let contrast = null;
  const color = parse(cs.outlineColor);
  if (cs.outlineStyle !== "none" && width > 0 && color) {
    const inset = offset + width <= 0;
    const d = inset ? offset + width / 2 : offset + width / 2;  // distance from the border box (negative: inside)
    // the middle of each side, in the part of the box on screen
    const cx = (Math.max(rect.left, 0) + Math.min(rect.right, innerWidth)) / 2, cy = (Math.max(rect.top, 0) + Math.min(rect.bottom, innerHeight)) / 2;
    const samples = [[rect.left - d, cy], [rect.right + d, cy], [cx, rect.top - d], [cx, rect.bottom + d]]
      .filter(([x, y]) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight);
    const backgrounds = samples.map(([x, y]) => {
      const stack = document.elementsFromPoint(x, y).filter(e => inset ? !el.contains(e) || e === el : !el.contains(e));
      let layers = [];
      for (const e of stack) { const bg = parse(getComputedStyle(e).backgroundColor); if (bg && bg[3] > 0) { layers.push(bg); if (bg[3] >= 1) break; } }
      let c = [255, 255, 255, 1];
      for (const l of layers.reverse()) c = over(l, c);
      return c;
    });
    const drawn = c => over(color, c);
    contrast = backgrounds.length ? Math.min(...backgrounds.map(b => ratio(drawn(b), b))) : null;
  }
  const path = [];
  for (let a = el; a && a.parentElement; a = a.parentElement) path.unshift([...a.parentElement.children].indexOf(a));
  return {path: path.join("/"), el: describe(el), text: (el.getAttribute("aria-label") || el.textContent || "").trim().slice(0, 40), hidden, outline, contrast, rect: [rect.x, rect.y, rect.width, rect.height].map(Math.round)};
}
