// Filters the comparison's requirement table: all requirements or only those where the documents differ, by kind
// and chapter. Progressive enhancement as in filter.js: without this script the form stays hidden and every row
// is shown. The query string (?differs=1&kind=ska) sets the first filter; each select filters the rows' data
// attribute of its name.
(() => {
  const form = document.getElementById("jamforelsefilter");
  const count = document.getElementById("jamforelsefilter-antal");
  const rows = [...document.querySelectorAll("#jamforelse-krav > tbody > tr")];
  const selects = [...form.querySelectorAll("select")];
  const query = new URLSearchParams(location.search);
  for (const select of selects) {
    if (query.has(select.name)) select.value = query.get(select.name);
  }

  function apply() {
    let shown = 0;
    for (const row of rows) {
      row.hidden = !selects.every((select) => !select.value || row.dataset[select.name] === select.value);
      shown += row.hidden ? 0 : 1;
    }
    count.textContent = count.dataset.template.replace("{shown}", shown).replace("{total}", rows.length);
  }

  // A link to a requirement the filter hides (from the largest differences) shows every row again.
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
  // Printing shows the quotes and passages folded into the tables.
  window.addEventListener("beforeprint", () => {
    for (const details of document.querySelectorAll("details")) details.open = true;
  });
  form.hidden = false;
  apply();
  reveal();
})();
