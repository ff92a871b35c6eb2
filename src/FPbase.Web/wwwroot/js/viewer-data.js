// Data for the spectra viewer: the spectra list and single spectra.

/**
 * Loads FPbase's spectra list (`{data: {spectra: [{id, category, subtype, owner: {id, slug, name, url}}]}}`).
 *
 * Revalidation: `cache: 'no-cache'` makes the browser send a conditional request on every visit,
 * with the ETag of its cached copy in If-None-Match, and reuse that copy's body when the server
 * answers 304. We chose this over keeping the ETag and the body in localStorage ourselves because:
 * - the list is about 1.3 MB of JSON at FPbase's size; localStorage stores UTF-16 (about 2.6 MB of
 *   a typical 5 MB quota) and its API is synchronous, so reading it would block the page;
 * - the HTTP cache already keys the copy by URL and content-coding (the server varies its ETag per
 *   coding) and evicts it under storage pressure, which we would otherwise have to redo;
 * - the default mode would, within the list's max-age, reuse the copy without asking at all, and a
 *   spectrum added a minute ago would be missing from the viewer; with `no-cache` the viewer always
 *   shows the current list, and the price is one small 304 round trip, which the server answers
 *   from memory without touching the database.
 */
export async function loadSpectraList(url) {
    const response = await fetch(url, { cache: 'no-cache', headers: { Accept: 'application/json' } });
    if (!response.ok) {
        throw new Error(`The spectra list could not be loaded (HTTP ${response.status}).`);
    }
    const body = await response.json();
    return body.data.spectra;
}

const kinds = { p: 'protein', d: 'dye', f: 'filter', l: 'light', c: 'camera' };

/** Groups the list's spectra by owner (a protein state, dye state, filter, light or camera), in list order. */
export function groupByOwner(spectra) {
    const owners = new Map();
    for (const spectrum of spectra) {
        // Owner ids are per table: a filter and a light may share an id, so the category is part of the key.
        const key = `${spectrum.category}:${spectrum.owner.id}`;
        let owner = owners.get(key);
        if (!owner) {
            owner = {
                key,
                name: spectrum.owner.name,
                slug: spectrum.owner.slug,
                kind: kinds[spectrum.category] ?? spectrum.category,
                category: spectrum.category,
                search: `${spectrum.owner.name} ${spectrum.owner.slug}`.toLowerCase(),
                spectra: [],
            };
            owners.set(key, owner);
        }
        owner.spectra.push({ id: spectrum.id, subtype: spectrum.subtype });
    }
    return [...owners.values()];
}

/**
 * Fetches spectra by id and remembers them for the page's lifetime. Asks GraphQL first (FPbase's
 * viewer does); when /graphql/ is missing or fails, falls back to the REST route /api/spectrum/{id}/.
 */
export class SpectrumSource {
    #graphqlUrl;
    #restUrl;
    #graphqlWorks = true;
    #cache = new Map();

    constructor(graphqlUrl, restUrlTemplate) {
        this.#graphqlUrl = graphqlUrl;
        this.#restUrl = restUrlTemplate;
    }

    /** Resolves to `{id, data: [[nm, value], ...], color, name}`. */
    get(id) {
        let pending = this.#cache.get(id);
        if (!pending) {
            pending = this.#load(id);
            pending.catch(() => this.#cache.delete(id)); // let a later attempt retry
            this.#cache.set(id, pending);
        }
        return pending;
    }

    async #load(id) {
        if (this.#graphqlWorks) {
            try {
                return await this.#fromGraphql(id);
            } catch (error) {
                if (error.fallBack) {
                    this.#graphqlWorks = false;
                } else {
                    throw error;
                }
            }
        }
        return this.#fromRest(id);
    }

    async #fromGraphql(id) {
        // The id inline, as FPbase's viewer writes it: no assumption about the argument's declared type.
        const query = `{ spectrum(id: ${Number(id)}) { id data color owner { name } } }`;
        let response;
        try {
            response = await fetch(this.#graphqlUrl, {
                method: 'POST',
                headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
                body: JSON.stringify({ query }),
            });
        } catch (cause) {
            throw Object.assign(new Error('GraphQL is unreachable.', { cause }), { fallBack: true });
        }
        const body = response.ok ? await response.json().catch(() => null) : null;
        const spectrum = body?.data?.spectrum;
        if (!spectrum) {
            // No GraphQL endpoint (404/405), a schema without `spectrum`, or an error: use REST.
            throw Object.assign(new Error(`GraphQL could not give spectrum ${id}.`), { fallBack: true });
        }
        return { id: Number(spectrum.id), data: spectrum.data, color: spectrum.color, name: spectrum.owner?.name ?? '' };
    }

    async #fromRest(id) {
        const response = await fetch(this.#restUrl.replace('{id}', encodeURIComponent(id)), { headers: { Accept: 'application/json' } });
        if (!response.ok) {
            throw new Error(`Spectrum ${id} could not be loaded (HTTP ${response.status}).`);
        }
        const spectrum = await response.json();
        const name = spectrum.protein_name ?? spectrum.name ?? spectrum.owner?.name ?? '';
        return { id: Number(spectrum.id), data: spectrum.data, color: spectrum.color, name };
    }
}

/**
 * The scalars FPbase's /spectra/{owner-slug} gives a fluorophore's spectra (EC of ex/ab, QY of em), as
 * `Map(spectrum id -> number|null)`, fetched once per owner and page. The response is cached and revalidated
 * by the browser like any other (it has an ETag).
 */
export class OwnerScalars {
    #cache = new Map();

    get(slug) {
        let pending = this.#cache.get(slug);
        if (!pending) {
            pending = fetch(`/spectra/${encodeURIComponent(slug)}`, { headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' } })
                .then(response => {
                    if (!response.ok) {
                        throw new Error(`The spectra of ${slug} could not be loaded (HTTP ${response.status}).`);
                    }
                    return response.json();
                })
                .then(body => new Map(body.spectra.map(s => [String(s.id), s.scalar ?? null])));
            pending.catch(() => this.#cache.delete(slug));
            this.#cache.set(slug, pending);
        }
        return pending;
    }
}
