/** The planner: the editor beside the live answer. */
import { useEffect, type ReactNode } from 'react';
import { Editor, type EditorApi } from '../editor/fields.js';
import { ProblemList, ScenarioEditor } from '../editor/ScenarioEditor.js';
import { issuesByPath } from '../state/draft.js';
import type { Workspace } from '../state/workspace.js';
import { ReportView } from '../report/ReportView.js';
import { FileButtons } from './FileButtons.js';

/** True where Ctrl+Z belongs to the browser (undoing typing inside a text field). */
function isTyping(t: EventTarget | null): boolean {
  if (t instanceof HTMLTextAreaElement || (t instanceof HTMLElement && t.isContentEditable)) {
    return true;
  }
  return t instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'file'].includes(t.type);
}

export function PlannerPage(props: { ws: Workspace }): ReactNode {
  const ws = props.ws;
  const { undo, redo } = ws;
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (!(e.ctrlKey || e.metaKey) || isTyping(e.target)) return;
      const k = e.key.toLowerCase();
      if (k === 'z' && !e.shiftKey) undo();
      else if (k === 'y' || (k === 'z' && e.shiftKey)) redo();
      else return;
      e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
    };
  }, [undo, redo]);

  const api: EditorApi = {
    draft: ws.draft,
    issues: issuesByPath(ws.answer.issues),
    edit: ws.edit,
    replace: ws.replace,
  };
  const name =
    typeof ws.draft['name'] === 'string' && ws.draft['name']
      ? ws.draft['name']
      : 'Untitled scenario';
  const example =
    ws.records.length <= 1 &&
    name === 'Physician with a hospital 403(b) and a moonlighting solo 401(k)';
  return (
    <>
      <div className="toolbar">
        <h1>{name}</h1>
        <div className="actions">
          <button type="button" onClick={undo} disabled={!ws.canUndo} aria-keyshortcuts="Control+Z">
            Undo
          </button>
          <button type="button" onClick={redo} disabled={!ws.canRedo} aria-keyshortcuts="Control+Y">
            Redo
          </button>
          <FileButtons ws={ws} />
          <a className="button" href="#/print">
            Client report
          </a>
        </div>
      </div>
      {example && (
        <p className="intro">
          This is an example: a physician with a hospital 403(b) and moonlighting income. Change any
          field and the answer updates at once, or{' '}
          <a href="#/start">start from your own situation</a>.
        </p>
      )}
      <div className="planner">
        <section className="editor-col" aria-labelledby="situation">
          <h2 id="situation">Your situation</h2>
          <ProblemList issues={ws.answer.issues} />
          <Editor.Provider value={api}>
            <ScenarioEditor />
          </Editor.Provider>
        </section>
        <section className="answer-col" aria-labelledby="answer" tabIndex={0}>
          {ws.answer.stale && (
            <p className="stale-note" role="status">
              This answer is for your last valid entries. Fix the fields marked in red to update it.
            </p>
          )}
          {ws.answer.report ? (
            <ReportView report={ws.answer.report} stale={ws.answer.stale} />
          ) : (
            <div className="card">
              <h2 id="answer">The answer</h2>
              <p>Fill in the fields marked in red to see how much fits where.</p>
            </div>
          )}
        </section>
      </div>
    </>
  );
}
