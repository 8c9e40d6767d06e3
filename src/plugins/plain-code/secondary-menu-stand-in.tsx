import {
  createContext,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ComponentType,
  type Dispatch,
  type ReactNode,
  type SetStateAction,
} from 'react';

type Content = { component: ComponentType<object>; props: object } | { component: null; props: null };

const Context = createContext<[Content, Dispatch<SetStateAction<Content>>] | null>(null);

function useContent(): [Content, Dispatch<SetStateAction<Content>>] {
  const value = useContext(Context);
  if (!value)
    throw new Error('The navbar secondary menu is used outside <NavbarSecondaryMenuContentProvider>');
  return value;
}

/**
 * The theme's navbar secondary menu content (theme-common, `contexts/navbarSecondaryMenu/content`): the
 * place a page (the docs sidebar, on a phone) fills in the menu's drawer. Same exports and behavior; the
 * filler's props are memoized shallowly with keys sorted by code unit instead of `localeCompare`, whose
 * first call builds the ICU collator: ~45 ms in one piece with the CPU slowed 4× (Lighthouse's phone), in
 * the render that switches an article to its phone layout.
 */
export function NavbarSecondaryMenuContentProvider({ children }: { children: ReactNode }): ReactNode {
  const value = useState<Content>({ component: null, props: null });
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useNavbarSecondaryMenuContent(): Content {
  return useContent()[0];
}

/** Renders nothing: puts `component` with `props` in the menu's drawer while it is mounted. */
export function NavbarSecondaryMenuFiller<P extends object>({
  component,
  props,
}: {
  component: ComponentType<P>;
  props: P;
}): ReactNode {
  const [, setContent] = useContent();
  // The same object while its keys and values are the same, in whatever order they come.
  const deps = Object.entries(props).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  // As in the theme, the dependencies are the entries themselves.
  // eslint-disable-next-line react-hooks/use-memo, react-hooks/exhaustive-deps
  const memoizedProps = useMemo(() => props, deps.flat());
  useEffect(() => {
    setContent({ component: component as ComponentType<object>, props: memoizedProps });
  }, [setContent, component, memoizedProps]);
  useEffect(() => () => setContent({ component: null, props: null }), [setContent]);
  return null;
}
