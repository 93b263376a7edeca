// A table box (it scrolls sideways on a narrow screen) is reachable by keyboard (Tab, then the arrow keys) and named for a
// screen reader after the heading above it.
document.querySelectorAll(".table-responsive").forEach((box) => {
  if (box.hasAttribute("tabindex")) return;
  let heading = box.previousElementSibling;
  while (heading && !/^H[1-6]$/.test(heading.tagName)) heading = heading.previousElementSibling;
  box.tabIndex = 0;
  box.setAttribute("role", "region");
  box.setAttribute("aria-label", heading ? heading.textContent.trim() : "Таблица");
});
