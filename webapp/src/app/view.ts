// A page (view) is a DOM element plus what to undo when it is replaced.
export interface View {
  /** Accessible page title, also used for document.title. */
  title: string;
  element: HTMLElement;
  dispose?: () => void;
}
