// A tiny DOM builder: h('button', { class: 'primary', onclick: fn }, t('x')).
// Text children are always inserted as text nodes, never as HTML.

export type Child = Node | string | number | null | undefined | false | Child[];

type Props = {
  class?: string;
  style?: string;
  dataset?: Record<string, string>;
} & { [attr: string]: unknown };

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props | null = null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props) {
    for (const [name, value] of Object.entries(props)) {
      if (value === undefined || value === null || value === false) continue;
      if (name === 'dataset') {
        Object.assign(el.dataset, value as Record<string, string>);
      } else if (name.startsWith('on') && typeof value === 'function') {
        el.addEventListener(name.slice(2), value as EventListener);
      } else if (name === 'value' && 'value' in el) {
        (el as HTMLInputElement).value = String(value);
      } else if (value === true) {
        el.setAttribute(name, '');
      } else {
        el.setAttribute(name === 'className' ? 'class' : name, String(value));
      }
    }
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else if (child instanceof Node) parent.appendChild(child);
    else parent.appendChild(document.createTextNode(String(child)));
  }
}

/** Replaces all children of `parent`. */
export function mount(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}
