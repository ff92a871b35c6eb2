// Draws spectra as SVG: wavelength (nm) across, normalised value up.

const svgNs = 'http://www.w3.org/2000/svg';
const size = { width: 800, height: 400, left: 48, right: 16, top: 16, bottom: 40 };

function element(name, attributes, text) {
    const node = document.createElementNS(svgNs, name);
    for (const [key, value] of Object.entries(attributes)) {
        node.setAttribute(key, String(value));
    }
    if (text !== undefined) {
        node.textContent = text;
    }
    return node;
}

/** An approximate colour for light of a wavelength, for spectra that come without one. */
export function wavelengthColor(nm) {
    const hues = [[380, 270], [440, 240], [490, 180], [510, 120], [580, 60], [645, 0], [780, 0]];
    if (!Number.isFinite(nm) || nm < 380 || nm > 780) {
        return '#888888';
    }
    let i = 0;
    while (nm > hues[i + 1][0]) {
        i++;
    }
    const [x0, h0] = hues[i];
    const [x1, h1] = hues[i + 1];
    const hue = h0 + ((h1 - h0) * (nm - x0)) / (x1 - x0);
    return `hsl(${Math.round(hue)} 85% 45%)`;
}

function peak(data) {
    let best = data[0];
    for (const point of data) {
        if (point[1] > best[1]) {
            best = point;
        }
    }
    return best?.[0];
}

function style(subtype) {
    if (subtype === 'em') {
        return { fillOpacity: 0.35, dash: '' };
    }
    if (subtype === 'ex' || subtype === 'ab' || subtype === '2p') {
        return { fillOpacity: 0.12, dash: '6 4' };
    }
    return { fillOpacity: 0.15, dash: '' };
}

/**
 * Replaces the contents of `svg` with axes and one path per spectrum.
 * `spectra`: `[{id, name, subtype, color, data: [[nm, value], ...]}]`.
 */
export function drawPlot(svg, spectra) {
    svg.replaceChildren();
    const plotted = spectra.filter(s => Array.isArray(s.data) && s.data.length > 1);
    let [minX, maxX, maxY] = [350, 750, 1];
    if (plotted.length > 0) {
        minX = Math.max(200, Math.min(...plotted.map(s => s.data[0][0])));
        maxX = Math.min(1600, Math.max(...plotted.map(s => s.data[s.data.length - 1][0])));
        maxY = Math.max(1, ...plotted.flatMap(s => s.data.map(p => p[1])));
    }
    const x = nm => size.left + ((nm - minX) / (maxX - minX || 1)) * (size.width - size.left - size.right);
    const y = v => size.height - size.bottom - (v / maxY) * (size.height - size.top - size.bottom);

    const step = maxX - minX > 600 ? 100 : 50;
    for (let nm = Math.ceil(minX / step) * step; nm <= maxX; nm += step) {
        svg.append(element('line', { class: 'grid', x1: x(nm), x2: x(nm), y1: y(0), y2: y(maxY) }));
        svg.append(element('text', { x: x(nm), y: size.height - size.bottom + 16, 'text-anchor': 'middle' }, nm));
    }
    for (const v of [0, 0.5, 1]) {
        svg.append(element('text', { x: size.left - 6, y: y(v * maxY) + 4, 'text-anchor': 'end' }, +(v * maxY).toFixed(2)));
    }
    svg.append(element('line', { class: 'axis', x1: x(minX), x2: x(maxX), y1: y(0), y2: y(0) }));
    svg.append(element('line', { class: 'axis', x1: x(minX), x2: x(minX), y1: y(0), y2: y(maxY) }));
    svg.append(element('text', { x: (size.left + size.width) / 2, y: size.height - 6, 'text-anchor': 'middle' }, 'Wavelength (nm)'));

    if (plotted.length === 0) {
        svg.append(element('text', { class: 'placeholder', x: size.width / 2, y: size.height / 2, 'text-anchor': 'middle' },
            'Choose spectra on the left to draw them here.'));
        return;
    }
    for (const spectrum of plotted) {
        const points = spectrum.data.filter(p => p[0] >= minX && p[0] <= maxX);
        const line = points.map((p, i) => `${i ? 'L' : 'M'}${x(p[0]).toFixed(1)},${y(p[1]).toFixed(1)}`).join('');
        const area = `${line}L${x(points[points.length - 1][0]).toFixed(1)},${y(0)}L${x(points[0][0]).toFixed(1)},${y(0)}Z`;
        const color = spectrum.color || wavelengthColor(peak(spectrum.data));
        const { fillOpacity, dash } = style(spectrum.subtype);
        const group = element('g', { class: 'spectrum', 'data-spectrum-id': spectrum.id });
        group.append(element('title', {}, `${spectrum.name} ${spectrum.subtype}`));
        group.append(element('path', { d: area, fill: color, 'fill-opacity': fillOpacity, stroke: 'none' }));
        group.append(element('path', { d: line, fill: 'none', stroke: color, 'stroke-width': 2, 'stroke-dasharray': dash }));
        svg.append(group);
    }
}
