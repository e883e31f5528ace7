// Videos: the visitor's click on "Play video" swaps in our own player page (which alone frames the
// provider) without reloading. Without this script the button reloads the page with ?play=1.
for (const box of document.querySelectorAll('.video-consent[data-player]')) {
  const form = box.querySelector('form');
  if (!form) continue;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const frame = document.createElement('iframe');
    frame.src = box.dataset.player;
    frame.title = box.dataset.title || '';
    frame.allow = 'autoplay; fullscreen; picture-in-picture';
    frame.allowFullscreen = true;
    box.classList.remove('video-consent');
    box.replaceChildren(frame);
    frame.focus();
  });
}
