/**
 * An OCF package as bytes: each file's JSON serialized one fixed way, the
 * manifest completed with the MD5 of those exact bytes, and the whole as a
 * .zip. The same objects always give the same bytes, in the task pane and on
 * the command line alike (no Node modules here).
 */
import JSZip from "jszip";
import { OCF_MANIFEST_PATH, withFiles, type OcfFileType, type OcfPackage } from "./ocf";
import { md5Hex } from "./md5";

export interface PackageFile {
  /** Path within the package: a file name in the folder or the .zip. */
  path: string;
  fileType: OcfFileType | "OCF_MANIFEST_FILE";
  bytes: Uint8Array;
}

/** Two-space JSON, a final newline, UTF-8: the bytes a checksum is taken of. */
function serializeJson(value: unknown): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);
}

/** The manifest first, then every file it lists, each with the bytes its checksum was taken of. */
export function packageFiles(pkg: OcfPackage): PackageFile[] {
  const files = pkg.files.map((file) => ({ file, bytes: serializeJson(file.content) }));
  const manifest = withFiles(
    pkg.manifest,
    files.map(({ file, bytes }) => ({ file, md5: md5Hex(bytes) })),
  );
  return [
    { path: OCF_MANIFEST_PATH, fileType: manifest.file_type, bytes: serializeJson(manifest) },
    ...files.map(({ file, bytes }) => ({ path: file.path, fileType: file.content.file_type, bytes })),
  ];
}

/**
 * The files as one .zip, every entry dated the package's `generated_at` so
 * that the same package always zips to the same bytes.
 */
export async function packageZip(pkg: OcfPackage, files: readonly PackageFile[] = packageFiles(pkg)): Promise<Uint8Array> {
  const zip = new JSZip();
  const date = new Date(pkg.manifest.generated_at);
  for (const file of files) zip.file(file.path, file.bytes, { date, binary: true });
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 9 }, platform: "DOS" });
}

/** A moment to the second, as OCF's own examples write `generated_at`. */
export function generatedAtOf(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

export interface PackageLine {
  path: string;
  /** 1-based. */
  line: number;
  text: string;
}

/**
 * Every file's text line by line, for where a file cannot be saved (Excel on
 * the Mac does not download a blob): the lines of one file joined with "\n",
 * plus a final "\n", are its exact bytes, so the manifest's md5s still hold.
 */
export function packageLines(files: readonly PackageFile[]): PackageLine[] {
  const decoder = new TextDecoder();
  return files.flatMap((file) =>
    decoder
      .decode(file.bytes)
      .replace(/\n$/, "")
      .split("\n")
      .map((text, i) => ({ path: file.path, line: i + 1, text })),
  );
}
