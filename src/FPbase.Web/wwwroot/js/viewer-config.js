// Optical configs for the viewer: FPbase's list (/api/optical-configs-list/) and one config's parts from
// GraphQL (its filters with their paths, its light or laser, its camera), as FPbase's viewer reads them.

/** `[{id, name, microscope: {id, name}}]`, revalidated on each visit like the spectra list. */
export async function loadConfigList(url) {
    const response = await fetch(url, { cache: 'no-cache', headers: { Accept: 'application/json' } });
    if (!response.ok) {
        throw new Error(`The optical configs could not be loaded (HTTP ${response.status}).`);
    }
    const body = await response.json();
    return body.data.opticalConfigs;
}

/** Fills a <select> with the configs, grouped by microscope (in list order). */
export function fillConfigSelect(select, configs) {
    const groups = new Map();
    for (const config of configs) {
        const key = config.microscope?.id ?? '';
        if (!groups.has(key)) {
            const group = document.createElement('optgroup');
            group.label = config.microscope?.name ?? 'Microscope';
            groups.set(key, group);
        }
        const option = document.createElement('option');
        option.value = String(config.id);
        option.textContent = config.name;
        groups.get(key).append(option);
    }
    select.append(...groups.values());
}

/**
 * One config's parts: `{id, name, laser, light: spectrumId|null, camera: spectrumId|null,
 * filters: [{spectrumId, path: 'EX'|'EM'|'BS', reflects, name}]}`.
 */
export async function loadConfig(graphqlUrl, id) {
    const query = `{ opticalConfig(id: ${Number(id)}) { id name laser
        light { name spectrum { id } } camera { name spectrum { id } }
        filters { name spectrumId path reflects } } }`;
    const response = await fetch(graphqlUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ query }),
    });
    const body = response.ok ? await response.json().catch(() => null) : null;
    const config = body?.data?.opticalConfig;
    if (!config) {
        throw new Error(`Optical config ${id} could not be loaded.`);
    }
    return {
        id: String(config.id),
        name: config.name,
        laser: config.laser ?? null,
        light: config.light?.spectrum?.id ? String(config.light.spectrum.id) : null,
        camera: config.camera?.spectrum?.id ? String(config.camera.spectrum.id) : null,
        filters: (config.filters ?? [])
            .filter(f => f.spectrumId)
            .map(f => ({ spectrumId: String(f.spectrumId), path: f.path, reflects: Boolean(f.reflects), name: f.name })),
    };
}
