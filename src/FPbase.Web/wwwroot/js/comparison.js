// The protein page's comparison list (FPbase's "compare" tab): proteins collected from their pages, kept in
// localStorage (never a cookie or session: the page is the same public response for everyone), opened together at
// /compare/<slug>,<slug>/. At most data-max proteins, the most the compare page shows.
const STORAGE_KEY = 'fpbase.comparison';
const box = document.getElementById('comparison');

function load() {
    try {
        const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
        return Array.isArray(stored) ? stored.filter(p => typeof p?.slug === 'string' && typeof p?.name === 'string') : [];
    } catch {
        return [];
    }
}

function save(list) {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(list));
}

if (box && window.localStorage) {
    const max = Number(box.dataset.max);
    const here = { slug: box.dataset.slug, name: box.dataset.name };
    const add = document.getElementById('comparison-add');
    const show = document.getElementById('comparison-show');
    const clear = document.getElementById('comparison-clear');
    const status = document.getElementById('comparison-status');
    const items = box.querySelector('.comparison-list');

    const render = () => {
        const list = load();
        items.replaceChildren(...list.map(p => {
            const item = document.createElement('li');
            const link = document.createElement('a');
            link.href = `/protein/${encodeURIComponent(p.slug)}/`;
            link.textContent = p.name;
            const remove = document.createElement('button');
            remove.type = 'button';
            remove.className = 'comparison-remove';
            remove.textContent = '×';
            remove.setAttribute('aria-label', `Remove ${p.name}`);
            remove.addEventListener('click', () => {
                save(load().filter(q => q.slug !== p.slug));
                render();
            });
            item.append(link, ' ', remove);
            return item;
        }));
        add.disabled = list.some(p => p.slug === here.slug);
        show.hidden = list.length < 2;
        show.href = `/compare/${list.map(p => encodeURIComponent(p.slug)).join(',')}/`;
        clear.hidden = list.length === 0;
    };

    add.addEventListener('click', () => {
        const list = load();
        if (list.length >= max) {
            status.textContent = `At most ${max} proteins can be compared at once`;
            return;
        }
        save([...list.filter(p => p.slug !== here.slug), here]);
        status.textContent = `${here.name} added`;
        render();
    });
    clear.addEventListener('click', () => {
        save([]);
        status.textContent = '';
        render();
    });
    // Another tab's additions show up here too.
    window.addEventListener('storage', event => event.key === STORAGE_KEY && render());
    box.hidden = false;
    render();
}
