// Filters a requirement table: each select of the form keeps the rows whose data attribute of the select's name
// has the chosen value ("status", "chapter", "kind" in a report; "differs", "kind", "chapter" in a comparison).
// The form names its table (data-table) and its counter (data-count). Progressive enhancement: without this
// script the form stays hidden and every row is shown. The query string (?status=missing&kind=ska) sets the
// first filter.
(() => {
  const form = document.querySelector("form[data-table]");
  const count = document.getElementById(form.dataset.count);
  const rows = [...document.querySelectorAll(`#${form.dataset.table} > tbody > tr`)];
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
  // Printing shows what is folded into <details> (duties, quotes, passages).
  window.addEventListener("beforeprint", () => {
    for (const details of document.querySelectorAll("details")) details.open = true;
  });
  form.hidden = false;
  apply();
  reveal();
})();
