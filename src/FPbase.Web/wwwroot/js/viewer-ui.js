// The viewer's lists: the owner list on the left, the legend under the chart, the efficiency table.

const maxListed = 100;

/** The owners matching the search, at most 100 of them, each a checkbox ticked when any of its spectra is chosen. */
export function renderOwnerList(list, owners, query, isChosen, onToggle) {
    const terms = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const matches = owners.filter(owner => terms.every(term => owner.search.includes(term)));
    const items = matches.slice(0, maxListed).map(owner => {
        const item = document.createElement('li');
        item.dataset.owner = owner.key;
        const label = document.createElement('label');
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.checked = owner.spectra.some(s => isChosen(String(s.id)));
        box.addEventListener('change', () => onToggle(owner, box.checked));
        const name = document.createElement('span');
        name.className = 'name';
        name.textContent = owner.name;
        const kind = document.createElement('span');
        kind.className = 'kind';
        kind.textContent = owner.kind;
        const subtypes = document.createElement('span');
        subtypes.className = 'subtypes';
        subtypes.textContent = owner.spectra.map(s => s.subtype).join(' · ');
        label.append(box, name, kind, subtypes);
        item.append(label);
        return item;
    });
    if (matches.length > maxListed) {
        const more = document.createElement('li');
        more.className = 'more';
        more.textContent = `${(matches.length - maxListed).toLocaleString()} more: refine the search.`;
        items.push(more);
    }
    list.replaceChildren(...items);
    return matches.length;
}

/**
 * One item per chosen spectrum: its swatch and name (a button that hides or shows it) and a remove button.
 * `entries`: `[{id, name, color, drawn, why}]`, `why` saying why an undrawn one is not drawn.
 */
export function renderLegend(legend, entries, onToggleHidden, onRemove) {
    const items = entries.map(entry => {
        const item = document.createElement('li');
        item.dataset.spectrumId = entry.id;
        item.classList.toggle('off', !entry.drawn);
        const toggle = document.createElement('button');
        toggle.type = 'button';
        toggle.className = 'toggle';
        toggle.title = entry.drawn ? 'Hide' : entry.why;
        const swatch = document.createElement('span');
        swatch.className = 'swatch';
        swatch.style.background = entry.color || '#888';
        toggle.append(swatch, entry.name);
        toggle.addEventListener('click', () => onToggleHidden(entry.id));
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.className = 'remove';
        remove.title = 'Remove';
        remove.textContent = '×';
        remove.addEventListener('click', () => onRemove(entry.id));
        item.append(toggle, remove);
        return item;
    });
    legend.replaceChildren(...items);
}

function percent(value) {
    return value === null ? '–' : `${(100 * value).toFixed(1)}%`;
}

/** `rows`: `[{key, name, ex, em, bright}]`: efficiencies as fractions, brightness as FPbase gives it, or null. */
export function renderEfficiency(section, caption, body, configName, rows) {
    section.hidden = !configName;
    caption.textContent = configName ?? '';
    const items = rows.map(row => {
        const tr = document.createElement('tr');
        tr.dataset.owner = row.key;
        const name = document.createElement('th');
        name.scope = 'row';
        name.textContent = row.name;
        const ex = document.createElement('td');
        ex.className = 'ex';
        ex.textContent = percent(row.ex);
        const em = document.createElement('td');
        em.className = 'em';
        em.textContent = percent(row.em);
        const bright = document.createElement('td');
        bright.className = 'bright';
        bright.textContent = row.bright === null ? '–' : row.bright.toFixed(2);
        tr.append(name, ex, em, bright);
        return tr;
    });
    if (items.length === 0) {
        const tr = document.createElement('tr');
        const td = document.createElement('td');
        td.colSpan = 4;
        td.className = 'empty';
        td.textContent = 'Choose a protein or dye to see how well this config excites it and collects its emission.';
        tr.append(td);
        items.push(tr);
    }
    body.replaceChildren(...items);
}
