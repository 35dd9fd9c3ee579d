// The admin console's tabs. A tab's content is made the first time it is shown (so a dashboard
// does not load, nor refresh, until someone looks at it); the open tab is kept in the address
// (#/home?tab=audit) without a navigation, so a reload or a shared link opens the same tab.
import { h } from '../shared/dom';

export interface TabContent {
  element: HTMLElement;
  dispose?: () => void;
}

export interface Tab {
  id: string;
  label: string;
  create: () => TabContent;
}

export function adminTabs(tabs: readonly Tab[]): { element: HTMLElement; dispose: () => void } {
  const made = new Map<string, TabContent>();
  const buttons = new Map<string, HTMLButtonElement>();
  const panels = new Map<string, HTMLElement>();
  const list = h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Administration' });
  const holder = h('div', { class: 'tab-panels' });

  const select = (id: string, focus = false) => {
    for (const tab of tabs) {
      const active = tab.id === id;
      const button = buttons.get(tab.id)!;
      const panel = panels.get(tab.id)!;
      button.setAttribute('aria-selected', String(active));
      button.tabIndex = active ? 0 : -1;
      panel.hidden = !active;
      if (active && !made.has(tab.id)) {
        const content = tab.create();
        made.set(tab.id, content);
        panel.append(content.element);
      }
      if (active && focus) button.focus();
    }
    const hash = id === tabs[0].id ? '#/home' : `#/home?tab=${encodeURIComponent(id)}`;
    if (location.hash !== hash) history.replaceState(null, '', hash);
  };

  tabs.forEach((tab, index) => {
    const button = h(
      'button',
      { type: 'button', role: 'tab', id: `tab-${tab.id}`, class: 'tab', 'aria-controls': `tabpanel-${tab.id}`, 'data-testid': `tab-${tab.id}` },
      tab.label,
    ) as HTMLButtonElement;
    button.addEventListener('click', () => select(tab.id));
    button.addEventListener('keydown', (e) => {
      const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
      if (step === 0) return;
      e.preventDefault();
      select(tabs[(index + step + tabs.length) % tabs.length].id, true);
    });
    const panel = h('div', { role: 'tabpanel', id: `tabpanel-${tab.id}`, 'aria-labelledby': `tab-${tab.id}`, 'data-testid': `tabpanel-${tab.id}` });
    buttons.set(tab.id, button);
    panels.set(tab.id, panel);
    list.append(button);
    holder.append(panel);
  });

  const requested = new URLSearchParams(location.hash.split('?')[1] ?? '').get('tab');
  select(tabs.some((tab) => tab.id === requested) ? requested! : tabs[0].id);

  return {
    element: h('div', { class: 'admin-console' }, list, holder),
    dispose: () => {
      for (const content of made.values()) content.dispose?.();
    },
  };
}
