/** A JSON object as parsed, before anything about its fields is trusted. */
export type JsonObject = Readonly<Record<string, unknown>>;

/** Whether a parsed JSON value is an object (not an array or null). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string field, or null when missing, blank or of another type. Numbers are accepted as text (old feeds use numeric ids). */
export function stringField(object: JsonObject | undefined, key: string): string | null {
  const value = object?.[key];
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value.trim() ? value : null;
}

/** The objects in an array field, ignoring anything else in it. */
export function objectList(object: JsonObject | undefined, key: string): JsonObject[] {
  const value = object?.[key];
  return Array.isArray(value) ? value.filter(isObject) : [];
}

/** The strings in an array field, ignoring anything else in it. */
export function stringList(object: JsonObject | undefined, key: string): string[] {
  const value = object?.[key];
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
}
