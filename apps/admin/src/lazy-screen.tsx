import { type ComponentType, lazy, Suspense } from 'react';
import { Loading } from 'react-admin';

/**
 * A page whose code loads with its route, inside its own Suspense boundary.
 *
 * Why its own boundary: react-router runs navigations as transitions, and a transition keeps an already shown
 * boundary's old content on screen while the new page's code arrives, so a clerk could go on clicking the page they
 * just left. A boundary that mounts with the new page shows its spinner at once instead.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- pages take whatever props react-admin gives them
export function lazyScreen<M, K extends keyof M>(load: () => Promise<M>, name: K): ComponentType<any> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const Screen = lazy(() => load().then((m) => ({ default: m[name] as ComponentType<any> })));
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const LazyScreen = (props: any) => (
    <Suspense fallback={<Loading />}>
      <Screen {...props} />
    </Suspense>
  );
  LazyScreen.displayName = `LazyScreen(${String(name)})`;
  return LazyScreen;
}
