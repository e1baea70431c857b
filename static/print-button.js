// The personal result page's print button: shown only when this script runs (without JavaScript
// the page says to print from the browser's menu instead), and it opens the print dialog.
for (const button of document.querySelectorAll('button[data-print]')) {
	button.hidden = false;
	button.addEventListener('click', () => window.print());
}
