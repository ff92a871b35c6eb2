// The FRET calculator page: asks /api/fret/pair/ for the chosen pair, and reloads the page while the list is being
// computed (the server says so in data-state; the reload revalidates with the page's ETag).
const form = document.getElementById('fret-pair-form');
const output = document.getElementById('fret-pair-result');

form?.addEventListener('submit', async (event) => {
    event.preventDefault();
    const query = new URLSearchParams(new FormData(form));
    output.textContent = 'Calculating…';
    try {
        const response = await fetch(`/api/fret/pair/?${query}`, { headers: { Accept: 'application/json' } });
        const body = await response.json();
        if (!response.ok) {
            output.textContent = body.detail ?? `Error ${response.status}`;
            return;
        }
        output.textContent = `${body.donor.name} → ${body.acceptor.name}: R0 = ${body.forster.toFixed(2)} Å, `
            + `overlap ${body.overlap.toFixed(2)} × 10^15 M⁻¹cm⁻¹nm⁴`
            + (body.forsterQYA == null ? '' : `, R0 × acceptor QY = ${body.forsterQYA.toFixed(2)}`);
    } catch {
        output.textContent = 'The calculation could not be reached.';
    }
});

const state = document.querySelector('.fret-state');
if (state?.dataset.state === 'computing') {
    setTimeout(() => location.reload(), 3000);
}
