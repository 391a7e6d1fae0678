// Filters the requirement table by status, chapter and kind. Progressive enhancement: without this script the
// form stays hidden and every row is shown. The query string (?status=missing&kind=ska) sets the first filter.
(() => {
  const form = document.getElementById("kravfilter");
  const count = document.getElementById("kravfilter-antal");
  const rows = [...document.querySelectorAll("#krav-tabell > tbody > tr")];
  const names = ["status", "chapter", "kind"];
  const query = new URLSearchParams(location.search);
  for (const name of names) {
    if (query.has(name)) form.elements[name].value = query.get(name);
  }

  function apply() {
    let shown = 0;
    for (const row of rows) {
      row.hidden = !names.every((name) => !form.elements[name].value || row.dataset[name] === form.elements[name].value);
      shown += row.hidden ? 0 : 1;
    }
    count.textContent = count.dataset.template.replace("{shown}", shown).replace("{total}", rows.length);
  }

  // A link to a requirement the filter hides (#RISK-2 from the action list) shows every row again.
  function reveal() {
    const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target && target.hidden) {
      form.reset();
      apply();
      target.scrollIntoView();
    }
  }

  form.addEventListener("change", apply);
  form.addEventListener("submit", (event) => event.preventDefault());
  window.addEventListener("hashchange", reveal);
  // Printing shows the duties folded into the responsibility matrix.
  window.addEventListener("beforeprint", () => {
    for (const details of document.querySelectorAll("details")) details.open = true;
  });
  form.hidden = false;
  apply();
  reveal();
})();
