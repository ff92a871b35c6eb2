// The viewer's state in the URL, as FPbase's viewer reads and writes it (packages/spectra, utils/urlParams):
//   s=17,18,$cf0_BP_525_50_90,$cl1_488   spectra: ids, custom filters (type, center, width, % transmission)
//                                         and custom lasers (wavelength)
//   h=19                                  spectra listed in s but hidden
//   xMin=400&xMax=700 (or min=, max=)     the x-axis range
//   normWave=488&normID=$cl1 (or ex=488,$cl1)  emission scaled to excitation at a wavelength
//   scaleQY=1                             emission curves scaled by their quantum yield
//   areaFill=0                            curves drawn as lines only
// and two of ours that FPbase ignores: twop=1 (draw two-photon spectra) and oc=<id> (the optical config).
// The page is one cached document whatever the query: only this script reads it. The old #s= of this
// viewer is still read.

const maxIds = 200; // a pasted URL can name at most this many spectra: bounds the fetches a link can start

function list(value) {
    return (value ?? '').split(',').map(part => part.trim()).filter(Boolean);
}

function number(value) {
    if (value === null || value === undefined || String(value).trim() === '') {
        return null;
    }
    const parsed = Number.parseFloat(value);
    return Number.isFinite(parsed) ? parsed : null;
}

/** A spectrum id the viewer can draw: a positive integer, or a well-formed custom filter or laser. */
export function parseSpectrumId(id) {
    if (/^\d{1,9}$/.test(id)) {
        return { kind: 'spectrum', id };
    }
    const filter = /^\$cf(\d{1,4})_(BP|LP|SP)_(\d{3,4})_(\d{1,3})(?:_(\d{1,3}))?$/i.exec(id);
    if (filter) {
        const [, n, type, center, width, transmission] = filter;
        const spec = { kind: 'filter', n: Number(n), type: type.toUpperCase(), center: Number(center), width: Number(width), transmission: transmission === undefined ? 90 : Number(transmission) };
        if (spec.center >= 200 && spec.center <= 1600 && spec.width >= 1 && spec.width <= 900 && spec.transmission <= 100) {
            return { ...spec, id: customFilterId(spec) };
        }
        return null;
    }
    const laser = /^\$cl(\d{1,4})_(\d{3,4})$/.exec(id);
    if (laser && Number(laser[2]) >= 200 && Number(laser[2]) <= 1600) {
        return { kind: 'laser', n: Number(laser[1]), wavelength: Number(laser[2]), id };
    }
    return null;
}

export function customFilterId({ n, type, center, width, transmission }) {
    return `$cf${n}_${type}_${center}_${width}_${transmission}`;
}

export function customLaserId({ n, wavelength }) {
    return `$cl${n}_${wavelength}`;
}

/** Reads the viewer's state from a location (its search, else its old #s= hash). */
export function readState(location) {
    const query = new URLSearchParams(location.search);
    const hash = /(?:^#|&)s=([^&]*)/.exec(location.hash ?? '');
    const ids = list(query.get('s') ?? (hash ? decodeURIComponent(hash[1]) : ''));
    const spectra = [];
    for (const raw of ids.slice(0, maxIds)) {
        const parsed = parseSpectrumId(raw);
        if (parsed && !spectra.includes(parsed.id)) {
            spectra.push(parsed.id);
        }
    }
    let extremes = null;
    const min = number(query.get('min') ?? query.get('xMin'));
    const max = number(query.get('max') ?? query.get('xMax'));
    if (min !== null && max !== null && min < max) {
        extremes = [min, max];
    }
    let normWave = null;
    const ex = list(query.get('ex'));
    if (ex.length === 2) {
        normWave = number(ex[0]);
    } else if (query.get('normWave') && query.get('normID')) {
        normWave = number(query.get('normWave'));
    }
    const twop = query.get('twop');
    const flag = name => query.get(name) === '1' || query.get(name) === 'true';
    const oc = query.get('oc');
    return {
        spectra,
        hidden: new Set(list(query.get('h')).filter(id => spectra.includes(id))),
        extremes,
        normWave: normWave !== null && normWave >= 200 && normWave <= 1600 ? Math.round(normWave) : null,
        showTwoPhoton: twop === '1' || twop === 'true',
        scaleQY: flag('scaleQY'),
        areaFill: query.get('areaFill') === null ? true : flag('areaFill'),
        config: oc && /^\d{1,9}$/.test(oc) ? oc : null,
    };
}

/** The query string (with its '?', or '') that FPbase's viewer, and this one, read back as the state. */
export function writeState(state) {
    const query = new URLSearchParams();
    if (state.spectra.length > 0) {
        query.set('s', state.spectra.join(','));
    }
    const hidden = state.spectra.filter(id => state.hidden.has(id));
    if (hidden.length > 0) {
        query.set('h', hidden.join(','));
    }
    if (state.extremes) {
        query.set('xMin', String(state.extremes[0]));
        query.set('xMax', String(state.extremes[1]));
    }
    if (state.normWave !== null) {
        query.set('normWave', String(state.normWave));
        query.set('normID', state.normId ?? 'wavelength');
    }
    if (state.scaleQY) {
        query.set('scaleQY', '1');
    }
    if (!state.areaFill) {
        query.set('areaFill', '0');
    }
    if (state.showTwoPhoton) {
        query.set('twop', '1');
    }
    if (state.config) {
        query.set('oc', state.config);
    }
    // FPbase's ids keep their '$' and ',' as they are: URLSearchParams would escape them.
    const text = query.toString().replace(/%24/g, '$').replace(/%2C/g, ',');
    return text ? `?${text}` : '';
}
