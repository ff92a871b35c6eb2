// The spectra viewer: pick owners from a searchable list, plot their spectra, an optical config with the
// efficiency of each fluorophore through it, custom filters and lasers, export.
// Plain ES modules, no build step. The page works without this script (server-rendered counts);
// with it, #viewer is shown and gets data-state="ready" once the owner list is drawn, and data-plotted
// (the number of curves drawn) after each drawing.
import { loadSpectraList, groupByOwner, SpectrumSource, OwnerScalars } from './viewer-data.js';
import { drawPlot, xRange, wavelengthColor, peak } from './viewer-plot.js';
import { readState, writeState, parseSpectrumId, customFilterId, customLaserId } from './viewer-url.js';
import { customFilterData, customFilterName, laserData, scaledData, valueAt, configPaths, efficiency } from './viewer-math.js';
import { loadConfigList, fillConfigSelect, loadConfig } from './viewer-config.js';
import { renderOwnerList, renderLegend, renderEfficiency } from './viewer-ui.js';
import { exportCsv, exportPng, exportSvg } from './viewer-export.js';

const $ = id => document.getElementById(id);
const root = $('viewer');
const search = $('owner-search');
const status = $('viewer-status');
const svg = $('spectra-plot');
const configSelect = $('optical-config');
const source = new SpectrumSource(root.dataset.graphqlUrl, root.dataset.spectrumUrl);
const scalars = new OwnerScalars();

let owners = [];
const listed = new Map(); // spectrum id (string) -> {owner, subtype}
let state = readState(location);
let config = null; // {id, name, ids: [spectrum ids it added], parts}
let drawn = { curves: [], range: [350, 750] };

function setStatus(text, isError = false) {
    status.textContent = text;
    status.classList.toggle('error', isError);
}

function save() {
    history.replaceState(null, '', location.pathname + writeState(state));
}

function renderList() {
    const count = renderOwnerList($('owner-list'), owners, search.value, id => state.spectra.includes(id), toggleOwner);
    setStatus(count === 0 ? 'Nothing matches.' : `${count.toLocaleString()} of ${owners.length.toLocaleString()} owners.`);
}

function choose(ids) {
    for (const id of ids) {
        if (!state.spectra.includes(id)) {
            state.spectra.push(id);
        }
    }
}

function drop(ids) {
    state.spectra = state.spectra.filter(id => !ids.includes(id));
    ids.forEach(id => state.hidden.delete(id));
}

function toggleOwner(owner, on) {
    const ids = owner.spectra.map(s => String(s.id));
    if (on) {
        choose(ids);
    } else {
        drop(ids);
    }
    changed();
}

function changed() {
    save();
    plot();
}

/** What the viewer knows of a chosen id before loading it: `{name, subtype, category, color, owner}`. */
function describe(id) {
    const custom = parseSpectrumId(id);
    if (custom?.kind === 'filter') {
        return { name: customFilterName(custom), subtype: custom.type.toLowerCase(), category: 'f', color: wavelengthColor(custom.center) };
    }
    if (custom?.kind === 'laser') {
        return { name: `${custom.wavelength} laser`, subtype: 'pd', category: 'l', color: wavelengthColor(custom.wavelength) };
    }
    const entry = listed.get(id);
    const fluor = entry.owner.category === 'p' || entry.owner.category === 'd';
    return { name: fluor ? `${entry.owner.name} ${entry.subtype}` : entry.owner.name, subtype: entry.subtype, category: entry.owner.category, owner: entry.owner };
}

async function dataOf(id) {
    const custom = parseSpectrumId(id);
    if (custom?.kind === 'filter') {
        return { data: customFilterData(custom) };
    }
    if (custom?.kind === 'laser') {
        return { data: laserData(custom.wavelength) };
    }
    return source.get(Number(id));
}

/** The id of an owner's excitation (else absorption) and emission spectra. */
function fluorSpectra(owner) {
    const find = subtype => owner.spectra.find(s => s.subtype === subtype);
    const ex = find('ex') ?? find('ab');
    return { ex: ex ? String(ex.id) : null, em: find('em') ? String(find('em').id) : null };
}

function whyNotDrawn(id, info) {
    if (state.hidden.has(id)) {
        return 'Hidden: click to show';
    }
    return info.subtype === '2p' && !state.showTwoPhoton ? 'Two-photon: tick “Show two-photon spectra” to draw it' : '';
}

let plotRun = 0;
async function plot() {
    const run = ++plotRun;
    root.dataset.plotted = 'pending';
    const entries = state.spectra.map(id => ({ id, ...describe(id) }));
    const results = await Promise.allSettled(entries.map(e => dataOf(e.id)));
    const exScale = new Map(); // owner key -> its excitation at the normalization wavelength
    if (state.normWave !== null) {
        for (const entry of entries.filter(e => e.subtype === 'em' && e.owner)) {
            const ex = fluorSpectra(entry.owner).ex;
            const data = ex ? (await source.get(Number(ex)).catch(() => null))?.data : null;
            exScale.set(entry.owner.key, data ? valueAt(scaledData(data, entry.category), state.normWave) : 0);
        }
    }
    const quantumYields = new Map(); // spectrum id -> its owner's QY, for scaleQY
    if (state.scaleQY) {
        for (const entry of entries.filter(e => e.subtype === 'em' && e.owner)) {
            const qy = (await scalars.get(entry.owner.slug).catch(() => null))?.get(entry.id);
            if (typeof qy === 'number') {
                quantumYields.set(entry.id, qy);
            }
        }
    }
    const rows = await efficiencyRows();
    if (run !== plotRun) {
        return; // a newer selection is being drawn
    }
    const curves = [];
    const legend = [];
    const failed = [];
    entries.forEach((entry, i) => {
        const result = results[i];
        if (result.status !== 'fulfilled') {
            failed.push(result.reason);
            return;
        }
        let data = scaledData(result.value.data, entry.category);
        if (exScale.has(entry.owner?.key) && entry.subtype === 'em') {
            const scale = exScale.get(entry.owner.key);
            data = data.map(([nm, value]) => [nm, value * scale]);
        }
        if (quantumYields.has(entry.id)) {
            const qy = quantumYields.get(entry.id);
            data = data.map(([nm, value]) => [nm, value * qy]);
        }
        const color = entry.color || result.value.color || wavelengthColor(peak(data));
        const why = whyNotDrawn(entry.id, entry);
        if (!why) {
            curves.push({ id: entry.id, name: entry.name, subtype: entry.subtype, category: entry.category, color, data });
        }
        legend.push({ id: entry.id, name: entry.name, color, drawn: !why, why });
    });
    const range = xRange(curves, state.extremes);
    drawPlot(svg, curves, range, state.areaFill);
    drawn = { curves, range };
    renderLegend($('plot-legend'), legend, toggleHidden, id => {
        drop([id]);
        renderList();
        changed();
    });
    renderEfficiency($('efficiency-section'), $('efficiency-config'), $('efficiency').tBodies[0], config?.name ?? null, rows);
    if (failed.length > 0) {
        setStatus(`Could not load ${failed.length === 1 ? 'one spectrum' : `${failed.length} spectra`}: ${failed[0].message}`, true);
    }
    root.dataset.plotted = String(curves.length);
}

function toggleHidden(id) {
    const info = describe(id);
    if (info.subtype === '2p' && !state.showTwoPhoton && !state.hidden.has(id)) {
        state.showTwoPhoton = true;
        $('show-2p').checked = true;
    } else if (state.hidden.has(id)) {
        state.hidden.delete(id);
    } else {
        state.hidden.add(id);
    }
    changed();
}

/** The chosen fluorophores' efficiencies through the chosen config (FPbase's formulas, viewer-math.js). */
async function efficiencyRows() {
    if (!config) {
        return [];
    }
    const paths = await config.paths.catch(() => null);
    if (!paths) {
        return [];
    }
    const fluors = new Map();
    for (const id of state.spectra) {
        const owner = listed.get(id)?.owner;
        if (owner && (owner.category === 'p' || owner.category === 'd')) {
            fluors.set(owner.key, owner);
        }
    }
    const rows = [];
    for (const owner of fluors.values()) {
        const { ex, em } = fluorSpectra(owner);
        const [exData, emData] = await Promise.all([ex, em].map(id => (id ? source.get(Number(id)).then(s => s.data, () => null) : null)));
        const result = efficiency(paths, exData, emData);
        // FPbase's brightness through the config: ex x em x EC x QY / 1000.
        const known = (await scalars.get(owner.slug).catch(() => null)) ?? new Map();
        const [ec, qy] = [known.get(ex), known.get(em)];
        const bright = result.ex !== null && result.em !== null && ec && qy ? (result.ex * result.em * ec * qy) / 1000 : null;
        rows.push({ key: owner.key, name: owner.name, ...result, bright });
    }
    return rows;
}

async function chooseConfig(id) {
    if (config) {
        drop(config.ids);
    }
    config = null;
    state.config = id || null;
    if (!id) {
        changed();
        return;
    }
    try {
        const parts = await loadConfig(root.dataset.graphqlUrl, id);
        const ids = [...parts.filters.map(f => f.spectrumId), parts.light, parts.camera].filter(s => s && listed.has(s));
        if (parts.laser) {
            const existing = state.spectra.find(s => parseSpectrumId(s)?.wavelength === parts.laser);
            ids.unshift(existing ?? customLaserId({ n: nextCustomNumber(), wavelength: parts.laser }));
        }
        const data = id => source.get(Number(id)).then(s => s.data);
        const paths = Promise.all([
            parts.light ? data(parts.light) : null,
            parts.camera ? data(parts.camera) : null,
            Promise.all(parts.filters.map(async f => ({ ...f, data: await data(f.spectrumId) }))),
        ]).then(([light, camera, filters]) => configPaths({ laser: parts.laser, light, camera, filters }));
        config = { id, name: parts.name, ids, paths };
        choose(ids);
    } catch (error) {
        setStatus(error.message, true);
    }
    renderList();
    changed();
}

function nextCustomNumber() {
    const used = state.spectra.map(id => parseSpectrumId(id)?.n).filter(n => n !== undefined);
    return used.length ? Math.max(...used) + 1 : 0;
}

function wire() {
    search.addEventListener('input', renderList);
    $('show-2p').checked = state.showTwoPhoton;
    $('show-2p').addEventListener('change', event => {
        state.showTwoPhoton = event.target.checked;
        changed();
    });
    for (const [id, key] of [['scale-qy', 'scaleQY'], ['area-fill', 'areaFill']]) {
        $(id).checked = state[key];
        $(id).addEventListener('change', event => {
            state[key] = event.target.checked;
            changed();
        });
    }
    configSelect.addEventListener('change', () => chooseConfig(configSelect.value));
    $('custom-filter').addEventListener('submit', event => {
        event.preventDefault();
        const center = Math.round(Number($('cf-center').value));
        const width = Math.round(Number($('cf-width').value));
        const parsed = parseSpectrumId(customFilterId({ n: nextCustomNumber(), type: 'BP', center, width, transmission: 90 }));
        if (!parsed) {
            setStatus('A bandpass filter needs a center of 200-1600 nm and a width of 1-900 nm.', true);
            return;
        }
        choose([parsed.id]);
        changed();
    });
    $('custom-laser').addEventListener('submit', event => {
        event.preventDefault();
        const parsed = parseSpectrumId(customLaserId({ n: nextCustomNumber(), wavelength: Math.round(Number($('laser-wave').value)) }));
        if (!parsed) {
            setStatus('A laser line needs a wavelength of 200-1600 nm.', true);
            return;
        }
        choose([parsed.id]);
        changed();
    });
    const norm = $('norm-wave');
    norm.value = state.normWave ?? '';
    norm.addEventListener('change', () => {
        const wave = norm.value === '' ? null : Math.round(Number(norm.value));
        state.normWave = wave !== null && wave >= 200 && wave <= 1600 ? wave : null;
        const laser = state.spectra.find(id => parseSpectrumId(id)?.wavelength === state.normWave);
        state.normId = laser ? laser.split('_')[0] : null;
        changed();
    });
    const [xMin, xMax] = [$('x-min'), $('x-max')];
    [xMin.value, xMax.value] = state.extremes ?? ['', ''];
    const onRange = () => {
        const [min, max] = [Number.parseFloat(xMin.value), Number.parseFloat(xMax.value)];
        state.extremes = Number.isFinite(min) && Number.isFinite(max) && min < max ? [Math.max(200, min), Math.min(1600, max)] : null;
        changed();
    };
    xMin.addEventListener('change', onRange);
    xMax.addEventListener('change', onRange);
    $('export-csv').addEventListener('click', () => exportCsv(drawn.curves, drawn.range));
    $('export-svg').addEventListener('click', () => exportSvg(svg));
    $('export-png').addEventListener('click', () => exportPng(svg).catch(error => setStatus(`PNG export failed: ${error.message}`, true)));
}

async function start() {
    root.hidden = false;
    root.dataset.state = 'loading';
    drawPlot(svg, [], [350, 750]);
    let configs = [];
    try {
        const [spectra, list] = await Promise.all([
            loadSpectraList(root.dataset.listUrl),
            loadConfigList(root.dataset.configsUrl).catch(() => []),
        ]);
        owners = groupByOwner(spectra);
        configs = list;
    } catch (error) {
        root.dataset.state = 'error';
        setStatus(error.message, true);
        return;
    }
    for (const owner of owners) {
        for (const spectrum of owner.spectra) {
            listed.set(String(spectrum.id), { owner, subtype: spectrum.subtype });
        }
    }
    // Ids the list does not know (removed spectra, typos) are dropped, as FPbase's viewer drops them.
    state.spectra = state.spectra.filter(id => listed.has(id) || parseSpectrumId(id)?.kind !== 'spectrum');
    fillConfigSelect(configSelect, configs);
    wire();
    renderList();
    root.dataset.state = 'ready';
    if (state.config && configs.some(c => String(c.id) === state.config)) {
        configSelect.value = state.config;
        await chooseConfig(state.config);
    } else {
        state.config = null;
        save();
        await plot();
    }
}

start();
