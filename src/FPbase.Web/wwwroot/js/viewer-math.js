// Spectra as [[nm, value], ...] on a 1 nm grid: custom filters and lasers, scaling, products and areas,
// and FPbase's efficiencies of a fluorophore through an optical config (backend/proteins/util/efficiency.py,
// OpticalConfig.ex_spectra / em_spectra in backend/proteins/models/microscope.py).

/** FPbase's custom filter: a flat band (bandpass), or a step at the center (long pass, short pass), 300-1000 nm. */
export function customFilterData({ type, center, width, transmission }) {
    const t = transmission / 100;
    const data = [];
    if (type === 'BP') {
        const min = Math.round(center - width / 2);
        const max = Math.round(center + width / 2);
        data.push([min - 1, 0]);
        for (let nm = min; nm <= max; nm++) {
            data.push([nm, t]);
        }
        data.push([max + 1, 0]);
    } else {
        for (let nm = 300; nm < 1000; nm++) {
            const pass = type === 'LP' ? nm > center : nm < center;
            data.push([nm, pass ? t : 0]);
        }
    }
    return data;
}

/** A laser line: 1 at its wavelength, 0 a nanometre either side (FPbase's custom laser and config laser). */
export function laserData(wavelength) {
    return [[wavelength - 1, 0], [wavelength, 1], [wavelength + 1, 0]];
}

export function customFilterName({ type, center, width }) {
    return type === 'BP' ? `Custom ${center}/${width} bp` : `Custom ${center}${type.toLowerCase()}`;
}

export function maxValue(data) {
    let max = 0;
    for (const point of data) {
        if (point[1] > max) {
            max = point[1];
        }
    }
    return max;
}

/**
 * The curve as drawn: each fluorophore spectrum and light source scaled to its own peak (FPbase's default,
 * so a two-photon cross-section in GM does not stretch the axis); filters and cameras as stored (fractions),
 * unless stored above 1 (percent).
 */
export function scaledData(data, category) {
    const max = maxValue(data);
    if (max <= 0 || (max <= 1 && (category === 'f' || category === 'c'))) {
        return data;
    }
    return data.map(([nm, value]) => [nm, value / max]);
}

/** The value of a spectrum at a wavelength (0 outside it). */
export function valueAt(data, nm) {
    if (data.length === 0) {
        return 0;
    }
    const index = Math.round(nm) - data[0][0];
    return index >= 0 && index < data.length && data[index][0] === Math.round(nm) ? data[index][1] : 0;
}

/** 1 - T: a filter or beamsplitter whose reflection is in the path. */
export function invert(data) {
    return data.map(([nm, value]) => [nm, 1 - value]);
}

/** The product of spectra over the range they share (FPbase's spectral_product), or null when they share none. */
export function product(spectra) {
    if (spectra.length === 0) {
        return null;
    }
    const left = Math.max(...spectra.map(s => s[0][0]));
    const right = Math.min(...spectra.map(s => s[s.length - 1][0]));
    if (right < left) {
        return null;
    }
    const out = [];
    for (let nm = left; nm <= right; nm++) {
        let value = 1;
        for (const s of spectra) {
            value *= valueAt(s, nm);
        }
        out.push([nm, value]);
    }
    return out;
}

/** Area by the trapezoidal rule, 1 nm steps (FPbase's area). */
export function area(data) {
    let sum = 0;
    for (let i = 1; i < data.length; i++) {
        sum += 0.5 * (data[i][1] + data[i - 1][1]) * (data[i][0] - data[i - 1][0]);
    }
    return sum;
}

/**
 * An optical config's excitation and emission paths, as FPbase builds them: excitation is the laser (or the
 * light source), beamsplitters inverted unless they reflect, excitation filters (inverted if they reflect);
 * emission is the camera, beamsplitters inverted if they reflect, emission filters (inverted if they reflect).
 * `config`: `{laser, light: data|null, camera: data|null, filters: [{path: 'EX'|'EM'|'BS', reflects, data}]}`.
 */
export function configPaths(config) {
    const ex = [];
    const em = [];
    if (config.laser) {
        ex.push(laserData(config.laser));
    } else if (config.light) {
        ex.push(config.light);
    }
    if (config.camera) {
        em.push(config.camera);
    }
    for (const filter of config.filters) {
        if (filter.path === 'BS') {
            ex.push(filter.reflects ? filter.data : invert(filter.data));
            em.push(filter.reflects ? invert(filter.data) : filter.data);
        } else if (filter.path === 'EX') {
            ex.push(filter.reflects ? invert(filter.data) : filter.data);
        } else if (filter.path === 'EM') {
            em.push(filter.reflects ? invert(filter.data) : filter.data);
        }
    }
    return { ex: ex.length ? product(ex) : null, em: em.length ? product(em) : null };
}

/**
 * FPbase's efficiencies of a fluorophore through a config's paths (fractions, or null when not computable):
 * excitation, the share of the excitation light the fluorophore absorbs, area(path x ex) / area(path);
 * collection, the share of its emission that reaches the detector, area(path x em) / area(em).
 */
export function efficiency(paths, fluorEx, fluorEm) {
    let ex = null;
    let em = null;
    if (paths.ex && fluorEx) {
        const combined = product([paths.ex, fluorEx]);
        const total = area(paths.ex);
        ex = combined && total > 0 ? area(combined) / total : 0;
    }
    if (paths.em && fluorEm) {
        const combined = product([paths.em, fluorEm]);
        const total = area(fluorEm);
        em = combined && total > 0 ? area(combined) / total : 0;
    }
    return { ex, em };
}
