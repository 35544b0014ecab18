/** posthog-js `sendBeacon` bodies: `data=<urlencoded base64(JSON)>` (§2.3). */

export function isFormData(text: string): boolean {
  return text.startsWith('data=');
}

/** Returns the decoded bytes of the `data` field, or null when it is not valid base64. */
export function decodeFormData(text: string): Uint8Array | null {
  const field = new URLSearchParams(text.trim()).get('data');
  if (field === null) return null;
  // URLSearchParams turns an unescaped `+` into a space; in base64 it can only have been `+`.
  const base64 = field.replace(/ /g, '+').replace(/\s+/g, '');
  try {
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}
