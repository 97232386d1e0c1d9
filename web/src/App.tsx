/** The app's frame: header and navigation, the page for the address's #route, the footer. */
import { lazy, Suspense, useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { PlannerPage } from './pages/PlannerPage.js';
import { PrintPage } from './pages/PrintPage.js';
import { SavedPage } from './pages/SavedPage.js';
import { StartPage } from './pages/StartPage.js';
import { useWorkspace } from './state/workspace.js';
import { TOOLS, type ToolId } from './tools/list.js';

// The tools load when first opened, keeping the planner's first load small.
const ToolsIndex = lazy(() =>
  import('./tools/ToolsPage.js').then((m) => ({ default: m.ToolsIndex })),
);
const ToolPage = lazy(() => import('./tools/ToolsPage.js').then((m) => ({ default: m.ToolPage })));

const ROUTES = [
  ['#/', 'Planner'],
  ['#/start', 'Start from a situation'],
  ['#/saved', 'Saved scenarios'],
  ['#/print', 'Client report'],
  ['#/tools', 'Tools'],
] as const;

type Route = (typeof ROUTES)[number][0] | `#/tools/${ToolId}`;

function subscribe(cb: () => void): () => void {
  window.addEventListener('hashchange', cb);
  return () => {
    window.removeEventListener('hashchange', cb);
  };
}

function currentRoute(): Route {
  const h = window.location.hash || '#/';
  const tool = TOOLS.find(([id]) => h === `#/tools/${id}`);
  if (tool) return `#/tools/${tool[0]}`;
  return ROUTES.find(([r]) => r === h)?.[0] ?? '#/';
}

const SAVE_TEXT = {
  loading: 'Opening…',
  saving: 'Saving…',
  saved: 'Saved in this browser',
  unavailable: 'Not saved (storage unavailable)',
} as const;

export function App(): ReactNode {
  const ws = useWorkspace();
  const route = useSyncExternalStore(subscribe, currentRoute);
  const tool = TOOLS.find(([id]) => route === `#/tools/${id}`);
  const title = tool?.[1] ?? ROUTES.find(([r]) => r === route)?.[1] ?? 'Planner';
  useEffect(() => {
    document.title = `${title} — megaroth`;
    window.scrollTo(0, 0);
  }, [title]);
  return (
    <>
      <a
        className="skip"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to content
      </a>
      <header className="site no-print">
        <a className="brand" href="#/">
          megaroth
        </a>
        <nav aria-label="Main">
          <ul>
            {ROUTES.map(([r, label]) => (
              <li key={r}>
                <a
                  href={r}
                  aria-current={r === route || (r === '#/tools' && tool) ? 'page' : undefined}
                >
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {/* Announced only when saving fails: "Saving…" on every keystroke would be noise. */}
        <span
          className="save-state"
          role={ws.saveState === 'unavailable' ? 'status' : undefined}
          data-state={ws.saveState}
        >
          {SAVE_TEXT[ws.saveState]}
        </span>
      </header>
      <main id="main" tabIndex={-1}>
        {route === '#/' && <PlannerPage ws={ws} />}
        {route === '#/start' && <StartPage ws={ws} />}
        {route === '#/saved' && <SavedPage ws={ws} />}
        {route === '#/print' && <PrintPage ws={ws} />}
        <Suspense fallback={<p>Loading…</p>}>
          {route === '#/tools' && <ToolsIndex />}
          {tool && <ToolPage tool={tool[0]} ws={ws} />}
        </Suspense>
      </main>
      <footer className="site no-print">
        Everything runs in your browser; nothing you type leaves this computer. Figures follow the
        Internal Revenue Code and regulations cited beside each one; this is planning help, not tax
        advice.
      </footer>
    </>
  );
}
