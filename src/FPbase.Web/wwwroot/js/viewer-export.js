// Export what the viewer draws: the curves as CSV (one column per curve, values as drawn), the chart as
// SVG (self-contained: the plot's styles are attributes) and as PNG (the SVG rendered on a canvas).

function download(blob, filename) {
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function csvField(text) {
    const value = String(text);
    return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** `wavelength,<curve>,...` and a row per nanometre of the range, a curve's cell empty outside its data. */
export function curvesToCsv(curves, [minX, maxX]) {
    const lookups = curves.map(curve => new Map(curve.data.map(([nm, value]) => [Math.round(nm), value])));
    const lines = [['wavelength', ...curves.map(c => c.name)].map(csvField).join(',')];
    for (let nm = Math.ceil(minX); nm <= Math.floor(maxX); nm++) {
        const cells = lookups.map(values => (values.has(nm) ? +values.get(nm).toFixed(5) : ''));
        if (cells.some(cell => cell !== '')) {
            lines.push([nm, ...cells].join(','));
        }
    }
    return `${lines.join('\r\n')}\r\n`;
}

export function exportCsv(curves, range) {
    download(new Blob([curvesToCsv(curves, range)], { type: 'text/csv' }), 'fpbase_spectra.csv');
}

function svgText(svg) {
    const copy = svg.cloneNode(true);
    copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
    copy.setAttribute('width', '800');
    copy.setAttribute('height', '400');
    copy.setAttribute('font-family', 'DejaVu Sans, Arial, sans-serif');
    return new XMLSerializer().serializeToString(copy);
}

export function exportSvg(svg) {
    download(new Blob([svgText(svg)], { type: 'image/svg+xml' }), 'fpbase_spectra.svg');
}

/** Renders the SVG at twice its size on a canvas; resolves once the PNG is handed to the browser. */
export async function exportPng(svg) {
    const url = URL.createObjectURL(new Blob([svgText(svg)], { type: 'image/svg+xml' }));
    try {
        const image = new Image();
        image.src = url;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = 1600;
        canvas.height = 800;
        const context = canvas.getContext('2d');
        context.fillStyle = '#ffffff';
        context.fillRect(0, 0, canvas.width, canvas.height);
        context.drawImage(image, 0, 0, canvas.width, canvas.height);
        const blob = await new Promise(resolve => canvas.toBlob(resolve, 'image/png'));
        download(blob, 'fpbase_spectra.png');
    } finally {
        URL.revokeObjectURL(url);
    }
}
