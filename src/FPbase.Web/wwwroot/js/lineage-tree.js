// The protein page's lineage tree, drawn as SVG from /ajax/lineage/{slug}/ (FPbase's JSON: a fakeroot whose children
// are the roots). Left to right: one column per generation, one row per leaf, a parent centred on its children; each
// protein a dot in its emission colour and a link to its page, this page's protein in bold, mutations as tooltips.
// Bounded by the tree the server sends (LineageTreeQuery: its generations are capped, it is one family).
const SVG = 'http://www.w3.org/2000/svg';
const COLUMN = 150, ROW = 22, DOT = 5, MARGIN = 12;

const figure = document.getElementById('lineage-tree');
if (figure) {
    draw(figure).catch(() => { figure.hidden = true; });
}

async function draw(figure) {
    const response = await fetch(figure.dataset.src, { headers: { Accept: 'application/json' } });
    if (!response.ok) {
        return;
    }

    const tree = await response.json();
    const nodes = [], edges = [];
    let rows = 0;
    const place = (node, depth) => {
        const children = (node.children || []).map(child => place(child, depth + 1));
        const y = children.length ? (children[0].y + children[children.length - 1].y) / 2 : rows++;
        const placed = { node, depth, y };
        nodes.push(placed);
        children.forEach(child => edges.push([placed, child]));
        return placed;
    };
    (tree.children || []).forEach(root => place(root, 0));
    if (nodes.length === 0) {
        return;
    }

    const depth = Math.max(...nodes.map(n => n.depth)) + 1;
    const width = MARGIN * 2 + depth * COLUMN, height = MARGIN * 2 + rows * ROW;
    const svg = element('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': 'Lineage tree' });
    const x = n => MARGIN + DOT + n.depth * COLUMN, y = n => MARGIN + ROW / 2 + n.y * ROW;
    for (const [parent, child] of edges) {
        const midX = (x(parent) + x(child)) / 2;
        svg.append(element('path', {
            class: 'lineage-edge', fill: 'none', stroke: '#999',
            d: `M${x(parent)},${y(parent)}H${midX}V${y(child)}H${x(child)}`,
        }));
    }

    for (const placed of nodes) {
        const { node } = placed;
        const link = element('a', { href: node.url, class: 'lineage-node', 'data-slug': node.slug });
        const dot = element('circle', { cx: x(placed), cy: y(placed), r: DOT, fill: colour(node.bg), stroke: '#555' });
        const label = element('text', { x: x(placed) + DOT + 4, y: y(placed) + 4, 'font-size': 12 });
        label.textContent = node.name;
        if (node.slug === figure.dataset.slug) {
            label.setAttribute('font-weight', 'bold');
            link.setAttribute('aria-current', 'page');
        }

        const title = element('title', {});
        title.textContent = node.mut ? `${node.name} (${node.mut})` : node.name;
        link.append(title, dot, label);
        svg.append(link);
    }

    figure.append(svg);
    figure.hidden = false;
}

// FPbase's bg: a colour, "linear:" and SVG gradient stops for several states (the first stop's colour is drawn), or "?".
function colour(bg) {
    const text = String(bg || '');
    const value = text.startsWith('linear:') ? (/stop-color:\s*([^;"]+)/.exec(text) || [])[1] : text;
    return /^#[0-9a-f]{3,8}$/i.test(value || '') || /^rgba?\([\d.,\s%]+\)$/i.test(value || '') ? value : '#ccc';
}

function element(name, attributes) {
    const node = document.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attributes)) {
        node.setAttribute(key, String(value));
    }
    return node;
}
