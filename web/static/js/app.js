/* Fleksbro – our only JavaScript (CSP script-src 'self'; no inline scripts).
   - Initialises DKFDS components (error summary focus, accordions, ...).
   - Re-initialises the DKFDS error summary after htmx swaps.
   - data-confirm="Tekst" on a <form> (or a submit button) asks before submitting. */
(function () {
  'use strict';

  function initDkfds() {
    if (window.DKFDS && typeof window.DKFDS.init === 'function') {
      try {
        window.DKFDS.init();
      } catch (err) {
        if (window.console) { window.console.error('DKFDS init failed', err); }
      }
    }
  }

  function initSwapped(root) {
    if (!root || !root.querySelector || !window.DKFDS) { return; }
    var summary = root.matches && root.matches('[data-module="error-summary"]')
      ? root
      : root.querySelector('[data-module="error-summary"]');
    if (summary && window.DKFDS.ErrorSummary) {
      new window.DKFDS.ErrorSummary(summary).init();
    }
  }

  // Confirm dialogs for plain (non-htmx) forms. htmx requests use hx-confirm.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var submitter = event.submitter;
    var message = (submitter && submitter.getAttribute('data-confirm')) ||
      (form && form.getAttribute && form.getAttribute('data-confirm'));
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  }, true);

  document.addEventListener('htmx:afterSettle', function (event) {
    initSwapped(event.detail && event.detail.elt);
  });

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', initDkfds);
  } else {
    initDkfds();
  }
}());
