// The spectra viewer: pick owners from a searchable list, plot their spectra.
// Plain ES modules, no build step. The page works without this script (server-rendered counts);
// with it, #viewer is shown and gets data-state="ready" once the owner list is drawn.
import { loadSpectraList, groupByOwner, SpectrumSource } from './viewer-data.js';
import { drawPlot } from './viewer-plot.js';

const maxListed = 100;
const root = document.getElementById('viewer');
const search = document.getElementById('owner-search');
const status = document.getElementById('viewer-status');
const list = document.getElementById('owner-list');
const svg = document.getElementById('spectra-plot');
const legend = document.getElementById('plot-legend');
const source = new SpectrumSource(root.dataset.graphqlUrl, root.dataset.spectrumUrl);

let owners = [];
const ownerOfSpectrum = new Map();
const selected = new Set(); // spectrum ids

function setStatus(text, isError = false) {
    status.textContent = text;
    status.classList.toggle('error', isError);
}

// The selection lives in the URL (#s=17,18), like FPbase's ?s=, so a reload or a shared link keeps it.
function readSelection() {
    const match = /(?:^#|&)s=([\d,]+)/.exec(location.hash);
    return match ? match[1].split(',').map(Number).filter(id => ownerOfSpectrum.has(id)) : [];
}

function writeSelection() {
    const hash = selected.size ? `#s=${[...selected].join(',')}` : '';
    history.replaceState(null, '', location.pathname + location.search + hash);
}

function renderList() {
    const terms = search.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const matches = owners.filter(owner => terms.every(term => owner.search.includes(term)));
    const items = matches.slice(0, maxListed).map(owner => {
        const item = document.createElement('li');
        item.dataset.owner = owner.key;
        const label = document.createElement('label');
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.checked = owner.spectra.some(s => selected.has(s.id));
        box.addEventListener('change', () => toggleOwner(owner, box.checked));
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
    setStatus(matches.length === 0 ? 'Nothing matches.' : `${matches.length.toLocaleString()} of ${owners.length.toLocaleString()} owners.`);
}

function toggleOwner(owner, on) {
    for (const spectrum of owner.spectra) {
        if (on) {
            selected.add(spectrum.id);
        } else {
            selected.delete(spectrum.id);
        }
    }
    writeSelection();
    plot();
}

function renderLegend(spectra, failed) {
    const items = spectra.map(spectrum => {
        const item = document.createElement('li');
        const swatch = document.createElement('span');
        swatch.className = 'swatch';
        swatch.style.background = spectrum.color || '#888';
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.title = 'Remove';
        remove.textContent = '×';
        remove.addEventListener('click', () => {
            selected.delete(spectrum.id);
            writeSelection();
            renderList();
            plot();
        });
        item.append(swatch, `${spectrum.name} ${spectrum.subtype}`, remove);
        return item;
    });
    legend.replaceChildren(...items);
    if (failed.length > 0) {
        setStatus(`Could not load ${failed.length === 1 ? 'one spectrum' : `${failed.length} spectra`}: ${failed[0].message}`, true);
    }
}

let plotRun = 0;
async function plot() {
    const run = ++plotRun;
    const ids = [...selected];
    root.dataset.plotted = 'pending';
    const results = await Promise.allSettled(ids.map(id => source.get(id)));
    if (run !== plotRun) {
        return; // a newer selection is being drawn
    }
    const spectra = [];
    const failed = [];
    results.forEach((result, i) => {
        if (result.status === 'fulfilled') {
            const listed = ownerOfSpectrum.get(ids[i]);
            spectra.push({ ...result.value, id: ids[i], name: listed.owner.name, subtype: listed.subtype });
        } else {
            failed.push(result.reason);
        }
    });
    drawPlot(svg, spectra);
    renderLegend(spectra, failed);
    root.dataset.plotted = String(spectra.length);
}

async function start() {
    root.hidden = false;
    root.dataset.state = 'loading';
    drawPlot(svg, []);
    try {
        owners = groupByOwner(await loadSpectraList(root.dataset.listUrl));
    } catch (error) {
        root.dataset.state = 'error';
        setStatus(error.message, true);
        return;
    }
    for (const owner of owners) {
        for (const spectrum of owner.spectra) {
            ownerOfSpectrum.set(spectrum.id, { owner, subtype: spectrum.subtype });
        }
    }
    readSelection().forEach(id => selected.add(id));
    search.addEventListener('input', renderList);
    renderList();
    root.dataset.state = 'ready';
    if (selected.size > 0) {
        await plot();
    }
}

start();
