// Preview script: scroll sync both ways through data-line, state for restore after reload.
// Runs under a nonce CSP; reads no contract data except the rendered, sanitised HTML in the page.
(function () {
  const vscode = acquireVsCodeApi();
  const state = JSON.parse(document.getElementById('avv-state').textContent || '{}');
  vscode.setState(state);

  const blocks = () => Array.from(document.querySelectorAll('[data-line]'));
  let ignoreScroll = false;

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message && message.type === 'scroll' && typeof message.line === 'number') {
      const target = blocks().filter((el) => Number(el.getAttribute('data-line')) <= message.line).pop();
      if (target) {
        ignoreScroll = true;
        target.scrollIntoView({ block: 'start' });
        window.setTimeout(() => { ignoreScroll = false; }, 50);
      }
    }
  });

  document.addEventListener('dblclick', (event) => {
    const el = event.target instanceof Element ? event.target.closest('[data-line]') : null;
    if (el) vscode.postMessage({ type: 'reveal', line: Number(el.getAttribute('data-line')) });
  });

  document.addEventListener('click', (event) => {
    const el = event.target instanceof Element ? event.target.closest('[data-reveal-line]') : null;
    if (el) {
      event.preventDefault();
      vscode.postMessage({ type: 'reveal', line: Number(el.getAttribute('data-reveal-line')) });
    }
  });

  window.addEventListener('scroll', () => {
    if (ignoreScroll) return;
    const top = blocks().find((el) => el.getBoundingClientRect().bottom > 0);
    if (top) vscode.setState({ ...state, line: Number(top.getAttribute('data-line')) });
  });
})();
