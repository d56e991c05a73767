/* Small pieces the syndication pages share: refusal messages beside their fields, slug selects, times. */

/** A refused form's reason, and the field it is about when it names one. */
export interface FormProblem {
  message: string;
  field?: string;
}

const isAbout = (problem: FormProblem | undefined, name: string) => problem?.field?.split('.')[0] === name;

/** Marks a field as the one a refusal is about, tying it to the message shown beside it. */
export const invalidIf = (problem: FormProblem | undefined, name: string) =>
  isAbout(problem, name) ? { 'aria-invalid': true, 'aria-describedby': `${name}-error` } : {};

/** The refusal's message, beside the field it is about (nothing for other fields). */
export function FieldError({ problem, name }: { problem: FormProblem | undefined; name: string }) {
  return isAbout(problem, name) ? (
    <p id={`${name}-error`} class="field-error" role="alert">
      {problem!.message}
    </p>
  ) : null;
}

/** The refusal's message at the top of a form, when it is about none of the form's fields. */
export function FormAlert({ problem, fields }: { problem: FormProblem | undefined; fields: string[] }) {
  if (!problem || fields.some((f) => isAbout(problem, f))) return null;
  return (
    <p class="alert alert-error" role="alert">
      {problem.message}
    </p>
  );
}

/**
 * A labelled select of slugs (authors, terms, sources) with its error beside it. Single selects get
 * a "none" option when `none` is given; multiple ones take a list of chosen slugs.
 */
export function SlugSelect(props: {
  name: string;
  label: string;
  options: { slug: string; name: string }[];
  chosen: string | string[];
  problem?: FormProblem | undefined;
  none?: string;
  multiple?: boolean;
  required?: boolean;
}) {
  const chosen = Array.isArray(props.chosen) ? props.chosen : [props.chosen];
  return (
    <>
      <label for={props.name}>{props.label}</label>
      <select
        id={props.name}
        name={props.name}
        multiple={props.multiple}
        required={props.required}
        {...(props.multiple ? { size: Math.max(2, Math.min(8, props.options.length)) } : {})}
        {...invalidIf(props.problem, props.name)}
      >
        {props.none !== undefined && <option value="">{props.none}</option>}
        {props.options.map((o) => (
          <option key={o.slug} value={o.slug} selected={chosen.includes(o.slug)}>
            {o.name}
          </option>
        ))}
      </select>
      <FieldError problem={props.problem} name={props.name} />
    </>
  );
}

/** A moment as the newsroom pages show it: minutes, in UTC, or `never` when there is none. */
export function When({ iso, never = 'never' }: { iso: string | null; never?: string }) {
  return iso ? <time datetime={iso}>{`${iso.slice(0, 16).replace('T', ' ')} UTC`}</time> : <>{never}</>;
}
