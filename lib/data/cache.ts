/**
 * Local copies of data files that are not committed: look in known directories, else download
 * once into a cache directory. The download is checked before it is kept and written atomically
 * (temporary file, then rename), so a failed or concurrent fetch never leaves a half file.
 *
 * @module
 */
import { ValueError } from "../core/errors.ts";

/** A directory as a path string or a `file:` URL. */
export type DirLike = string | URL;

/** `dir/name` for either form of directory. */
export function joinPath(dir: DirLike, name: string): string | URL {
  if (dir instanceof URL) return new URL(name, dir.href.endsWith("/") ? dir : `${dir.href}/`);
  return `${dir.replace(/[\\/]+$/, "")}/${name}`;
}

/** A path for messages: URLs shown as file-system paths. */
export function showPath(path: string | URL): string {
  return path instanceof URL && path.protocol === "file:"
    ? decodeURIComponent(path.pathname)
    : String(path);
}

/** Whether a regular file exists at `path` (false when absent or unreadable). */
export function fileExists(path: string | URL): boolean {
  try {
    return Deno.statSync(path).isFile;
  } catch {
    return false;
  }
}

/** `$XDG_CACHE_HOME/mlnotes/<sub>` or `~/.cache/mlnotes/<sub>`. */
export function userCacheDir(sub: string): string {
  const xdg = Deno.env.get("XDG_CACHE_HOME");
  const home = Deno.env.get("HOME") ?? Deno.env.get("USERPROFILE");
  if (xdg) return `${xdg}/mlnotes/${sub}`;
  if (home) return `${home}/.cache/mlnotes/${sub}`;
  throw new ValueError(
    `Cannot locate a cache directory: neither XDG_CACHE_HOME nor HOME is set. Pass the ` +
      `'cacheDir' option.`,
  );
}

/** How {@link readCachedText} finds or fetches a file. */
export interface CachedFileOptions {
  /** Directories searched first, in order, read-only (e.g. a shared copy). */
  searchDirs: DirLike[];
  /** Where a download is stored (created if needed). */
  cacheDir: DirLike;
  /** URL the file name is appended to. */
  baseUrl: string;
  /** Fetch when the file is nowhere local. */
  download: boolean;
  /** Throws when the text is not the expected file; run on downloads before they are kept. */
  validate: (text: string, source: string) => void;
}

/**
 * The text of `fileName` from the first search directory that has it, else from the cache
 * directory, else downloaded from `baseUrl + fileName` into the cache directory.
 *
 * @example
 * ```ts
 * import { readCachedText } from "./cache.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const shared = await Deno.makeTempDir();
 * await Deno.writeTextFile(`${shared}/notes.txt`, "hello");
 * const text = await readCachedText("notes.txt", {
 *   searchDirs: [shared], // found here, so nothing is fetched
 *   cacheDir: `${shared}/cache`,
 *   baseUrl: "https://example.org/",
 *   download: false,
 *   validate: (t, source) => {
 *     if (t.length === 0) throw new Error(`${source} is empty`);
 *   },
 * });
 * assertEquals(text, "hello");
 * await Deno.remove(shared, { recursive: true });
 * ```
 */
export async function readCachedText(
  fileName: string,
  options: CachedFileOptions,
): Promise<string> {
  for (const dir of [...options.searchDirs, options.cacheDir]) {
    const path = joinPath(dir, fileName);
    if (fileExists(path)) return await Deno.readTextFile(path);
  }
  const target = joinPath(options.cacheDir, fileName);
  const url = options.baseUrl.replace(/\/*$/, "/") + fileName;
  const manual = `Download ${url} yourself and save it as ${showPath(target)}.`;
  if (!options.download) {
    throw new ValueError(
      `${fileName} is not in ${
        [...options.searchDirs, options.cacheDir].map((d) => showPath(d)).join(" or ")
      } and 'download' is false. ${manual}`,
    );
  }
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new ValueError(
      `Could not download ${url}: ${(error as Error).message}. ${manual}`,
      { cause: error },
    );
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new ValueError(
      `Could not download ${url}: HTTP ${response.status} ${response.statusText}. ${manual}`,
    );
  }
  const text = await response.text();
  try {
    options.validate(text, url);
  } catch (error) {
    throw new ValueError(
      `The file downloaded from ${url} is not a valid ${fileName}, so it was not cached: ${
        (error as Error).message
      }`,
      { cause: error },
    );
  }
  await Deno.mkdir(options.cacheDir, { recursive: true });
  const partial = joinPath(options.cacheDir, `${fileName}.${crypto.randomUUID()}.part`);
  await Deno.writeTextFile(partial, text);
  await Deno.rename(partial, target);
  return text;
}
