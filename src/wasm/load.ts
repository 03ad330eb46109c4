import type { ArenaExports } from './exports.js';

declare global {
  // The WebAssembly types live in TypeScript's DOM lib, which a Node project (lib ES20xx plus
  // @types/node 20) does not load. These empty-bodied declarations merge with the DOM's when
  // it is there and stand in for them when it is not, so the shipped .d.ts files type-check
  // either way. (The DOM's own Module interface is empty too.)
  namespace WebAssembly {
    interface Module {}
    interface Memory {
      readonly buffer: ArrayBuffer;
    }
  }
}

/** What `createArena({ wasm })` accepts: a compiled module, its bytes, or where to fetch them. */
export type WasmSource = WebAssembly.Module | ArrayBuffer | ArrayBufferView | URL | string;

let embeddedModule: Promise<WebAssembly.Module> | undefined;

function decodeBase64(text: string): Uint8Array {
  // atob exists in Node >= 16, Deno, browsers and workers alike.
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Compile bytes, saying what to do when the runtime refuses to compile wasm from bytes at all
 * (Cloudflare Workers and other edge runtimes do; V8 says only "Wasm code generation
 * disallowed by embedder").
 */
async function compile(bytes: BufferSource): Promise<WebAssembly.Module> {
  try {
    return await WebAssembly.compile(bytes);
  } catch (error) {
    if (error instanceof Error && /disallowed|code generation|not allowed/i.test(error.message)) {
      const refused = new WebAssembly.CompileError(
        `arenaguard: this runtime does not compile WebAssembly from bytes (${error.message}); pass the compiled module instead: `
        + `import wasm from 'arenaguard/wasm' (a WebAssembly.Module in edge runtimes), then createArena({ wasm })`,
      );
      (refused as { cause?: unknown }).cause = error;
      throw refused;
    }
    throw error;
  }
}

/** Compile the embedded module once per realm; every arena instantiates its own instance. */
function embedded(): Promise<WebAssembly.Module> {
  if (embeddedModule === undefined) {
    // (imported on first use, not with this module: a bundle for a runtime that passes its own module
    // — an edge worker importing arenaguard/wasm, a page fetching it — splits the 400 KB of base64
    // into a chunk it never loads)
    const compiling = import('../generated/wasm-base64.js').then(({ WASM_BASE64 }) => compile(decodeBase64(WASM_BASE64) as BufferSource));
    // (a refusal is not cached: the next arena tries again, and says why again)
    compiling.catch(() => { if (embeddedModule === compiling) embeddedModule = undefined; });
    embeddedModule = compiling;
  }
  return embeddedModule;
}

async function fetchBytes(url: URL): Promise<ArrayBuffer> {
  if (url.protocol === 'file:') {
    // Node 20's fetch cannot read file: URLs.
    let fs: { readFile(url: URL): Promise<Uint8Array> };
    try {
      fs = await import(/* @vite-ignore */ 'node:fs/promises' as string);
    } catch (error) {
      throw new TypeError(`wasm: a file: URL is read with node:fs, which this runtime lacks: pass the bytes, an http(s) URL or a WebAssembly.Module`, { cause: error });
    }
    const data: Uint8Array = await fs.readFile(url);
    return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
  }
  const response = await fetch(url);
  if (!response.ok) throw new TypeError(`wasm: fetching ${url.href} failed with HTTP ${response.status}`);
  return response.arrayBuffer();
}

/** Resolve any accepted wasm source to a compiled module. */
export async function loadModule(source: WasmSource | undefined): Promise<WebAssembly.Module> {
  if (source === undefined) return embedded();
  if (source instanceof WebAssembly.Module) return source;
  if (typeof source === 'string' || source instanceof URL) {
    return compile(await fetchBytes(new URL(source)));
  }
  if (ArrayBuffer.isView(source) || source instanceof ArrayBuffer) return compile(source as BufferSource);
  throw new TypeError('wasm must be a WebAssembly.Module, bytes (ArrayBuffer or view), or a URL');
}

/** Instantiate with the only import the module has: AssemblyScript's abort. */
export async function instantiate(module: WebAssembly.Module): Promise<ArenaExports> {
  const imports = {
    env: {
      abort(_message: number, _file: number, line: number, column: number): never {
        throw new WebAssembly.RuntimeError(`arenaguard wasm abort at ${line}:${column}`);
      },
    },
  };
  const instance = await WebAssembly.instantiate(module, imports);
  return instance.exports as unknown as ArenaExports;
}
