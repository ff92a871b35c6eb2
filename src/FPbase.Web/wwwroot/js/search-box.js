// The site header's search box (Views/Shared/_Layout.cshtml). Without JavaScript it is a GET form to /search/?q=;
// with it, typing two characters or more offers the proteins FPbase's /autocomplete-protein/ names (its
// {"results": [{"id": slug, "text": name}]}), as links to their pages: click one, or choose it with the arrow keys
// and Enter. The suggestions are fetched through the browser's HTTP cache, which revalidates them with their ETags.
(() => {
  const form = document.querySelector("form.site-search");
  if (!form) return;
  const input = form.querySelector("input[name=q]");
  const list = form.querySelector("[role=listbox]");
  let timer = 0;
  let pending = null;
  let active = -1;

  const options = () => Array.from(list.querySelectorAll("[role=option]"));

  function close() {
    list.hidden = true;
    list.replaceChildren();
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function highlight(index) {
    const items = options();
    items.forEach((item, i) => item.setAttribute("aria-selected", i === index ? "true" : "false"));
    active = index;
    if (index >= 0) input.setAttribute("aria-activedescendant", items[index].id);
  }

  function option(result, index) {
    const item = document.createElement("li");
    item.setAttribute("role", "option");
    item.setAttribute("aria-selected", "false");
    item.id = "site-search-option-" + index;
    const link = document.createElement("a");
    link.href = "/protein/" + encodeURIComponent(result.id) + "/";
    link.textContent = result.text;
    link.tabIndex = -1;
    item.append(link);
    return item;
  }

  async function suggest(q) {
    pending?.abort();
    pending = new AbortController();
    let data;
    try {
      const response = await fetch("/autocomplete-protein/?q=" + encodeURIComponent(q), { signal: pending.signal, headers: { Accept: "application/json" } });
      if (!response.ok) {
        close();
        return;
      }
      data = await response.json();
    } catch (error) {
      if (error.name !== "AbortError") close();
      return;
    }
    if (input.value.trim() !== q) return; // typed on meanwhile: a newer request is on its way
    list.replaceChildren(...data.results.map(option));
    const any = data.results.length > 0;
    list.hidden = !any;
    input.setAttribute("aria-expanded", String(any));
    active = -1;
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < 2) {
      pending?.abort();
      close();
      return;
    }
    timer = setTimeout(() => suggest(q), 150);
  });

  input.addEventListener("keydown", (event) => {
    const items = options();
    if (event.key === "ArrowDown" && items.length > 0) {
      event.preventDefault();
      highlight((active + 1) % items.length);
    } else if (event.key === "ArrowUp" && items.length > 0) {
      event.preventDefault();
      highlight(active <= 0 ? items.length - 1 : active - 1);
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      location.assign(items[active].querySelector("a").href);
    } else if (event.key === "Escape") {
      close();
    }
  });

  // Keep the focus in the box while a suggestion is pressed, so that its click lands.
  list.addEventListener("mousedown", (event) => event.preventDefault());
  document.addEventListener("click", (event) => {
    if (!form.contains(event.target)) close();
  });
})();
