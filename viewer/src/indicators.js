// The indicator panel: /indicators/{xzqdm}?f=json (shape in docs/planning.md) for the unit in view.
const text = (value) => String(value ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
const number = (value, digits = 2) => (typeof value === 'number' ? value.toFixed(digits) : '—');
const STATUS = { met: '达标 met', 'not met': '未达标 not met', 'no target': '无目标 no target', incomplete: '不完整 incomplete' };

export function renderIndicators(report) {
  const rows = (report.indicators ?? []).map((indicator) => {
    const bound = indicator.bound === 'max' ? '≤' : '≥';
    const statusClass = indicator.status === 'met' ? 'met' : indicator.status === 'not met' ? 'not-met' : '';
    return `<tr data-indicator="${text(indicator.id)}"><td>${text(indicator.nameZh)}<br><span class="note">${text(indicator.nameEn)}</span></td>`
      + `<td class="value">${number(indicator.value)} ${text(indicator.unit)}</td>`
      + `<td class="target">${indicator.target == null ? '—' : `${bound} ${text(indicator.target)} ${text(indicator.unit)}`}</td>`
      + `<td class="status ${statusClass}">${text(STATUS[indicator.status] ?? indicator.status)}</td>`
      + `<td class="margin">${number(indicator.margin)}</td></tr>`;
  }).join('');
  const conflicts = (report.conflicts ?? []).map((conflict) => `<li><a href="#" data-lon="${text(conflict.lon)}" data-lat="${text(conflict.lat)}">`
    + `${text(conflict.bsm)}</a> ${text(conflict.lineA)} × ${text(conflict.lineB)}: `
    + `${number(conflict.areaM2, 0)} m² @ ${number(conflict.lon, 4)}, ${number(conflict.lat, 4)}</li>`).join('');
  return `<p><b>${text(report.xzqmc)}</b> ${text(report.xzqdm)}<br><span class="note">${text(report.plan)} ${text(report.approval)}</span></p>`
    + `<table><tr><th>指标 Indicator</th><th>现状 Value</th><th>目标 Target</th><th>状态 Status</th><th>余量 Margin</th></tr>${rows}</table>`
    + `<p class="note">面积 areas: ${text(report.areaMethod)} ${text((report.crs ?? []).join(' '))}</p>`
    + `<h3>三线冲突 Conflicts: ${(report.conflicts ?? []).length}</h3><ul>${conflicts}</ul>`;
}

const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

/** Loads and shows the indicators of one unit; a unit without targets or a server without them says so.
 * The server answers 503 with Retry-After until its first computation is done (docs/planning.md): wait and ask
 * again, a few times. `goTo(lon, lat)` centres the map on a conflict. */
export async function showIndicators(element, unit, template, goTo) {
  if (!template) {
    element.innerHTML = '<p class="note">此服务器未提供指标。 This server publishes no indicators.</p>';
    return;
  }
  const url = `..${template.replace('{xzqdm}', encodeURIComponent(unit.xzqdm))}`;
  let response = await fetch(url, { headers: { Accept: 'application/json' } });
  for (let attempt = 0; response.status === 503 && attempt < 10; attempt++) {
    element.innerHTML = '<p class="note">指标计算中… computing indicators…</p>';
    await sleep(1000 * Math.min(10, Number(response.headers.get('Retry-After')) || 2));
    response = await fetch(url, { headers: { Accept: 'application/json' } });
  }
  if (!response.ok) {
    element.innerHTML = `<p class="note">${text(unit.xzqmc)}: 无指标 no indicators (HTTP ${response.status})</p>`;
    return;
  }
  element.innerHTML = renderIndicators(await response.json());
  element.querySelectorAll('a[data-lon]').forEach((link) => link.addEventListener('click', (event) => {
    event.preventDefault();
    goTo(Number(link.dataset.lon), Number(link.dataset.lat));
  }));
}
