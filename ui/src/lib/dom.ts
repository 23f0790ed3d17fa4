// A tiny element builder: the UI is plain DOM, built by small functions, one component per file.

type Child = Node | string | number | null | undefined | false | Child[];

/** Attributes and properties accepted by `h`: `on*` functions become listeners, `testid` sets data-testid. */
export type Props = Record<string, unknown>;

/** Creates an element with attributes, listeners and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props | null = null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props) {
    for (const [key, value] of Object.entries(props)) {
      if (value === undefined || value === null || value === false) continue;
      if (key.startsWith("on") && typeof value === "function") {
        el.addEventListener(key.slice(2).toLowerCase(), value as EventListener);
      } else if (key === "testid") {
        el.setAttribute("data-testid", String(value));
      } else if (key === "class") {
        el.className = String(value);
      } else if (key === "value" || key === "checked" || key === "disabled" || key === "selected") {
        (el as unknown as Record<string, unknown>)[key] = value;
      } else if (value === true) {
        el.setAttribute(key, "");
      } else {
        el.setAttribute(key, String(value));
      }
    }
  }
  append(el, children);
  return el;
}

function append(el: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else if (child instanceof Node) el.appendChild(child);
    else el.appendChild(document.createTextNode(String(child)));
  }
}

/** Replaces all children of `el`. */
export function replace(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

/** A `<select>` with `[value, label]` options and the current value selected. */
export function select(
  props: Props,
  options: ReadonlyArray<readonly [string, string]>,
  current: string,
  onChange: (value: string) => void,
): HTMLSelectElement {
  const el = h(
    "select",
    { ...props, onChange: () => onChange(el.value) },
    options.map(([value, label]) => h("option", { value }, label)),
  );
  el.value = current;
  return el;
}

/** A labelled form row: `<label>` text above the control, an optional hint and a problem slot. */
export function field(label: string, control: HTMLElement, extra?: Child): HTMLElement {
  if (!control.id) control.id = uid(label);
  return h(
    "div",
    { class: "field" },
    h("label", { for: control.id }, label),
    control,
    extra ?? null,
  );
}

let counter = 0;
/** A unique DOM id derived from a label. */
export function uid(hint: string): string {
  counter += 1;
  return `f-${hint.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${counter}`;
}

/** Calls `fn` at most once per `ms` after the last call (trailing edge). */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const debounced = (...args: A) => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      fn(...args);
    }, ms);
  };
  debounced.cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  return debounced;
}
