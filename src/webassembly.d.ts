/**
 * The part of the WebAssembly JavaScript API that polycrit uses (the SIMD kernel of the F4 row
 * reduction, src/groebner/f4/matrix/simd-kernel.ts). Node.js has the API; TypeScript declares it
 * only in its DOM library, which a Node.js library should not pull in.
 */
declare namespace WebAssembly {
  class Module {
    constructor(bytes: Uint8Array);
  }
  class Memory {
    constructor(descriptor: { initial: number; maximum?: number });
    readonly buffer: ArrayBuffer;
    grow(delta: number): number;
  }
  class Instance {
    constructor(module: Module, imports?: Record<string, Record<string, unknown>>);
    readonly exports: Record<string, unknown>;
  }
  function validate(bytes: Uint8Array): boolean;
}
