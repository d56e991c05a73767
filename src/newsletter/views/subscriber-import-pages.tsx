import { Alert } from '../../admin/views/admin-layout.js';
import type { ImportNote, ImportPlan } from '../subscriber-admin-import.js';

const LIST = '/admin/newsletter/subscribers';
/** Rows of each kind listed on the preview; the counts always cover them all. */
const SHOWN_NOTES = 200;

/** What the staff member chose on the import form, kept when the form is shown again. */
export interface ImportChoiceValues {
  /** 'confirmed' (they agreed elsewhere), 'ask' (mail each a confirmation link), or '' when not chosen yet. */
  mode: string;
  source: string;
}

/** The import form: a file or pasted list, and on what grounds these readers are added. */
export function ImportPage(props: { values: ImportChoiceValues; pasted: string; csrfToken: string; limits: { rows: number; megabytes: number }; error?: string | undefined }) {
  const { values } = props;
  return (
    <>
      <p>
        <a href={LIST}>← All subscribers</a>
      </p>
      <h1>Import subscribers</h1>
      {props.error && <Alert kind="error">{props.error}</Alert>}
      <p>
        A CSV file whose first line names the columns: <code>email</code> is required, <code>language</code> optional (a code such as
        <code> en</code> or <code>fr</code>; the site’s language when empty); other columns are ignored. At most {props.limits.rows.toLocaleString('en')} readers and{' '}
        {props.limits.megabytes} MB at once. Nothing is written until you have seen what the import would do and confirmed it. Addresses already on the list
        are left as they are, and unsubscribed or suppressed ones are never signed up again.
      </p>
      <form method="post" action={`${LIST}/import`} enctype="multipart/form-data" class="stack">
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <fieldset>
          <legend>How did these readers agree to receive the newsletter?</legend>
          <label>
            <input type="radio" name="mode" value="confirmed" checked={values.mode === 'confirmed'} required /> They confirmed elsewhere: add them as active
          </label>
          <label>
            <input type="radio" name="mode" value="ask" checked={values.mode === 'ask'} /> Ask each to confirm: add them as pending and send each the confirmation mail
          </label>
        </fieldset>
        <label for="source">Where and when they agreed (required when they confirmed elsewhere; kept in each reader’s consent record)</label>
        <input id="source" name="source" type="text" maxLength={500} value={values.source} />
        <label for="file">CSV file</label>
        <input id="file" name="file" type="file" accept=".csv,text/csv,text/plain" />
        <label for="text">or paste the list</label>
        <textarea id="text" name="text" rows={8}>
          {props.pasted}
        </textarea>
        <button type="submit">Check the list</button>
      </form>
    </>
  );
}

function NoteTable({ title, notes }: { title: string; notes: ImportNote[] }) {
  if (notes.length === 0) return null;
  return (
    <>
      <h2>
        {title} ({notes.length})
      </h2>
      <table class="admin-table">
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Address</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {notes.slice(0, SHOWN_NOTES).map((n) => (
            <tr key={n.line}>
              <td>{n.line}</td>
              <td>{n.shown}</td>
              <td>{n.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {notes.length > SHOWN_NOTES && <p>… and {notes.length - SHOWN_NOTES} more.</p>}
    </>
  );
}

/** What an import would do, before anything is written, with the button that writes it. */
export function ImportPreviewPage(props: { plan: ImportPlan; values: ImportChoiceValues; confirmCsv: string; csrfToken: string }) {
  const { plan, values } = props;
  const adding = plan.toAdd.length;
  const how = values.mode === 'confirmed' ? 'as active subscribers' : 'as pending subscribers, each mailed a confirmation link';
  return (
    <>
      <p>
        <a href={`${LIST}/import`}>← Start again</a>
      </p>
      <h1>Check the import</h1>
      <ul aria-label="What the import would do">
        <li>
          <strong>{adding}</strong> to add {how}
        </li>
        <li>
          <strong>{plan.duplicates.length}</strong> repeated in the file (added once)
        </li>
        <li>
          <strong>{plan.known.length}</strong> already on the list (left as they are)
        </li>
        <li>
          <strong>{plan.refused.length}</strong> refused
        </li>
      </ul>
      {adding > 0 ? (
        <form method="post" action={`${LIST}/import/confirm`} class="stack">
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          <input type="hidden" name="mode" value={values.mode} />
          <input type="hidden" name="source" value={values.source} />
          <input type="hidden" name="rows" value={props.confirmCsv} />
          {values.mode === 'confirmed' && <p>Their consent record will say: imported by you, agreed at “{values.source}”.</p>}
          <button type="submit">
            Import {adding} {adding === 1 ? 'reader' : 'readers'}
          </button>
        </form>
      ) : (
        <Alert kind="info">There is nobody new to add: nothing will be imported.</Alert>
      )}
      <NoteTable title="Refused" notes={plan.refused} />
      <NoteTable title="Repeated in the file" notes={plan.duplicates} />
      <NoteTable title="Already on the list" notes={plan.known} />
    </>
  );
}
