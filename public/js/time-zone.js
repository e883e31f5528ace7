// Chooses the reader's own time zone in a new form's time-zone list (the server cannot know it). Without
// JavaScript the list keeps the default; forms showing a stored or typed zone are not marked, so left alone.
(() => {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!zone) return;
  for (const select of document.querySelectorAll('select[data-guess-zone]')) {
    let option = [...select.options].find((o) => o.value === zone);
    if (!option) {
      option = new Option(zone.replaceAll('_', ' '), zone);
      select.prepend(option);
    }
    option.selected = true;
  }
})();
