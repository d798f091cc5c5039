// Progressive enhancement for the portal; every page works without it.
// - Search boxes ([data-suggest]) get as-you-type suggestions from the public
//   API's searchSuggestions, as an ARIA 1.2 combobox (arrow keys, Enter, Escape).
// - The compare selection is limited to four, kept across result pages, with a live count.
(() => {
  // A classic script (not a module), so strict mode has to be asked for.
  // biome-ignore lint/suspicious/noRedundantUseStrict: Biome reads .js files as modules; this one is not.
  'use strict';

  const say = (template, count) => template.replace('{n}', String(count));

  function suggestions(container) {
    const input = container.querySelector('input');
    if (!input) return;
    const list = document.createElement('ul');
    const status = document.createElement('p');
    const listId = `${input.id}-suggestions`;
    list.id = listId;
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', container.dataset.label || '');
    list.className = 'suggestions';
    list.hidden = true;
    status.className = 'visually-hidden';
    status.setAttribute('aria-live', 'polite');
    container.append(list, status);
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-controls', listId);
    input.setAttribute('aria-expanded', 'false');

    let active = -1;
    let pending;
    let timer;

    const options = () => [...list.querySelectorAll('[role="option"]')];
    const close = () => {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    };
    const highlight = (index) => {
      const all = options();
      all.forEach((option, i) => {
        option.setAttribute('aria-selected', String(i === index));
      });
      active = index;
      if (index >= 0) input.setAttribute('aria-activedescendant', all[index].id);
      else input.removeAttribute('aria-activedescendant');
    };
    const choose = (text) => {
      input.value = text;
      close();
      input.form?.requestSubmit();
    };
    const show = (items) => {
      list.replaceChildren(
        ...items.map((item, i) => {
          const option = document.createElement('li');
          option.id = `${listId}-${i}`;
          option.setAttribute('role', 'option');
          option.setAttribute('aria-selected', 'false');
          option.textContent = item.text;
          option.addEventListener('mousedown', (event) => {
            event.preventDefault();
            choose(item.text);
          });
          return option;
        }),
      );
      active = -1;
      list.hidden = items.length === 0;
      input.setAttribute('aria-expanded', String(items.length > 0));
      status.textContent = say(items.length ? container.dataset.many : container.dataset.none, items.length);
    };
    const fetchSuggestions = async (prefix) => {
      pending?.abort();
      pending = new AbortController();
      try {
        const response = await fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            query:
              'query PortalSuggestions($prefix: String!) { searchSuggestions(prefix: $prefix, limit: 8) { text kind } }',
            variables: { prefix },
          }),
          signal: pending.signal,
        });
        const body = await response.json();
        if (input.value.trim() === prefix) show(body?.data?.searchSuggestions ?? []);
      } catch {
        // Suggestions are a convenience: a failed request leaves the plain search box.
      }
    };

    input.addEventListener('input', () => {
      clearTimeout(timer);
      const prefix = input.value.trim();
      if (prefix.length < 2) {
        close();
        return;
      }
      timer = setTimeout(() => fetchSuggestions(prefix), 150);
    });
    input.addEventListener('keydown', (event) => {
      const all = options();
      if (event.key === 'ArrowDown' && all.length) {
        event.preventDefault();
        list.hidden = false;
        input.setAttribute('aria-expanded', 'true');
        highlight((active + 1) % all.length);
      } else if (event.key === 'ArrowUp' && all.length) {
        event.preventDefault();
        highlight(active <= 0 ? all.length - 1 : active - 1);
      } else if (event.key === 'Enter' && !list.hidden && active >= 0) {
        event.preventDefault();
        choose(all[active].textContent);
      } else if (event.key === 'Escape' && !list.hidden) {
        event.preventDefault();
        close();
      }
    });
    input.addEventListener('blur', close);
  }

  // The compare selection survives paging and new searches (this tab only): ids kept in
  // sessionStorage, sent with the compare form as hidden fields when not on this page.
  function compareSelection() {
    const form = document.getElementById('compare-form');
    const boxes = [...document.querySelectorAll('input[form="compare-form"][name="id"]')];
    const count = document.querySelector('[data-compare-count]');
    if (!form || !count) return;
    const key = 'portal.compare';
    let selected = [];
    try {
      selected = JSON.parse(sessionStorage.getItem(key) || '[]')
        .filter((id) => typeof id === 'string')
        .slice(0, 4);
    } catch {
      selected = [];
    }
    const update = () => {
      try {
        sessionStorage.setItem(key, JSON.stringify(selected));
      } catch {
        // Storage may be unavailable (private mode); the selection then lasts for this page.
      }
      boxes.forEach((box) => {
        box.checked = selected.includes(box.value);
        box.disabled = !box.checked && selected.length >= 4;
      });
      const onPage = new Set(boxes.map((box) => box.value));
      form.replaceChildren(
        ...selected
          .filter((id) => !onPage.has(id))
          .map((id) => Object.assign(document.createElement('input'), { type: 'hidden', name: 'id', value: id })),
      );
      count.textContent = say(count.dataset.selected, selected.length);
    };
    for (const box of boxes) {
      box.addEventListener('change', () => {
        selected = box.checked
          ? [...selected.filter((id) => id !== box.value), box.value].slice(0, 4)
          : selected.filter((id) => id !== box.value);
        update();
      });
    }
    update();
  }

  document.querySelectorAll('[data-suggest]').forEach(suggestions);
  compareSelection();
})();
