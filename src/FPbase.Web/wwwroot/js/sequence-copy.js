// The protein page's "Copy sequence" button: copies the bare sequence (data-sequence), not the blocks and numbers
// shown. Without script (or without the Clipboard API) the button stays hidden and the sequence can be selected.
const button = document.getElementById('copy-sequence');
const status = document.getElementById('copy-sequence-status');
const target = button && document.getElementById(button.dataset.copyTarget);
if (button && target && navigator.clipboard) {
    button.hidden = false;
    button.addEventListener('click', async () => {
        try {
            await navigator.clipboard.writeText(target.dataset.sequence);
            status.textContent = 'Copied';
        } catch {
            status.textContent = 'Could not copy: select the sequence instead';
        }
    });
}
