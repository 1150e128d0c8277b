// A stricter search than testkit's expectNoSecrets, for servers that echo credentials: besides each value as is and
// URL-encoded, any run of 12 of its characters (half a secret split across two fields), and the base64 of
// `id:secret`. The failure names the value by its index and never prints it.

/** The run of consecutive characters of a secret that counts as a trace (core masks runs of this length). */
export const TRACE_FRAGMENT_LENGTH = 12;

/** A value that must leave no trace, and the access key id it is paired with in `base64(id:secret)`, if any. */
export interface TracedValue {
  value: string;
  accessKeyId?: string;
  /** Search the value whole only (an Authorization header: its key id and signed header names are not secret). */
  wholeOnly?: boolean;
}

/** Lists where `texts` show a trace of one of `values` (empty: none). */
export function findCredentialTraces(texts: readonly string[], values: readonly TracedValue[]): string[] {
  const text = texts.join("\n");
  const traces: string[] = [];
  values.forEach(({ value, accessKeyId, wholeOnly }, index) => {
    if (value.length < 6) return;
    const forms = [
      value,
      encodeURIComponent(value),
      ...(accessKeyId === undefined ? [] : [Buffer.from(`${accessKeyId}:${value}`).toString("base64")]),
    ];
    for (const form of forms)
      if (text.includes(form)) traces.push(`value #${index + 1} appears whole (form ${forms.indexOf(form) + 1})`);
    for (let start = 0; !wholeOnly && start + TRACE_FRAGMENT_LENGTH <= value.length; start += 1) {
      if (!text.includes(value.slice(start, start + TRACE_FRAGMENT_LENGTH))) continue;
      traces.push(`value #${index + 1}: characters ${start}–${start + TRACE_FRAGMENT_LENGTH} appear`);
      break;
    }
  });
  return traces;
}
