/** A Redis URL as it may be shown: the password (and a username's secret part) replaced by `***`. */
export function redactRedisUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "(an unparsable URL)";
  }
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}

/** Removes every occurrence of the URL's password (raw and percent-decoded) from a message. */
export function withoutPassword(message: string, url: string | undefined): string {
  if (url === undefined) return message;
  let password = "";
  try {
    password = new URL(url).password;
  } catch {
    return message;
  }
  if (password === "") return message;
  let result = message;
  for (const secret of new Set([password, safeDecode(password)])) {
    if (secret.length > 0) result = result.split(secret).join("***");
  }
  return result;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
