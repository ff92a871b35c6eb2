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

export function peak(data) {
    let best = data[0];
    for (const point of data) {
        if (point[1] > best[1]) {
            best = point;
        }
    }
    return best?.[0];
}

function style(curve) {
    if (curve.category === 'l') {
        return { fillOpacity: 0.08, dash: '', width: 1.5 };
    }
    if (curve.subtype === 'lp' || curve.subtype === 'bs') {
        return { fillOpacity: 0, dash: '', width: 1.8 }; // FPbase draws long passes and dichroics unfilled
    }
    if (curve.subtype === 'em') {
        return { fillOpacity: 0.35, dash: '', width: 2 };
    }
    if (curve.subtype === 'ex' || curve.subtype === 'ab' || curve.subtype === '2p') {
        return { fillOpacity: 0.12, dash: '6 4', width: 2 };
    }
    return { fillOpacity: 0.15, dash: '', width: 1.5 };
}

/**
 * The x-axis range: the given extremes, else from the first to the last wavelength of the curves drawn
 * (rounded out to 10 nm), so a one-photon selection is not drawn on a two-photon axis.
 */
export function xRange(curves, extremes) {
    if (extremes) {
        return extremes;
    }
    const drawn = curves.filter(c => c.data.length > 1);
    if (drawn.length === 0) {
        return [350, 750];
    }
    const min = Math.min(...drawn.map(c => c.data[0][0]));
    const max = Math.max(...drawn.map(c => c.data[c.data.length - 1][0]));
    return [Math.max(200, Math.floor(min / 10) * 10), Math.min(1600, Math.ceil(max / 10) * 10)];
}

/**
 * Replaces the contents of `svg` with axes and one path per curve, between `range` [min, max] nm.
 * `curves`: `[{id, name, subtype, category, color, data: [[nm, value], ...]}]`, values as drawn; areas
 * filled unless `areaFill` is false (FPbase's areaFill=0).
 */
export function drawPlot(svg, curves, range, areaFill = true) {
    svg.replaceChildren();
    const plotted = curves.filter(c => Array.isArray(c.data) && c.data.length > 1);
    const [minX, maxX] = range;
    const maxY = Math.max(1, ...plotted.flatMap(c => c.data.filter(p => p[0] >= minX && p[0] <= maxX).map(p => p[1])));
    svg.dataset.xMin = String(minX);
    svg.dataset.xMax = String(maxX);
    svg.dataset.yMax = String(maxY);
    const x = nm => size.left + ((nm - minX) / (maxX - minX || 1)) * (size.width - size.left - size.right);
    const y = v => size.height - size.bottom - (v / maxY) * (size.height - size.top - size.bottom);

    svg.append(element('rect', { x: 0, y: 0, width: size.width, height: size.height, fill: '#ffffff' }));
    const step = maxX - minX > 600 ? 100 : maxX - minX > 150 ? 50 : 10;
    for (let nm = Math.ceil(minX / step) * step; nm <= maxX; nm += step) {
        svg.append(element('line', { class: 'grid', x1: x(nm), x2: x(nm), y1: y(0), y2: y(maxY), stroke: '#eeeeee' }));
        svg.append(element('text', { x: x(nm), y: size.height - size.bottom + 16, 'text-anchor': 'middle', 'font-size': 12, fill: '#444444' }, nm));
    }
    for (const v of [0, 0.5, 1]) {
        svg.append(element('text', { x: size.left - 6, y: y(v * maxY) + 4, 'text-anchor': 'end', 'font-size': 12, fill: '#444444' }, +(v * maxY).toFixed(2)));
    }
    svg.append(element('line', { class: 'axis', x1: x(minX), x2: x(maxX), y1: y(0), y2: y(0), stroke: '#444444' }));
    svg.append(element('line', { class: 'axis', x1: x(minX), x2: x(minX), y1: y(0), y2: y(maxY), stroke: '#444444' }));
    svg.append(element('text', { x: (size.left + size.width) / 2, y: size.height - 6, 'text-anchor': 'middle', 'font-size': 12, fill: '#444444' }, 'Wavelength (nm)'));

    if (plotted.length === 0) {
        svg.append(element('text', { class: 'placeholder', x: size.width / 2, y: size.height / 2, 'text-anchor': 'middle', 'font-size': 16, fill: '#888888' },
            'Choose spectra on the left to draw them here.'));
        return;
    }
    const clip = element('clipPath', { id: 'plot-area' });
    clip.append(element('rect', { x: size.left, y: size.top, width: size.width - size.left - size.right, height: size.height - size.top - size.bottom }));
    svg.append(clip);
    for (const curve of plotted) {
        const points = curve.data.filter(p => p[0] >= minX && p[0] <= maxX);
        const group = element('g', { class: 'spectrum', 'data-spectrum-id': curve.id, 'data-subtype': curve.subtype, 'clip-path': 'url(#plot-area)' });
        group.append(element('title', {}, curve.name));
        if (points.length > 0) {
            const line = points.map((p, i) => `${i ? 'L' : 'M'}${x(p[0]).toFixed(1)},${y(p[1]).toFixed(1)}`).join('');
            const area = `${line}L${x(points[points.length - 1][0]).toFixed(1)},${y(0)}L${x(points[0][0]).toFixed(1)},${y(0)}Z`;
            const color = curve.color || wavelengthColor(peak(curve.data));
            const { fillOpacity, dash, width } = style(curve);
            if (fillOpacity > 0 && areaFill) {
                group.append(element('path', { d: area, fill: color, 'fill-opacity': fillOpacity, stroke: 'none' }));
            }
            group.append(element('path', { d: line, fill: 'none', stroke: color, 'stroke-width': width, 'stroke-dasharray': dash }));
        }
        svg.append(group);
    }
}
