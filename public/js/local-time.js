// Shows an event's time in the reader's own time zone, when it differs from the event's (the page
// already shows the event's zone, which is all a reader without JavaScript needs).
(() => {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const lang = document.documentElement.lang || undefined;
  const options = { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' };
  for (const el of document.querySelectorAll('.local-time[data-start]')) {
    if (!zone || zone === el.dataset.zone) continue;
    const local = new Intl.DateTimeFormat(lang, options).formatRange(new Date(el.dataset.start), new Date(el.dataset.end));
    el.textContent = ` ${el.textContent.trim()} ${local}`;
    el.hidden = false;
  }
})();
