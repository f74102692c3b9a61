/** Nested message objects as dotted keys ("app.tree.title"), the way the translation library reads them. Used by the message tests. */
export type Messages = { [key: string]: string | Messages };

export function flattenMessages(messages: Messages, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of flattenMessages(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}
