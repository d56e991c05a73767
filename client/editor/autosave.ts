/**
 * Saves a draft in the background: a change waits for the writer to pause (about two seconds),
 * and at most one request is in flight; changes made meanwhile are sent when it returns.
 */
const PAUSE_MS = 2000;

export interface Autosave {
  /** Call after any change to the form's data. */
  changed(): void;
}

async function errorMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: unknown } };
    if (typeof body.error?.message === 'string') return body.error.message;
  } catch {
    // Not our JSON error shape (a proxy's error page, say): fall back to the status.
  }
  return `the server answered ${response.status}`;
}

/**
 * The form's fields as JSON, like `Object.fromEntries(new FormData(form))` except that a name
 * sent more than once (a multiple select, a group of checkboxes) keeps all its values as an
 * array, so a draft with two authors is not saved with one. Files cannot travel as JSON.
 */
export function formJson(form: HTMLFormElement): Record<string, string | string[]> {
  const json: Record<string, string | string[]> = {};
  new FormData(form).forEach((value, name) => {
    if (typeof value !== 'string') return;
    const seen = json[name];
    json[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  });
  return json;
}

export function setupAutosave(form: HTMLFormElement): Autosave | undefined {
  const url = form.dataset.autosaveUrl;
  const token = form.dataset.csrfToken;
  if (!url || !token) return undefined;
  const status = form.querySelector<HTMLElement>('[data-autosave-status]') ?? document.querySelector<HTMLElement>('[data-autosave-status]');
  const show = (text: string) => {
    if (status) status.textContent = text;
  };
  const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight = false;
  let dirty = false;

  const save = async () => {
    inFlight = true;
    dirty = false;
    show('Saving…');
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': token },
        body: JSON.stringify(formJson(form)),
      });
      show(response.ok ? `Saved at ${time.format(new Date())}` : `Could not save: ${await errorMessage(response)}`);
    } catch (error) {
      show(`Could not save: ${(error as Error).message}`);
    } finally {
      inFlight = false;
      if (dirty) schedule();
    }
  };

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (!inFlight) void save();
    }, PAUSE_MS);
  };

  const changed = () => {
    dirty = true;
    schedule();
  };
  // Typing in any field (title, slug, the editor itself) bubbles up here; toolbar commands do
  // not fire "input", so the editor also reports its changes through changed().
  form.addEventListener('input', changed);
  return { changed };
}
